/** disableEmployee against the emulator: by POS id and by e-mail, budgets, read-back, errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors';
import { newClient, newHire, routes, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('disableEmployee', () => {
	it('by POS user ID: full-form round trip without isActive, verified; warm budget 4 requests', async () => {
		const s = await setup();
		done = s.done;
		await s.client.login();
		const before = structuredClone(s.emu.state.findEmployeeByPosUserId(1001)!);
		const from = s.emu.requests.length;
		const r = await s.client.disableEmployee({ posUserId: 1001 });
		const log = since(s.emu, from);
		expect(routes(log)).toEqual(['GET /employee', 'GET /employee/edit/100', 'POST /employee/update', 'GET /employee/edit/100']);
		const post = log[2].body;
		expect(post).toContain('employee%5Bid%5D=100');
		expect(post).not.toContain('isActive');
		const after = s.emu.state.getEmployee(100)!;
		expect(after.isActive).toBe(false);
		// everything else survived the round trip
		expect({ ...after, isActive: true }).toEqual({ ...before, isActive: true });
		expect(r).toMatchObject({ employeeId: 100, posUserId: 1001, email: 'avery.alder0@example.invalid', alreadyInactive: false, warnings: [] });
		expect(r.disabledAt).toBeInstanceOf(Date);
	});

	it('by e-mail (any case): the /user/create e-mail map gives the employee id', async () => {
		const s = await setup();
		done = s.done;
		const r = await s.client.disableEmployee({ email: 'Blake.Birch1@example.invalid' });
		expect(r).toMatchObject({ employeeId: 103, posUserId: 1008 });
		expect(s.emu.state.getEmployee(103)!.isActive).toBe(false);
		expect(routes(since(s.emu, 1))).toEqual(['GET /user/create', 'GET /employee/edit/103', 'POST /employee/update', 'GET /employee/edit/103']);
	});

	it('an employee created by this client can be disabled by e-mail without re-downloading the map', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire();
		const created = await s.client.createEmployee(hire);
		const from = s.emu.requests.length;
		const r = await s.client.disableEmployee({ email: hire.email });
		expect(r.employeeId).toBe(created.employeeId);
		expect(since(s.emu, from)).toHaveLength(3);
	});

	it('already inactive: nothing posted, alreadyInactive true', async () => {
		const s = await setup();
		done = s.done;
		const r = await s.client.disableEmployee({ posUserId: 1029 });
		expect(r.alreadyInactive).toBe(true);
		expect(s.emu.requests.some((x) => x.method === 'POST' && x.path === '/employee/update')).toBe(false);
	});

	it('unknown POS id or e-mail: NotFoundError; both or neither key: ValidationError before any request', async () => {
		const s = await setup();
		done = s.done;
		await expect(s.client.disableEmployee({ posUserId: 999999 })).rejects.toBeInstanceOf(NotFoundError);
		await expect(s.client.disableEmployee({ email: 'ghost@example.invalid' })).rejects.toBeInstanceOf(NotFoundError);
		const n = s.emu.requests.length;
		await expect(s.client.disableEmployee({})).rejects.toBeInstanceOf(ValidationError);
		await expect(s.client.disableEmployee({ posUserId: 1001, email: 'a@b.co' })).rejects.toBeInstanceOf(ValidationError);
		expect(s.emu.requests).toHaveLength(n);
	});

	it('an update answered without the success redirect is not reported as success', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'status', status: 302, route: '/employee/update', method: 'POST', times: 1 });
		const err = await s.client.disableEmployee({ posUserId: 1008 }).catch((e) => e);
		expect(err.code).toMatch(/UNEXPECTED_PAGE|REJECTED_BY_SERVER|VERIFICATION_FAILED/);
		expect(s.emu.state.getEmployee(103)!.isActive).toBe(true);
	});

	it('lost response of the update: not re-sent, read back shows it disabled -> success with a warning', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'lostResponse', route: '/employee/update', method: 'POST', times: 1 });
		const r = await s.client.disableEmployee({ posUserId: 1015 });
		expect(r.alreadyInactive).toBe(false);
		expect(r.warnings.join(' ')).toMatch(/inactive/);
		expect(s.emu.requests.filter((x) => x.path === '/employee/update')).toHaveLength(1);
	});

	it('session expiry before the update POST: one re-login, disabled once', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'expireSession', route: '/employee/update', times: 1 });
		await s.client.disableEmployee({ posUserId: 1022 });
		expect(s.emu.state.getEmployee(109)!.isActive).toBe(false);
		expect(s.emu.requests.filter((x) => x.path === '/login_check')).toHaveLength(2);
	});

	it('flat tenant: the round trip keeps the site blocklist', async () => {
		const s = await setup({ tenant: 'flat' });
		done = s.done;
		const before = structuredClone(s.emu.state.findEmployeeByPosUserId(2002)!);
		await s.client.disableEmployee({ posUserId: 2002 });
		const after = s.emu.state.findEmployeeByPosUserId(2002)!;
		expect(after.isActive).toBe(false);
		expect(after.siteIds).toEqual(before.siteIds);
	});

	it('another client sees the same result (no client-side state involved)', async () => {
		const s = await setup();
		done = s.done;
		await s.client.disableEmployee({ posUserId: 1036 });
		const other = newClient(s.emu);
		const again = await other.disableEmployee({ posUserId: 1036 });
		await other.close();
		expect(again.alreadyInactive).toBe(true);
	});
});
