/** updateEmployee against the emulator: each field, each phase, combinations, no-ops, clamping, uniqueness, budgets. */
import { describe, expect, it } from 'vitest';
import { DuplicateError, NotFoundError, ValidationError } from '../../src/errors';
import type { EmployeeRecord } from '../emulator';
import { routes, setup, since, useWarmSetup } from './helpers';

const warm = useWarmSetup();

const posts = (log: Array<{ method: string }>) => log.filter((r) => r.method === 'POST');

describe('updateEmployee: properties (A.7 round trip)', () => {
	it.each([
		['firstName', 'Blakely', (e: Emp) => e.firstName, 'Blakely'],
		['lastName', 'Birchwood', (e: Emp) => e.lastName, 'Birchwood'],
		['phone', '(630) 555-7777', (e: Emp) => e.phone, '6305557777'],
		['email', 'blake.new@example.invalid', (e: Emp) => e.email, 'blake.new@example.invalid'],
		['adpEmployeeId', 'ADP-77', (e: Emp) => e.adpEmployeeId, 'ADP-77'],
		['emergencyContactName', 'Pat Birch', (e: Emp) => e.emergencyContactName, 'Pat Birch'],
		['emergencyContactPhone', '555-010-9999', (e: Emp) => e.emergencyContactPhone, '5550109999'],
		['emergencyContactName', '', (e: Emp) => e.emergencyContactName, ''],
		['posPin', 54321, (e: Emp) => e.pin, '54321'],
	] as const)('%s: one field, at most 4 requests (lookup, edit page, POST, read-back)', async (field, value, read, stored) => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { [field]: value } });
		const log = since(s.emu, from);
		expect(routes(log)).toEqual(['GET /employee', 'GET /employee/edit/103', 'POST /employee/update', 'GET /employee/edit/103']);
		const e = s.emu.state.getEmployee(103)!;
		expect(read(e)).toBe(stored);
		expect(e.isActive).toBe(true);
		expect(e.siteIds).toEqual([17, 18]);
		expect(r.changesApplied).toEqual(['properties']);
		expect(Object.keys(r.changes)).toEqual([field]);
		expect(r).toMatchObject({ employeeId: 103, posUserId: 1008, unchanged: false, dryRun: false });
		if (field === 'posPin') {
			expect(r.changes.posPin).toEqual({ from: '*****', to: '*****' });
			expect(JSON.stringify(r)).not.toContain('54321');
		}
	});

	it('departments and sites (names, then a switch to all and back to specific sites)', async () => {
		const s = await warm();
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { departments: ['Line'], availableSites: ['Wash 37135'] } });
		const e = s.emu.state.getEmployee(103)!;
		expect(e.departmentIds.sort()).toEqual([2, 3]);
		expect(s.emu.state.siteNames(e.siteIds)).toEqual(['Wash 37135']);
		expect(r.changes.departments).toEqual({ from: ['Cashier', 'Greeter'], to: ['Line', 'Greeter'] });
		expect(r.changes.availableSites).toEqual({ from: ['Wash 37055', 'Wash 37135'], to: ['Wash 37135'] });
		const all = await s.client.updateEmployee({ posUserId: 1008, changes: { availableSites: 'all' } });
		expect(all.changes.availableSites).toEqual({ from: ['Wash 37135'], to: 'all' });
		expect(s.emu.state.getEmployee(103)!.siteIds).toEqual(s.emu.state.allSiteIds());
		const back = await s.client.updateEmployee({ posUserId: 1008, changes: { availableSites: ['Wash 37055', 'Wash 37135'] } });
		expect(back.changes.availableSites).toEqual({ from: 'all', to: ['Wash 37055', 'Wash 37135'] });
		expect(s.emu.state.getEmployee(103)!.siteIds).toEqual([17, 18]);
	});

	it('unknown site or department: refused before any POST, naming it', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		await expect(s.client.updateEmployee({ posUserId: 1008, changes: { availableSites: ['Nowhere'] } })).rejects.toThrow(NotFoundError);
		await expect(s.client.updateEmployee({ posUserId: 1008, changes: { departments: ['Bakery'] } })).rejects.toMatchObject({ field: 'changes.departments.0' });
		expect(posts(since(s.emu, from))).toEqual([]);
	});

	it('a new e-mail or phone held by another employee: DuplicateError before any POST', async () => {
		const s = await warm();
		const other = s.emu.state.getEmployee(106)!;
		const from = s.emu.requests.length;
		await expect(s.client.updateEmployee({ posUserId: 1008, changes: { email: other.email.toUpperCase() } })).rejects.toMatchObject({ field: 'email', existingEmployeeId: 106 });
		await expect(s.client.updateEmployee({ posUserId: 1008, changes: { phone: other.phone } })).rejects.toBeInstanceOf(DuplicateError);
		expect(posts(since(s.emu, from))).toEqual([]);
	});

	it('validation before any request: empty changes, bad values, two references', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		await expect(s.client.updateEmployee({ posUserId: 1008, changes: {} })).rejects.toMatchObject({ field: 'changes' });
		await expect(s.client.updateEmployee({ posUserId: 1008, changes: { phone: '12' } })).rejects.toMatchObject({ field: 'changes.phone' });
		await expect(s.client.updateEmployee({ posUserId: 1008, email: 'a@b.co', changes: { firstName: 'X' } })).rejects.toBeInstanceOf(ValidationError);
		expect(since(s.emu, from)).toEqual([]);
	});
});

describe('updateEmployee on a flat tenant (ASSUMPTION E.4: the siteIds[] blocklist)', () => {
	it('restricts and widens sites and renames, each read back', async () => {
		const s = await setup({ tenant: 'flat' });
		try {
			const r = await s.client.updateEmployee({ posUserId: 2001, changes: { availableSites: ['Flatwash Harbor'], lastName: 'Flat' } });
			expect(r.changes.availableSites).toEqual({ from: 'all', to: ['Flatwash Harbor'] });
			expect(s.emu.state.getEmployee(500)).toMatchObject({ siteIds: [102], lastName: 'Flat' });
			await s.client.updateEmployee({ posUserId: 2002, changes: { availableSites: 'all' } });
			expect(s.emu.state.getEmployee(501)!.siteIds).toEqual([101, 102, 103, 104]);
		} finally {
			await s.done();
		}
	});
});

type Emp = EmployeeRecord;
