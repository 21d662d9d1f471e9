import { describe, expect, it } from 'vitest';

import { createByExpression, hire } from './hires';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

describe('Employee > Create', () => {
	it('creates one employee per item from expressions, paired with its input, and Backoffice holds them', async () => {
		const items = [
			hire(1),
			hire(2, { wageRate: 16.25, sites: 'WashU Centennial', departments: ['Line'], startDate: '05/15/2026' }),
			hire(3, { wageRate: '15.10', sites: '__all__', permission: 'cashier', startDate: '2026-06-01T00:00:00.000-05:00' }),
		];
		const { items: out, error } = await bed.run({
			parameters: createByExpression,
			items,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(3);
		out.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));

		for (const [i, item] of out.entries()) {
			const json = item.json as Record<string, unknown>;
			expect(json.posUserId).toBe(items[i].posUserId);
			expect(typeof json.employeeId).toBe('number');
			expect(String(json.posPin)).toMatch(/^[1-9]\d{4}$/);
			const record = bed.emu.state.findEmployeeByPosUserId(items[i].posUserId as number);
			expect(record, `employee ${i} exists in Backoffice`).toBeDefined();
			expect(record!.id).toBe(json.employeeId);
			expect(record!.isActive).toBe(true);
			expect(record!.pin).toBe(String(json.posPin));
			expect(record!.email).toBe(items[i].email);
		}

		const [first, second, third] = items.map((h) => bed.emu.state.findEmployeeByPosUserId(h.posUserId as number)!);
		// Money stays decimal: "15.50" is 15.50, 16.25 (a number from the expression) is 16.25, overtime 1.5x.
		expect(first.wages.at(-1)!.regularRate).toBe('15.50');
		expect(first.wages.at(-1)!.overtimeRate).toBe('23.25');
		expect(second.wages.at(-1)!.regularRate).toBe('16.25');
		expect(third.wages.at(-1)!.regularRate).toBe('15.10');
		expect((out[0].json as { wageRate: string }).wageRate).toBe('15.50');
		// The start date is the calendar date as written, whatever its format or offset.
		expect(first.startDate).toBe('05/01/2026');
		expect(second.startDate).toBe('05/15/2026');
		expect(third.startDate).toBe('06/01/2026');
		// Sites: a list, a single name, and "All Sites".
		const siteId = (name: string) => bed.emu.state.sites.find((s) => s.name === name)!.id;
		expect(first.siteIds).toEqual([siteId('WashU Fiesta'), siteId('WashU Niles')].sort((a, b) => a - b));
		expect(second.siteIds).toEqual([siteId('WashU Centennial')]);
		expect(third.siteIds).toEqual(bed.emu.state.allSiteIds());
		expect((out[0].json as { wageSite: string }).wageSite).toBe('WashU Fiesta');
		// Departments from a comma-separated string and from a list; Greeter is always added.
		const deptId = (name: string) => bed.emu.state.tenant.departments.find((d) => d.name === name)!.id;
		expect([...first.departmentIds].sort()).toEqual([deptId('Cashier'), deptId('Line'), deptId('Greeter')].sort());
		expect([...second.departmentIds].sort()).toEqual([deptId('Line'), deptId('Greeter')].sort());
		// The template name is matched without regard to case.
		expect((out[2].json as { permissionApplied: string }).permissionApplied).toBe('Cashier');
	});

	it('takes every optional field, including a linked Backoffice login with a generated password', async () => {
		const { items: out, error } = await bed.run({
			parameters: {
				resource: 'employee',
				operation: 'create',
				firstName: 'Opt',
				lastName: 'Ional',
				email: 'opt.ional@example.invalid',
				phone: '615-555-7100',
				posUserId: 71000,
				wageRate: '18',
				startDate: '2026-07-04T00:00:00',
				availableSites: ['WashU Niles'],
				permission: 'General User',
				additionalFields: {
					posPin: 24680,
					overtimeWageRate: '30.00',
					departments: ['Management'],
					adpEmployeeId: 'ADP-77',
					emergencyContactName: 'Kin Ional',
					emergencyContactPhone: '6155557101',
					backofficeUsername: 'opt_ional',
					backofficePermission: 'Manager',
					backofficeSites: ['WashU Fiesta', 'WashU Niles'],
				},
			},
		});
		expect(error).toBeUndefined();
		const json = out[0].json as Record<string, unknown>;
		expect(json.posPin).toBe(24680);
		expect(json.overtimeWageRate).toBe('30.00');
		expect(json.backofficeUsername).toBe('opt_ional');
		expect(typeof json.backofficePassword).toBe('string');
		expect((json.backofficePassword as string).length).toBe(12);
		const record = bed.emu.state.findEmployeeByPosUserId(71000)!;
		expect(record.pin).toBe('24680');
		expect(record.adpEmployeeId).toBe('ADP-77');
		expect(record.emergencyContactName).toBe('Kin Ional');
		expect(record.wages.at(-1)!.overtimeRate).toBe('30.00');
		const user = bed.emu.state.findUserByUsername('opt_ional');
		expect(user?.employeeId).toBe(record.id);
		expect(user?.password).toBe(json.backofficePassword);
		expect(json).toMatchObject({ backofficePermissionApplied: 'Manager', backofficeSitesGranted: ['WashU Fiesta', 'WashU Niles'] });
		expect(new Set(user?.tokens)).toEqual(new Set(bed.emu.state.tenant.boTemplates.find((t) => t.name === 'Manager')!.tokens));
		expect(bed.emu.state.siteNames(user!.siteIds)).toEqual(['WashU Fiesta', 'WashU Niles']);
	});

	it('50 items share one login and one site lookup', async () => {
		const items = Array.from({ length: 50 }, (_, n) => hire(100 + n, { sites: ['WashU Fiesta'] }));
		const { items: out, error } = await bed.run({
			parameters: createByExpression,
			items,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(50);
		expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		for (const h of items) expect(bed.emu.state.findEmployeeByPosUserId(h.posUserId)).toBeDefined();
		expect(bed.count('POST', '/login_check')).toBe(1);
		expect(bed.count('GET', '/employee/create')).toBe(1);
		expect(bed.count('POST', '/employee/insert')).toBe(50);
	}, 180_000);

	it('under "On Error: Continue" a duplicate in the middle yields { error, code, field } and the rest still run', async () => {
		const taken = bed.emu.state.employees.find((e) => e.isActive)!;
		const items = [hire(201), hire(202, { posUserId: taken.posUserId }), hire(203), hire(204, { email: taken.email })];
		const employeesBefore = bed.emu.state.employees.length;
		const { items: out, error } = await bed.run({
			parameters: createByExpression,
			items,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(4);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out[1].json).toEqual({
			error: expect.stringContaining(String(taken.posUserId)),
			code: 'DUPLICATE',
			field: 'posUserId',
		});
		expect(out[3].json).toMatchObject({ code: 'DUPLICATE', field: 'email' });
		expect(out[0].json.employeeId).toEqual(expect.any(Number));
		expect(out[2].json.employeeId).toEqual(expect.any(Number));
		// Exactly the two good hires were created; nothing was posted for the duplicates.
		expect(bed.emu.state.employees.length).toBe(employeesBefore + 2);
		expect(bed.count('POST', '/employee/insert')).toBe(2);
		expect(bed.count('POST', '/login_check')).toBe(1);
	});

	it('under "On Error: Continue (using error output)" the duplicate goes to the error output', async () => {
		const taken = bed.emu.state.employees.find((e) => e.isActive)!;
		const { items: ok, errorItems, error } = await bed.run({
			parameters: createByExpression,
			items: [hire(211), hire(212, { phone: taken.phone }), hire(213)],
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		expect(ok.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(errorItems[0].json).toEqual({
			error: expect.stringContaining('Phone'),
			details: { code: 'DUPLICATE', field: 'phone' },
		});
		expect(bed.emu.state.findEmployeeByPosUserId(70212)).toBeUndefined();
	});

	it('two items of one batch with the same POS user ID create one employee; the second is a duplicate', async () => {
		const { items: out } = await bed.run({
			parameters: createByExpression,
			items: [hire(221), hire(222, { posUserId: 70221 })],
			continueOnFail: true,
		});
		expect(out[0].json.employeeId).toEqual(expect.any(Number));
		expect(out[1].json).toMatchObject({ code: 'DUPLICATE', field: 'posUserId' });
		expect(bed.emu.state.employees.filter((e) => e.posUserId === 70221)).toHaveLength(1);
	});

	it('without "Continue" a duplicate stops the run with a NodeOperationError naming the field, value and item', async () => {
		const taken = bed.emu.state.employees.find((e) => e.isActive)!;
		const { error } = await bed.run({
			parameters: createByExpression,
			items: [hire(301), hire(302, { posUserId: taken.posUserId })],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(`POS User ID ${taken.posUserId}`);
		expect(error?.description).toContain('posUserId');
		expect(error?.description).toContain(String(taken.posUserId));
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		expect(bed.emu.state.findEmployeeByPosUserId(70301)).toBeDefined();
	});

	it('refuses bad input before any request, naming the field and the value', async () => {
		const cases: Array<[Record<string, unknown>, string, string]> = [
			[{ wageRate: '15,50' }, 'Wage Rate', '15,50'],
			[{ startDate: 'next monday' }, 'Start Date', 'next monday'],
			[{ startDate: '2026-02-30' }, 'Start Date', '2026-02-30'],
			[{ posUserId: 'abc' }, 'POS User ID', 'abc'],
			[{ sites: [] }, 'Available Sites', ''],
			[{ sites: ['__all__', 'WashU Niles'] }, 'Available Sites', ''],
		];
		for (const [override, label, value] of cases) {
			const { items: out, error } = await bed.run({
				parameters: createByExpression,
				items: [hire(400, override)],
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			const json = out[0].json as { error: string; code: string; field: string };
			expect(json.code, JSON.stringify(override)).toBe('VALIDATION_ERROR');
			expect(json.error).toContain(label);
			if (value) expect(json.error).toContain(value);
		}
		expect(bed.emu.requests).toHaveLength(0);
	});

	it('an unknown permission template stops the item (no silent "General User"), naming it', async () => {
		const { items: out } = await bed.run({
			parameters: createByExpression,
			items: [hire(450, { permission: 'Manger' })],
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'permission' });
		expect(out[0].json.error).toContain('Manger');
		expect(bed.emu.state.findEmployeeByPosUserId(70450)).toBeUndefined();
		expect(bed.count('POST', '/employee/insert')).toBe(0);
	});

	it('reports a client-side validation error with the field and the item value', async () => {
		const { error } = await bed.run({
			parameters: createByExpression,
			items: [hire(500, { phone: '12345' })],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Phone');
		expect(error?.description).toContain('"12345"');
		expect(bed.count('POST', '/employee/insert')).toBe(0);
	});
});

describe('Employee > Create when Backoffice fails', () => {
	it('a lost response to the insert is never replayed: one employee exists and the item says what happened', async () => {
		bed.emu.faults.add({ kind: 'lostResponse', route: '/employee/insert', method: 'POST', times: 1 });
		const { items: out, error } = await bed.run({
			parameters: createByExpression,
			items: [hire(601), hire(602)],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// Either the read-back proved the write (a normal result) or the item reports OUTCOME_UNKNOWN.
		const first = out[0].json;
		if ('error' in first) expect(first.code).toBe('OUTCOME_UNKNOWN');
		else expect(first.employeeId).toBe(bed.emu.state.findEmployeeByPosUserId(70601)!.id);
		expect(bed.emu.state.employees.filter((e) => e.posUserId === 70601)).toHaveLength(1);
		expect(out[1].json.employeeId).toEqual(expect.any(Number));
		expect(bed.count('POST', '/employee/insert')).toBe(2);
	});

	it('a server that keeps failing is a NodeApiError for the item', async () => {
		bed.emu.faults.add({ kind: 'status', status: 500, route: '/employee/create', method: 'GET' });
		const { error } = await bed.run({
			parameters: createByExpression,
			items: [hire(603)],
		});
		expect(error?.name).toBe('NodeApiError');
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(0);
		expect(bed.count('POST', '/employee/insert')).toBe(0);
	});
});

describe('Employee > Create across a session expiry', () => {
	it('logs in again once when Backoffice forgets the session mid-batch, and every hire is created once', async () => {
		await bed.startEmulator({ expireSessionAfterRequests: 12 });
		const items = Array.from({ length: 6 }, (_, n) => hire(700 + n));
		const { items: out, error } = await bed.run({
			parameters: createByExpression,
			items,
		});
		expect(error).toBeUndefined();
		expect(out.map((o) => typeof o.json.employeeId)).toEqual(items.map(() => 'number'));
		for (const h of items) expect(bed.emu.state.employees.filter((e) => e.posUserId === h.posUserId)).toHaveLength(1);
		expect(bed.count('POST', '/login_check')).toBeGreaterThan(1);
		expect(bed.count('POST', '/employee/insert')).toBe(6);
	}, 120_000);
});

describe('Employee > Disable', () => {
	it('disables by POS user ID and by e-mail; the employee is inactive in Backoffice', async () => {
		const [a, b, c] = bed.emu.state.employees.filter((e) => e.isActive && e.email !== '');
		const byId = await bed.run({
			parameters: { resource: 'employee', operation: 'disable', lookupBy: 'posUserId', posUserId: '={{ $json.posUserId }}' },
			items: [{ posUserId: a.posUserId }, { posUserId: String(b.posUserId) }],
		});
		expect(byId.error).toBeUndefined();
		expect(byId.items.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(byId.items[0].json).toMatchObject({ employeeId: a.id, posUserId: a.posUserId, alreadyInactive: false });
		expect(byId.items[1].json).toMatchObject({ employeeId: b.id, posUserId: b.posUserId });
		expect(typeof byId.items[0].json.disabledAt).toBe('string');
		expect(bed.emu.state.getEmployee(a.id)!.isActive).toBe(false);
		expect(bed.emu.state.getEmployee(b.id)!.isActive).toBe(false);
		expect(bed.count('POST', '/login_check')).toBe(1);

		const byEmail = await bed.run({
			parameters: { resource: 'employee', operation: 'disable', lookupBy: 'email', email: '={{ $json.email }}' },
			items: [{ email: c.email.toUpperCase() }],
		});
		expect(byEmail.error).toBeUndefined();
		expect(byEmail.items[0].pairedItem).toEqual({ item: 0 });
		expect(byEmail.items[0].json).toMatchObject({ employeeId: c.id, posUserId: c.posUserId });
		expect(bed.emu.state.getEmployee(c.id)!.isActive).toBe(false);
	});

	it('a batch logs in once; each item is found, posted once and read back; e-mails are mapped once per batch', async () => {
		const active = bed.emu.state.employees.filter((e) => e.isActive && e.email !== '');
		const byId = await bed.run({
			parameters: { resource: 'employee', operation: 'disable', lookupBy: 'posUserId', posUserId: '={{ $json.id }}' },
			items: active.slice(0, 3).map((e) => ({ id: e.posUserId })),
		});
		expect(byId.error).toBeUndefined();
		expect(bed.count('POST', '/login_check')).toBe(1);
		expect(bed.count('POST', '/employee/update')).toBe(3);
		// Per item: the edit form before the change and the read-back after it.
		expect(bed.count('GET', /\/employee\/edit\/\d+/)).toBe(6);
		expect(bed.emu.requests.filter((r) => r.method === 'POST')).toHaveLength(1 + 3);

		bed.emu.requests.length = 0;
		const byEmail = await bed.run({
			parameters: { resource: 'employee', operation: 'disable', lookupBy: 'email', email: '={{ $json.email }}' },
			items: active.slice(3, 7).map((e) => ({ email: e.email })),
		});
		expect(byEmail.error).toBeUndefined();
		expect(byEmail.items.map((o) => o.json.employeeId)).toEqual(active.slice(3, 7).map((e) => e.id));
		expect(bed.count('POST', '/login_check')).toBe(1);
		// The e-mail -> employee map (the Backoffice user form, protocol A.9) is read once for the whole batch.
		expect(bed.count('GET', '/user/create')).toBe(1);
		expect(bed.count('POST', '/employee/update')).toBe(4);
		expect(bed.count('GET', /\/employee\/edit\/\d+/)).toBe(8);
		for (const e of active.slice(0, 7)) expect(bed.emu.state.getEmployee(e.id)!.isActive).toBe(false);
	});

	it('an employee who is already inactive is reported, and nothing is posted', async () => {
		const a = bed.emu.state.employees.find((e) => e.isActive)!;
		const run = async () =>
			await bed.run({
				parameters: { resource: 'employee', operation: 'disable', lookupBy: 'posUserId', posUserId: a.posUserId },
			});
		expect((await run()).items[0].json).toMatchObject({ employeeId: a.id, alreadyInactive: false });
		bed.emu.requests.length = 0;
		const again = await run();
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ employeeId: a.id, alreadyInactive: true });
		expect(bed.count('POST', '/employee/update')).toBe(0);
	});

	it('an unknown employee is a NodeOperationError; with Continue the other items still run', async () => {
		const a = bed.emu.state.employees.find((e) => e.isActive)!;
		const { items: out } = await bed.run({
			parameters: { resource: 'employee', operation: 'disable', lookupBy: 'posUserId', posUserId: '={{ $json.id }}' },
			items: [{ id: 999_999 }, { id: a.posUserId }],
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'posUserId' });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toMatchObject({ employeeId: a.id });
		expect(bed.emu.state.getEmployee(a.id)!.isActive).toBe(false);
	});

	it('an unknown e-mail stops the run with a description naming the field and the value', async () => {
		const { error } = await bed.run({
			parameters: { resource: 'employee', operation: 'disable', lookupBy: 'email', email: '={{ $json.email }}' },
			items: [{ email: 'nobody.here@example.invalid' }],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.description).toContain('Field "Email" (email) has the value "nobody.here@example.invalid"');
		expect(bed.count('POST', '/employee/update')).toBe(0);
	});
});

describe('Employee > Check Availability', () => {
	it('answers the value and whether it is free, for POS user ID, e-mail and phone', async () => {
		const taken = bed.emu.state.employees.find((e) => e.isActive && e.email !== '')!;
		const check = async (checkField: string, values: unknown[]) =>
			await bed.run({
				parameters: { resource: 'employee', operation: 'checkAvailability', checkField, [checkField]: '={{ $json.value }}' },
				items: values.map((value) => ({ value })),
			});
		const pos = await check('posUserId', [taken.posUserId, 88_888]);
		expect(pos.error).toBeUndefined();
		expect(pos.items.map((o) => o.json)).toEqual([
			{ field: 'posUserId', value: taken.posUserId, available: false },
			{ field: 'posUserId', value: 88_888, available: true },
		]);
		expect(pos.items.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const email = await check('email', [taken.email, 'nobody.here@example.invalid']);
		expect(email.items.map((o) => o.json)).toEqual([
			{ field: 'email', value: taken.email, available: false },
			{ field: 'email', value: 'nobody.here@example.invalid', available: true },
		]);
		const phone = await check('phone', [taken.phone, '(999) 555-0000']);
		expect(phone.items.map((o) => o.json)).toEqual([
			{ field: 'phone', value: taken.phone, available: false },
			{ field: 'phone', value: '(999) 555-0000', available: true },
		]);
	});

	it('a batch logs in once; e-mails and phones are read once per batch, each POS user ID is searched fresh', async () => {
		const people = bed.emu.state.employees.filter((e) => e.isActive && e.email !== '').slice(0, 4);
		const check = async (checkField: 'posUserId' | 'email' | 'phone') => {
			bed.emu.requests.length = 0;
			const { items: out, error } = await bed.run({
				parameters: { resource: 'employee', operation: 'checkAvailability', checkField, [checkField]: '={{ $json.value }}' },
				items: people.map((e) => ({ value: e[checkField] })),
			});
			expect(error).toBeUndefined();
			expect(out.map((o) => o.json.available)).toEqual([false, false, false, false]);
			expect(bed.count('POST', '/login_check')).toBe(1);
			expect(bed.emu.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		};
		await check('email');
		expect(bed.count('GET', '/user/create')).toBe(1);
		await check('phone');
		expect(bed.count('GET', '/employee')).toBe(1);
		await check('posUserId');
		// Disabled employees keep their ID reserved, so every ID is looked up in the roster as it is now.
		expect(bed.count('GET', '/employee')).toBe(4);
	});
});
