/** updateEmployee phases: wage (A.8), template (A.6), combinations, no-ops, the clamp, a failure after each phase. */
import { describe, expect, it } from 'vitest';
import { VerificationError } from '../../src/errors';
import { routes, since, useWarmSetup } from './helpers';

const warm = useWarmSetup();

const posts = (log: Array<{ method: string; path: string }>) => log.filter((r) => r.method === 'POST').map((r) => r.path);

describe('compensation (A.8)', () => {
	it('wage only: a new record effective today, overtime 1.5x (eligible row), the old one ended; 4 requests', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { wageRate: '14.00' } });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee', 'GET /employee/compensation/103', 'POST /employee/compensation/update', 'GET /employee/compensation/103']);
		const wages = s.emu.state.getEmployee(103)!.wages;
		expect(wages.at(-1)).toMatchObject({ regularRate: '14.00', overtimeEligible: true, overtimeRate: '21.00', endDate: null });
		expect(wages[0].endDate).not.toBeNull();
		expect(r.changesApplied).toEqual(['compensation']);
		expect(r.changes).toEqual({ wageRate: { from: '13.25', to: '14.00' }, overtimeWageRate: { from: '19.88', to: '21.00' } });
		expect(r.wageEffectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(r.warnings).toEqual([]);
	});

	it('an ineligible current row stays ineligible (no overtime key); an explicit overtime rate makes it eligible', async () => {
		const s = await warm();
		await s.client.updateEmployee({ posUserId: 1001, changes: { wageRate: '12.50', wageEffectiveDate: '2030-01-01' } });
		const body = s.emu.requests.filter((x) => x.path === '/employee/compensation/update').at(-1)!.body;
		expect(body).not.toContain('isOvertimeEligible');
		expect(s.emu.state.getEmployee(100)!.wages.at(-1)).toMatchObject({ regularRate: '12.50', overtimeEligible: false, effectiveDate: '01/01/2030' });
		const r = await s.client.updateEmployee({ posUserId: 1001, changes: { wageRate: '12.50', overtimeWageRate: '20.00', wageEffectiveDate: '2030-02-01' } });
		expect(r.changes).toEqual({ overtimeWageRate: { from: null, to: '20.00' } });
		expect(s.emu.state.getEmployee(100)!.wages.at(-1)).toMatchObject({ overtimeEligible: true, overtimeRate: '20.00' });
	});

	it('a requested date on or before the latest record is clamped to the day after, with a warning naming both', async () => {
		const s = await warm();
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { wageRate: '14.00', wageEffectiveDate: '2021-02-06' } });
		expect(r.wageEffectiveDate).toBe('2021-02-07');
		expect(r.warnings).toEqual([expect.stringMatching(/2021-02-06.*2021-02-06.*clamped to 2021-02-07/)]);
		expect(s.emu.state.getEmployee(103)!.wages.at(-1)!.effectiveDate).toBe('02/07/2021');
	});

	it('the default date (today) is clamped too when the latest record is in the future', async () => {
		const s = await warm();
		s.emu.state.getEmployee(103)!.wages[0].effectiveDate = '12/31/2099';
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { wageRate: '14.00' } });
		expect(r.wageEffectiveDate).toBe('2100-01-01');
		expect(r.warnings[0]).toMatch(/today, the default.*2099-12-31; clamped to 2100-01-01/);
	});
});

describe('permission (A.6) and combinations', () => {
	it('template only: the full matrix, 4 requests; the template held afterwards', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { permission: 'shift leader' } });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee', 'GET /employee/permissions/103', 'POST /employee/permissions/update', 'GET /employee/permissions/103']);
		expect(s.emu.state.accessName(s.emu.state.getEmployee(103)!)).toBe('Shift Leader');
		expect(r.changes).toEqual({ permission: { from: 'Cashier', to: 'Shift Leader' } });
		expect(r.changesApplied).toEqual(['permission']);
	});

	it('all three phases in order, each read back', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { availableSites: ['Wash 37135'], wageRate: '15.00', permission: 'Shift Leader' } });
		expect(posts(since(s.emu, from))).toEqual(['/employee/update', '/employee/compensation/update', '/employee/permissions/update']);
		expect(r.changesApplied).toEqual(['properties', 'compensation', 'permission']);
		expect(Object.keys(r.changes)).toEqual(['availableSites', 'wageRate', 'overtimeWageRate', 'permission']);
	});

	it('nothing differs: at most 2 requests and no POST; a phase whose values hold sends nothing', async () => {
		const s = await warm();
		let from = s.emu.requests.length;
		const r = await s.client.updateEmployee({ posUserId: 1008, changes: { firstName: 'Blake', availableSites: ['Wash 37135', 'Wash 37055'] } });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee', 'GET /employee/edit/103']);
		expect(r).toMatchObject({ unchanged: true, changes: {}, changesApplied: [] });
		from = s.emu.requests.length;
		expect((await s.client.updateEmployee({ posUserId: 1008, changes: { wageRate: '13.25' } })).unchanged).toBe(true);
		expect((await s.client.updateEmployee({ posUserId: 1008, changes: { permission: 'Cashier' } })).unchanged).toBe(true);
		const mixed = await s.client.updateEmployee({ posUserId: 1008, changes: { wageRate: '13.25', permission: 'CSA' } });
		expect(posts(since(s.emu, from))).toEqual(['/employee/permissions/update']);
		expect(mixed.changesApplied).toEqual(['permission']);
	});
});

describe('a failure after an earlier phase says what was applied; nothing is re-sent blindly', () => {
	const changes = { lastName: 'Renamed', wageRate: '15.00', permission: 'Shift Leader' };

	it.each([
		['/employee/update', /no earlier phase was applied; phase properties failed, not applied: compensation, permission/],
		['/employee/compensation/update', /phases applied: properties; phase compensation failed, not applied: permission/],
		['/employee/permissions/update', /phases applied: properties, compensation; phase permission failed/],
	])('HTTP 500 on every %s', async (route, message) => {
		const s = await warm();
		s.emu.faults.add({ kind: 'status', status: 500, route, method: 'POST' });
		const err = await s.client.updateEmployee({ posUserId: 1008, changes }).catch((e) => e);
		expect(err).toBeInstanceOf(VerificationError);
		expect(err.message).toMatch(message);
		const sent = s.emu.requests.filter((x) => x.path === route && x.method === 'POST').length;
		// A wage adds a record: sent once. The edit round trip and the matrix are absolute states: re-sent (bounded)
		// only after the read-back proved the previous attempt did not apply.
		if (route === '/employee/compensation/update') expect(sent).toBe(1);
		else expect(sent).toBeLessThanOrEqual(4);
	});

	it('one HTTP 500 on the edit round trip: proven not applied, sent again, and the run completes', async () => {
		const s = await warm();
		s.emu.faults.add({ kind: 'status', status: 500, route: '/employee/update', method: 'POST', times: 1 });
		const r = await s.client.updateEmployee({ posUserId: 1008, changes });
		expect(r.changesApplied).toEqual(['properties', 'compensation', 'permission']);
		expect(r.warnings.join(' ')).toMatch(/properties: .* did not apply; it was sent again/);
		expect(s.emu.requests.filter((x) => x.path === '/employee/update' && x.method === 'POST')).toHaveLength(2);
	});

	it('a lost response whose read-back shows the write applied is a warning, and the run goes on', async () => {
		const s = await warm();
		s.emu.faults.add({ kind: 'lostResponse', route: '/employee/compensation/update', method: 'POST', times: 1 });
		const r = await s.client.updateEmployee({ posUserId: 1008, changes });
		expect(r.changesApplied).toEqual(['properties', 'compensation', 'permission']);
		expect(r.warnings.join(' ')).toMatch(/compensation: .* reading it back shows it applied/);
		expect(s.emu.requests.filter((x) => x.path === '/employee/compensation/update')).toHaveLength(1);
	});
});

describe('by e-mail', () => {
	it('a wage change by e-mail confirms the holder on the edit page before writing', async () => {
		const s = await warm();
		const e = s.emu.state.getEmployee(103)!;
		const from = s.emu.requests.length;
		const r = await s.client.updateEmployee({ email: e.email.toUpperCase(), changes: { wageRate: '14.00' } });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee/edit/103', 'GET /employee/compensation/103', 'POST /employee/compensation/update', 'GET /employee/compensation/103']);
		expect(r).toMatchObject({ employeeId: 103, posUserId: 1008, changesApplied: ['compensation'] });
	});
});
