/**
 * Issue 9.4: after a write was applied, an answer the client will not read (a redirect to another origin, a body
 * over the size cap) is reconciled like a lost response, not raised as UNEXPECTED_PAGE / RESPONSE_TOO_LARGE.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newClient, newHire, setup, type Emu } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

const noSleep = { sleep: () => Promise.resolve() };

async function start(clientOptions = {}) {
	const s = await setup();
	const client = newClient(s.emu, clientOptions, noSleep);
	done = async () => {
		await client.close();
		await s.done();
	};
	return { emu: s.emu, client };
}

const posts = (emu: Emu, path: string) => emu.requests.filter((r) => r.method === 'POST' && r.path === path).length;

describe('answers the client will not read, after the write was applied (9.4)', () => {
	for (const kind of ['offsiteRedirect', 'oversize'] as const) {
		it(`insert answered by ${kind}: reconciled by POS id, the create finishes with a warning`, async () => {
			const { emu, client } = await start({ maxResponseBytes: 1024 * 1024 });
			emu.faults.add({ kind, route: '/employee/insert', method: 'POST', times: 1 });
			const input = newHire();
			const r = await client.createEmployee(input);
			expect(r.employeeId).toBe(emu.state.findEmployeeByPosUserId(input.posUserId)!.id);
			expect(r.warnings.join(' ')).toMatch(/not re-sent/);
			expect(emu.state.getEmployee(r.employeeId)!.posGrants.length).toBeGreaterThan(0);
			expect(posts(emu, '/employee/insert')).toBe(1);
		});

		it(`Backoffice user insert answered by ${kind}: reconciled by username`, async () => {
			const { emu, client } = await start({ maxResponseBytes: 1024 * 1024 });
			emu.faults.add({ kind, route: '/user/insert', method: 'POST', times: 1 });
			const r = await client.createBackofficeUser({
				username: `odd${kind}`,
				email: `odd.${kind}@example.invalid`,
				permission: 'General User',
				firstName: 'Odd',
				lastName: 'Answer',
			});
			expect(r.userId).toBe(emu.state.findUserByUsername(`odd${kind}`)!.id);
			expect(posts(emu, '/user/insert')).toBe(1);
		});

		it(`disable answered by ${kind}: decided by the read-back`, async () => {
			const { emu, client } = await start({ maxResponseBytes: 1024 * 1024 });
			emu.faults.add({ kind, route: '/employee/update', method: 'POST', times: 1 });
			const r = await client.disableEmployee({ posUserId: 1001 });
			expect(r.alreadyInactive).toBe(false);
			expect(emu.state.getEmployee(100)!.isActive).toBe(false);
			expect(posts(emu, '/employee/update')).toBe(1);
		});
	}
});

