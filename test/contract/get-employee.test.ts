/** getEmployee against the emulator: each reference, the pages it reads, budgets, errors; disable by employee id. */
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors';
import { routes, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

async function warm() {
	const s = await setup();
	done = s.done;
	await s.client.login();
	return s;
}

describe('getEmployee', () => {
	it('by POS user ID: lookup, edit, compensation and permissions pages; warm budget 4 requests', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const e = await s.client.getEmployee({ posUserId: 1008 });
		const log = since(s.emu, from);
		expect(log.length).toBeLessThanOrEqual(4);
		expect(routes(log).sort()).toEqual(['GET /employee', 'GET /employee/compensation/103', 'GET /employee/edit/103', 'GET /employee/permissions/103']);
		expect(e).toEqual({
			employeeId: 103,
			posUserId: 1008,
			firstName: 'Blake',
			lastName: 'Birch',
			email: 'blake.birch1@example.invalid',
			phone: '6305550101',
			isActive: true,
			startDate: '2021-02-06',
			departments: ['Cashier', 'Greeter'],
			availableSites: ['Wash 37055', 'Wash 37135'],
			adpEmployeeId: null,
			emergencyContactName: 'Contact Birch',
			emergencyContactPhone: '5550100001',
			currentWage: { wageRate: '13.25', overtimeEligible: true, overtimeWageRate: '19.88', effectiveDate: '2021-02-06' },
			wageHistory: [{ wageType: 'Hourly', wageRate: '13.25', overtimeEligible: true, overtimeWageRate: '19.88', effectiveDate: '2021-02-06', endDate: null, isCurrent: true }],
			permission: {
				templateName: 'Cashier',
				isCustom: false,
				grantedPermissionIds: s.emu.state.getEmployee(103)!.posGrants,
				overridePermissionIds: [...s.emu.state.getEmployee(103)!.posOverrides].sort((a, b) => a - b),
			},
		});
		expect(JSON.stringify(e)).not.toContain(s.emu.state.getEmployee(103)!.pin);
	});

	it("include: [] reads the edit page only (budget 2); ['permissions'] adds one page", async () => {
		const s = await warm();
		let from = s.emu.requests.length;
		const e = await s.client.getEmployee({ posUserId: 1001, include: [] });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee', 'GET /employee/edit/100']);
		expect(e).not.toHaveProperty('wageHistory');
		expect(e).not.toHaveProperty('permission');
		expect(e.availableSites).toBe('all');
		from = s.emu.requests.length;
		const p = await s.client.getEmployee({ posUserId: 1001, include: ['permissions'] });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee', 'GET /employee/edit/100', 'GET /employee/permissions/100']);
		expect(p.permission?.templateName).toBe('General User');
		expect(p).not.toHaveProperty('currentWage');
	});

	it('by employee id: no lookup (budget 3 with both pages, 1 with include [])', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const e = await s.client.getEmployee({ employeeId: 100 });
		expect(since(s.emu, from)).toHaveLength(3);
		expect(e.wageHistory?.map((w) => w.effectiveDate)).toEqual(['2021-01-01', '2020-01-01']);
		expect(e.currentWage).toEqual({ wageRate: '12.00', overtimeEligible: false, overtimeWageRate: null, effectiveDate: '2021-01-01' });
		const mid = s.emu.requests.length;
		await s.client.getEmployee({ employeeId: 100, include: [] });
		expect(since(s.emu, mid)).toHaveLength(1);
	});

	it('by e-mail (any case): the cached e-mail map, then the pages', async () => {
		const s = await warm();
		const e = await s.client.getEmployee({ email: 'AVERY.alder0@example.invalid', include: [] });
		expect(e.employeeId).toBe(100);
		const from = s.emu.requests.length;
		await s.client.getEmployee({ email: 'avery.alder0@example.invalid', include: [] });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee/edit/100']);
	});

	it('an inactive employee is read by POS user ID; by e-mail the NotFoundError says why and suggests the POS user ID', async () => {
		const s = await warm();
		const e = await s.client.getEmployee({ posUserId: 1029 });
		expect(e).toMatchObject({ employeeId: 112, isActive: false, permission: { templateName: 'Manager' } });
		const err = await s.client.getEmployee({ email: 'elliot.elmsworth4@example.invalid' }).catch((x: unknown) => x);
		expect(err).toBeInstanceOf(NotFoundError);
		expect((err as NotFoundError).code).toBe('NOT_FOUND');
		expect((err as Error).message).toMatch(/leaves inactive employees out.*use the POS user ID/);
	});

	it('not found: by POS user ID, by e-mail, by employee id', async () => {
		const s = await warm();
		await expect(s.client.getEmployee({ posUserId: 424242 })).rejects.toThrow(/no employee found with posUserId=424242/);
		await expect(s.client.getEmployee({ email: 'nobody@example.invalid' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(s.client.getEmployee({ employeeId: 999999 })).rejects.toThrow(/no employee found with employeeId=999999/);
	});

	it('no key, two keys, an unknown key, a bad include: ValidationError before any request', async () => {
		const s = await setup();
		done = s.done;
		const bad: unknown[] = [{}, { posUserId: 1001, email: 'avery.alder0@example.invalid' }, { posUserId: 1001, pin: 1 }, { posUserId: 1001, include: ['wages'] }];
		for (const input of bad) {
			const err = await s.client.getEmployee(input as never).catch((x: unknown) => x);
			expect(err).toBeInstanceOf(ValidationError);
		}
		const none = (await s.client.getEmployee({}).catch((x: unknown) => x)) as ValidationError;
		expect(none.field).toBe('posUserId / email / employeeId');
		const two = (await s.client.getEmployee({ posUserId: 1, email: 'a@b.co' }).catch((x: unknown) => x)) as ValidationError;
		expect(two.field).toBe('posUserId / email');
		expect(s.emu.requests).toHaveLength(0);
	});

	it('template naming through the permissions page: every template, and a custom matrix', async () => {
		const s = await warm();
		const e = s.emu.state.getEmployee(100)!;
		const templates = s.emu.state.tenant.posTemplates;
		for (const t of templates) {
			e.posGrants = [...t.grants];
			e.posOverrides = [...t.overrides];
			const got = await s.client.getEmployee({ employeeId: 100, include: ['permissions'] });
			const first = templates.find((x) => String(x.grants) === String(t.grants) && String(x.overrides) === String(t.overrides))!;
			expect(got.permission).toMatchObject({ templateName: first.name, isCustom: false });
		}
		e.posGrants = [22, 23];
		e.posOverrides = [];
		expect((await s.client.getEmployee({ employeeId: 100, include: ['permissions'] })).permission).toEqual({
			templateName: null,
			isCustom: true,
			grantedPermissionIds: [22, 23],
			overridePermissionIds: [],
		});
		e.posGrants = [];
		expect((await s.client.getEmployee({ employeeId: 100, include: ['permissions'] })).permission).toMatchObject({ templateName: null, isCustom: false });
	});
});

describe('disableEmployee by employee id', () => {
	it('no lookup: edit page, post, read back (3 requests)', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.disableEmployee({ employeeId: 106 });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee/edit/106', 'POST /employee/update', 'GET /employee/edit/106']);
		expect(r).toMatchObject({ employeeId: 106, posUserId: 1015, alreadyInactive: false });
		expect(s.emu.state.getEmployee(106)!.isActive).toBe(false);
	});

	it('two keys: ValidationError naming both, nothing sent', async () => {
		const s = await setup();
		done = s.done;
		const err = (await s.client.disableEmployee({ employeeId: 106, posUserId: 1015 }).catch((x: unknown) => x)) as ValidationError;
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.field).toBe('posUserId / employeeId');
		expect(s.emu.requests).toHaveLength(0);
	});
});
