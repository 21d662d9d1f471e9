/**
 * Issue 9.2, 9.4, 9.5: the failure contract of writes. An accepted write whose read-back fails is OUTCOME_UNKNOWN
 * saying it was accepted; an answer the client will not read (another origin, over the size cap) is reconciled like a
 * lost response; an absolute-state write proven not applied is sent again (bounded), an insert never.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BOT, newClient, newHire, setup, type Emu } from './helpers';

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

describe('an accepted write whose read-back fails (9.2)', () => {
	it('disable: maintenance on the read-back -> OUTCOME_UNKNOWN saying the disable was accepted', async () => {
		const { emu, client } = await start();
		emu.faults.add({ kind: 'maintenance', route: '/employee/edit/100', method: 'GET', after: 1 });
		const err = await client.disableEmployee({ posUserId: 1001 }).catch((e) => e);
		expect(err.code).toBe('OUTCOME_UNKNOWN');
		expect(err.message).toMatch(/disabling employee 100 was accepted by Backoffice/);
		expect(err.message).toMatch(/maintenance/);
		expect(emu.state.getEmployee(100)!.isActive).toBe(false);
		expect(posts(emu, '/employee/update')).toBe(1);
	});

	it('disable: timeout on the read-back -> OUTCOME_UNKNOWN, not TIMEOUT', async () => {
		// 2 s: every other request of the operation must finish within it, also on a loaded machine (300 ms was tight).
		const { emu, client } = await start({ timeoutMs: 2000 });
		emu.faults.add({ kind: 'slow', delayMs: 5000, route: '/employee/edit/100', method: 'GET', after: 1 });
		const err = await client.disableEmployee({ posUserId: 1001 }).catch((e) => e);
		expect(err.code).toBe('OUTCOME_UNKNOWN');
		expect(err.cause.code).toBe('TIMEOUT');
		expect(err.message).toMatch(/was accepted/);
	});

	it('disable: expired session and a refused re-login on the read-back -> OUTCOME_UNKNOWN, not AUTHENTICATION_FAILED', async () => {
		const { emu, client } = await start();
		emu.faults.add({ kind: 'expireSession', route: '/employee/edit/100', method: 'GET', after: 1, times: 1 });
		const bot = emu.state.findUserByUsername('demo-bot')!;
		Object.defineProperty(bot, 'password', { get: () => (emu.state.getEmployee(100)!.isActive ? BOT.password : 'changed') });
		const err = await client.disableEmployee({ posUserId: 1001 }).catch((e) => e);
		expect(err.code).toBe('OUTCOME_UNKNOWN');
		expect(err.cause.code).toBe('AUTHENTICATION_FAILED');
		expect(err.message).toMatch(/was accepted/);
	});

	it('create: the permissions read-back failing -> OUTCOME_UNKNOWN saying the employee was created', async () => {
		const { emu, client } = await start();
		// the first permissions page read is the template load; the second is the read-back after the POST
		emu.faults.add({ kind: 'maintenance', route: /^\/employee\/permissions\/\d+$/, method: 'GET', after: 1 });
		const input = newHire();
		const err = await client.createEmployee(input).catch((e) => e);
		const e = emu.state.findEmployeeByPosUserId(input.posUserId)!;
		expect(err.code).toBe('OUTCOME_UNKNOWN');
		expect(err.message).toContain(`employee ${e.id} (POS user ID ${input.posUserId}) was created`);
		expect(err.message).toMatch(/was accepted by Backoffice/);
	});
});

describe('absolute-state writes proven not applied are sent again, bounded (9.5)', () => {
	const transient = [
		{ kind: 'status', status: 503, retryAfter: 0 },
		{ kind: 'status', status: 500 },
		{ kind: 'status', status: 429, retryAfter: 0 },
		{ kind: 'reset' },
	] as const;
	for (const fault of transient) {
		const label = 'status' in fault ? `HTTP ${fault.status}` : fault.kind;
		it(`permissions POST: one ${label} -> re-sent, the template applied, a warning`, async () => {
			const { emu, client } = await start();
			emu.faults.add({ ...fault, route: '/employee/permissions/update', method: 'POST', times: 1 });
			const input = newHire();
			const r = await client.createEmployee(input);
			expect(emu.state.getEmployee(r.employeeId)!.posGrants.length).toBeGreaterThan(0);
			expect(posts(emu, '/employee/permissions/update')).toBe(2);
			expect(posts(emu, '/employee/insert')).toBe(1);
			expect(r.warnings.join(' ')).toMatch(/permissions request failed .* sent again/);
		});

		it(`disable POST: one ${label} -> re-sent, disabled`, async () => {
			const { emu, client } = await start();
			emu.faults.add({ ...fault, route: '/employee/update', method: 'POST', times: 1 });
			const r = await client.disableEmployee({ posUserId: 1001 });
			expect(emu.state.getEmployee(100)!.isActive).toBe(false);
			expect(posts(emu, '/employee/update')).toBe(2);
			expect(r.warnings.join(' ')).toMatch(/sent again/);
		});
	}

	it('persistent 503 on the permissions POST: at most 1 + maxRetries sends, then a truthful error', async () => {
		const { emu, client } = await start({ maxRetries: 2 });
		emu.faults.add({ kind: 'status', status: 503, retryAfter: 0, route: '/employee/permissions/update', method: 'POST' });
		const input = newHire();
		const err = await client.createEmployee(input).catch((e) => e);
		expect(posts(emu, '/employee/permissions/update')).toBe(3);
		expect(err.message).toMatch(/was created/);
		expect(err.code).toBe('VERIFICATION_FAILED');
	});

	it('a long Retry-After (maintenance window) is not waited for: no re-send', async () => {
		const { emu, client } = await start();
		emu.faults.add({ kind: 'maintenance', route: '/employee/update', method: 'POST', times: 1 });
		const err = await client.disableEmployee({ posUserId: 1001 }).catch((e) => e);
		expect(posts(emu, '/employee/update')).toBe(1);
		expect(err.code).toBe('VERIFICATION_FAILED');
		expect(emu.state.getEmployee(100)!.isActive).toBe(true);
	});

	it('an insert is never re-sent (500 on the insert: nothing created, one POST)', async () => {
		const { emu, client } = await start();
		emu.faults.add({ kind: 'status', status: 500, route: '/employee/insert', method: 'POST', times: 1 });
		const input = newHire();
		const err = await client.createEmployee(input).catch((e) => e);
		expect(err.message).toMatch(/nothing was created/);
		expect(posts(emu, '/employee/insert')).toBe(1);
	});
});

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

