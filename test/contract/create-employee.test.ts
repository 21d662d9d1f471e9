/** createEmployee against the emulator: results, emulator state, request budgets, errors and faults. */
import { afterEach, describe, expect, it } from 'vitest';
import {
	BackofficeServerError,
	DuplicateError,
	NotFoundError,
	OutcomeUnknownError,
	ValidationError,
	VerificationError,
} from '../../src/errors';
import { FULL_ROSTER, newClient, newHire, routes, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('createEmployee', () => {
	it('creates with the right sites, permissions, departments and wage; reads back; cold budget', async () => {
		const s = await setup();
		done = s.done;
		const input = newHire({ availableSites: ['Wash 37135', 'WashU Fiesta'], departments: ['Line'], posPin: 54321 });
		const r = await s.client.createEmployee(input);
		const e = s.emu.state.findEmployeeByPosUserId(input.posUserId)!;
		expect(e).toBeDefined();
		expect(r.employeeId).toBe(e.id);
		expect(r).toMatchObject({
			posUserId: input.posUserId,
			posPin: 54321,
			firstName: 'Jane',
			email: input.email,
			permissionApplied: 'General User',
			wageSite: 'Wash 37135',
			wageRate: '15.50',
			overtimeWageRate: '23.25',
			warnings: [],
		});
		expect([...r.sitesGranted].sort()).toEqual(['Wash 37135', 'WashU Fiesta']);
		expect([...r.departments].sort()).toEqual(['Greeter', 'Line']);
		expect(e.siteIds).toEqual([1, 17]);
		expect(e.posGrants).toEqual([22]);
		expect(e.posOverrides).toEqual([]);
		expect(e.pin).toBe('54321');
		expect([...e.departmentIds].sort()).toEqual([2, 3]);
		expect(e.isActive).toBe(true);
		const log = since(s.emu, 0);
		expect(log.filter((x) => x.method === 'POST').map((x) => x.path)).toEqual([
			'/login_check',
			'/employee/insert',
			'/employee/permissions/update',
		]);
		expect(log.length).toBeLessThanOrEqual(10);
	});

	it('warm create: at most 5 requests, neither the full roster nor /user/create', async () => {
		const s = await setup();
		done = s.done;
		await s.client.createEmployee(newHire());
		const from = s.emu.requests.length;
		const r = await s.client.createEmployee(newHire({ permission: 'manager', availableSites: 'all' }));
		const log = since(s.emu, from);
		expect(log.length).toBeLessThanOrEqual(5);
		expect(log.some((x) => FULL_ROSTER.test(x.path) || x.path.startsWith('/user/create'))).toBe(false);
		expect(r.permissionApplied).toBe('Manager');
		expect(r.sitesGranted).toHaveLength(19);
		const e = s.emu.state.getEmployee(r.employeeId)!;
		expect(e.posGrants).toHaveLength(34);
		expect(e.siteIds).toHaveLength(19);
	});

	it('a batch of N creates downloads the full roster and /user/create at most once, and keeps the index current', async () => {
		const s = await setup();
		done = s.done;
		const hires = Array.from({ length: 5 }, () => newHire());
		for (const h of hires) await s.client.createEmployee(h);
		const log = s.emu.requests;
		expect(log.filter((x) => FULL_ROSTER.test(x.path))).toHaveLength(1);
		expect(log.filter((x) => x.path.startsWith('/user/create'))).toHaveLength(1);
		// the index knows the new hires without re-downloading
		await expect(s.client.createEmployee(newHire({ email: hires[2].email }))).rejects.toMatchObject({ field: 'email' });
		await expect(s.client.createEmployee(newHire({ phone: hires[3].phone }))).rejects.toMatchObject({ field: 'phone' });
		expect(await s.client.isEmailAvailable({ email: hires[0].email })).toBe(false);
		expect(s.emu.requests.filter((x) => FULL_ROSTER.test(x.path))).toHaveLength(1);
		expect(s.emu.requests.filter((x) => x.path.startsWith('/user/create'))).toHaveLength(1);
	});

	it('pre-flight duplicates (POS id incl. inactive, e-mail, phone): DuplicateError naming field and employee, zero writes', async () => {
		const s = await setup();
		done = s.done;
		const cases: Array<[Partial<Parameters<typeof newHire>[0]>, string, number]> = [
			[{ posUserId: 1029 }, 'posUserId', 112],
			[{ email: 'Avery.Alder0@example.invalid' }, 'email', 100],
			[{ phone: '630.555.0101' }, 'phone', 103],
		];
		for (const [over, field, existing] of cases) {
			const err = await s.client.createEmployee(newHire(over)).catch((e) => e);
			expect(err).toBeInstanceOf(DuplicateError);
			expect(err).toMatchObject({ field, existingEmployeeId: existing, code: 'DUPLICATE' });
		}
		expect(s.emu.requests.filter((x) => x.method === 'POST' && x.path !== '/login_check')).toHaveLength(0);
	});

	it('server-side duplicate (index stale): the flash becomes DuplicateError', async () => {
		const s = await setup();
		done = s.done;
		await s.client.isEmailAvailable({ email: 'warm@example.invalid' });
		await s.client.isPhoneAvailable({ phone: '5550000000' });
		const other = newClient(s.emu);
		const first = newHire();
		await other.createEmployee(first);
		await other.close();
		const err = await s.client.createEmployee(newHire({ email: first.email })).catch((e) => e);
		expect(err).toBeInstanceOf(DuplicateError);
		expect(err.field).toBe('email');
		expect(s.emu.state.employees.filter((e) => e.email === first.email)).toHaveLength(1);
	});

	it('bad input: ValidationError naming the field before any request', async () => {
		const s = await setup();
		done = s.done;
		const bad: Array<[object, string]> = [
			[{ phone: '12345' }, 'phone'],
			[{ email: 'nope' }, 'email'],
			[{ posPin: 123 }, 'posPin'],
			[{ availableSites: [] }, 'availableSites'],
			[{ requiresBackoffice: true }, 'backofficeUsername'],
		];
		for (const [over, field] of bad) {
			const err = await s.client.createEmployee(newHire(over)).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.field).toContain(field);
		}
		expect(s.emu.requests).toHaveLength(0);
	});

	it('unknown site: NotFoundError naming it; unknown department: ValidationError naming it; no writes', async () => {
		const s = await setup();
		done = s.done;
		const site = await s.client.createEmployee(newHire({ availableSites: ['Wash 37135', 'Nowhere Wash'] })).catch((e) => e);
		expect(site).toBeInstanceOf(NotFoundError);
		expect(site.message).toContain('Nowhere Wash');
		const dep = await s.client.createEmployee(newHire({ departments: ['Detailing'] })).catch((e) => e);
		expect(dep).toBeInstanceOf(ValidationError);
		expect(dep.message).toContain('Detailing');
		expect(s.emu.requests.filter((x) => x.method === 'POST' && x.path !== '/login_check')).toHaveLength(0);
	});

	it('unknown permission: falls back to General User with a warning, or refuses with onUnknownPermission=error', async () => {
		const s = await setup();
		done = s.done;
		const r = await s.client.createEmployee(newHire({ permission: 'Wizard' }));
		expect(r.permissionApplied).toBe('General User');
		expect(r.warnings.join(' ')).toMatch(/Wizard.*General User/);
		const strict = newClient(s.emu, { onUnknownPermission: 'error' });
		const err = await strict.createEmployee(newHire({ permission: 'Wizard' })).catch((e) => e);
		await strict.close();
		expect(err).toBeInstanceOf(NotFoundError);
		expect(err.message).toMatch(/Available templates/);
	});

	it('flat tenant: creates with the blocklist encoding and reads back', async () => {
		const s = await setup({ tenant: 'flat' });
		done = s.done;
		const sites = await s.client.listSites();
		const r = await s.client.createEmployee(newHire({ availableSites: [sites[1].name] }));
		expect(r.sitesGranted).toEqual([sites[1].name]);
		expect(s.emu.state.getEmployee(r.employeeId)!.siteIds).toEqual([sites[1].id]);
	});

	it('requiresBackoffice: creates the linked Backoffice user, password echoed, no hand-work warning', async () => {
		const s = await setup();
		done = s.done;
		const r = await s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'janelinked', backofficePermission: 'Manager' }));
		const u = s.emu.state.findUserByUsername('janelinked')!;
		expect(u.employeeId).toBe(r.employeeId);
		expect(r.backofficeUserId).toBe(u.id);
		expect(r.backofficePassword).toHaveLength(12);
		expect(u.password).toBe(r.backofficePassword);
		expect(r.warnings.join(' ')).not.toMatch(/Milestone 2|by hand/);
		const from = s.emu.requests.length;
		await s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'janelinked2', backofficePermission: 'General User' }));
		// 7 for the employee and the user insert, 3 for the Backoffice access (page, post, read-back).
		expect(since(s.emu, from).length).toBeLessThanOrEqual(10);
	});

	it('requiresBackoffice with a taken username: DuplicateError(username) before the employee is created', async () => {
		const s = await setup();
		done = s.done;
		const input = newHire({ requiresBackoffice: true, backofficeUsername: 'AmberOps' });
		const err = await s.client.createEmployee(input).catch((e) => e);
		expect(err).toBeInstanceOf(DuplicateError);
		expect(err.field).toBe('username');
		expect(s.emu.state.findEmployeeByPosUserId(input.posUserId)).toBeUndefined();
		expect(s.emu.requests.some((x) => x.method === 'POST' && x.path !== '/login_check')).toBe(false);
	});

	it('the linked Backoffice user fails after the employee exists: the error says the employee was created', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'status', status: 500, route: '/user/insert', method: 'POST', times: 1 });
		const input = newHire({ requiresBackoffice: true, backofficeUsername: 'halfdone' });
		const err = await s.client.createEmployee(input).catch((e) => e);
		const e = s.emu.state.findEmployeeByPosUserId(input.posUserId)!;
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.message).toContain(`employee ${e.id} (POS user ID ${input.posUserId}) was created`);
		expect(err.message).toMatch(/nothing was created/);
		expect(e.posGrants).toEqual([22]);
		expect(s.emu.requests.filter((x) => x.path === '/user/insert')).toHaveLength(1);
	});

	it('lost insert response: not re-sent, found by POS id, reported created with a warning (no duplicate)', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'lostResponse', route: '/employee/insert', method: 'POST', times: 1 });
		const input = newHire();
		const r = await s.client.createEmployee(input);
		expect(s.emu.state.employees.filter((e) => e.posUserId === input.posUserId)).toHaveLength(1);
		expect(s.emu.requests.filter((x) => x.path === '/employee/insert')).toHaveLength(1);
		expect(r.employeeId).toBe(s.emu.state.findEmployeeByPosUserId(input.posUserId)!.id);
		expect(r.warnings.join(' ')).toMatch(/not re-sent/);
		expect(s.emu.state.getEmployee(r.employeeId)!.posGrants).toEqual([22]);
	});

	it('insert answered 500 without creating: not re-sent, reported as nothing created', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'status', status: 500, route: '/employee/insert', method: 'POST', times: 1 });
		const input = newHire();
		const err = await s.client.createEmployee(input).catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.message).toMatch(/nothing was created/);
		expect(s.emu.state.findEmployeeByPosUserId(input.posUserId)).toBeUndefined();
		expect(s.emu.requests.filter((x) => x.path === '/employee/insert')).toHaveLength(1);
	});

	it('insert slower than timeoutMs: not re-sent; not on the roster yet -> OutcomeUnknownError (it may still be created)', async () => {
		const s = await setup({}, { timeoutMs: 3000 });
		done = s.done;
		await s.client.createEmployee(newHire());
		s.emu.faults.add({ kind: 'slow', delayMs: 6000, route: '/employee/insert', method: 'POST', times: 1 });
		const input = newHire();
		const err = await s.client.createEmployee(input).catch((e) => e);
		expect(err).toBeInstanceOf(OutcomeUnknownError);
		expect(err.message).toMatch(/timed out/);
		expect(err.checked).toMatch(new RegExp(`POS user ID ${input.posUserId}`));
		expect(s.emu.requests.filter((x) => x.path === '/employee/insert')).toHaveLength(2);
	});

	it('lost insert response and the lookup fails too: OutcomeUnknownError saying what was checked', async () => {
		const s = await setup();
		done = s.done;
		await s.client.createEmployee(newHire());
		s.emu.faults.add({ kind: 'lostResponse', route: '/employee/insert', method: 'POST', times: 1 });
		// let the pre-flight search through, fail the reconciling one (and its retries)
		s.emu.faults.add({ kind: 'status', status: 500, route: '/employee', method: 'GET', after: 1 });
		const err = await s.client.createEmployee(newHire()).catch((e) => e);
		expect(err).toBeInstanceOf(OutcomeUnknownError);
		expect(err.code).toBe('OUTCOME_UNKNOWN');
		expect(err.checked).toMatch(/roster search/);
		expect(s.emu.requests.filter((x) => x.path === '/employee/insert')).toHaveLength(2);
	});

	it('session expiry mid-operation: one transparent re-login, one insert', async () => {
		const s = await setup();
		done = s.done;
		await s.client.listSites();
		s.emu.faults.add({ kind: 'expireSession', route: /^\/employee\/edit\//, times: 1 });
		const input = newHire();
		const r = await s.client.createEmployee(input);
		expect(r.employeeId).toBeGreaterThan(0);
		expect(s.emu.requests.filter((x) => x.path === '/login_check')).toHaveLength(2);
		expect(s.emu.requests.filter((x) => x.path === '/employee/insert')).toHaveLength(1);
	});

	it('sessions that keep expiring during a batch: every hire created exactly once', async () => {
		const s = await setup({ expireSessionAfterRequests: 4 });
		done = s.done;
		const hires = [newHire(), newHire(), newHire()];
		for (const h of hires) await s.client.createEmployee(h);
		for (const h of hires) expect(s.emu.state.employees.filter((e) => e.posUserId === h.posUserId)).toHaveLength(1);
		expect(s.emu.requests.filter((x) => x.path === '/employee/insert').length).toBeLessThanOrEqual(6);
		expect(s.emu.requests.filter((x) => x.path === '/login_check').length).toBeGreaterThan(2);
	});

	it('session expired on the insert itself (inline login page): re-login, sent once more, one employee', async () => {
		const s = await setup({ sessionExpiry: 'inline' });
		done = s.done;
		await s.client.createEmployee(newHire());
		s.emu.faults.add({ kind: 'expireSession', route: '/employee/insert', times: 1 });
		const input = newHire();
		await s.client.createEmployee(input);
		expect(s.emu.state.employees.filter((e) => e.posUserId === input.posUserId)).toHaveLength(1);
	});

	it('a permissions POST answered without the success redirect is not reported as success', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'status', status: 302, route: '/employee/permissions/update', method: 'POST', times: 1 });
		const err = await s.client.createEmployee(newHire({ permission: 'Cashier' })).catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err).not.toBeInstanceOf(DuplicateError);
	});

	it('secrets never appear in errors', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'status', status: 500, route: '/employee/insert', method: 'POST' });
		const err = await s.client
			.createEmployee(newHire({ posPin: 86420, requiresBackoffice: true, backofficeUsername: 'secretive', backofficePassword: 'Pa$$w0rd-Hidden' }))
			.catch((e) => e);
		const text = String(err) + err.stack + JSON.stringify(err);
		for (const secret of ['demo-password', '86420', 'Pa$$w0rd-Hidden', 'PHPSESSID']) expect(text).not.toContain(secret);
	});

	it('sites read back differently from the request: VerificationError, permissions NOT applied', async () => {
		const s = await setup();
		done = s.done;
		// Simulate the server storing a wrong grant (the reference library's v0.5.1 incident: every site granted).
		const employees = s.emu.state.employees;
		const push = employees.push.bind(employees);
		employees.push = (...items) => {
			for (const e of items) e.siteIds = s.emu.state.allSiteIds();
			return push(...items);
		};
		const input = newHire({ availableSites: ['WashU Fiesta'] });
		const err = await s.client.createEmployee(input).catch((e) => e);
		expect(err).toBeInstanceOf(VerificationError);
		expect(err.code).toBe('VERIFICATION_FAILED');
		expect(err.message).toMatch(/NOT applied/);
		expect(s.emu.requests.some((x) => x.path === '/employee/permissions/update')).toBe(false);
		expect(s.emu.state.findEmployeeByPosUserId(input.posUserId)!.posGrants).toEqual([]);
	});
});
