/** upsertEmployee (Create or Update) against the emulator: every action, the dry run, conflicts, a sync run twice. */
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateError, ValidationError } from '../../src/errors';
import { FULL_ROSTER, newHire, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

const posts = (entries: Array<{ method: string; path: string }>) =>
	entries.filter((r) => r.method === 'POST' && r.path !== '/login_check').map((r) => r.path);

describe('upsertEmployee', () => {
	it('absent: creates (with the create result and the PIN); run again: unchanged, no POST', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire();
		const first = await s.client.upsertEmployee(hire);
		expect(first).toMatchObject({ action: 'created', posUserId: hire.posUserId, dryRun: false, changesApplied: [] });
		expect(first.employeeId).toBe(s.emu.state.findEmployeeByPosUserId(hire.posUserId)!.id);
		expect(String(first.posPin)).toMatch(/^\d{5}$/);
		expect(first.changes.lastName).toEqual({ from: null, to: hire.lastName });
		expect(first.changes.posPin).toEqual({ from: null, to: '*****' });

		const from = s.emu.requests.length;
		const second = await s.client.upsertEmployee(hire);
		expect(second).toMatchObject({ action: 'unchanged', employeeId: first.employeeId, changes: {}, changesApplied: [] });
		expect(second.posPin).toBeUndefined();
		expect(posts(since(s.emu, from))).toEqual([]);
	});

	it('present: updates only what differs; the PIN and the start date are left as they are', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire({ posPin: 24680 });
		const { employeeId } = await s.client.upsertEmployee(hire);
		const from = s.emu.requests.length;
		const r = await s.client.upsertEmployee({ ...hire, lastName: 'Renamed', wageRate: '16.75', posPin: 13579, startDate: '2027-01-01' });
		expect(r.action).toBe('updated');
		expect(r.changes).toEqual({ lastName: { from: hire.lastName, to: 'Renamed' }, wageRate: { from: '15.50', to: '16.75' }, overtimeWageRate: expect.anything() });
		expect(r.changesApplied).toEqual(['properties', 'compensation']);
		const e = s.emu.state.getEmployee(employeeId!)!;
		expect(e.lastName).toBe('Renamed');
		expect(e.pin).toBe('24680');
		expect(e.startDate).toBe('05/01/2026');
		expect(posts(since(s.emu, from))).toEqual(['/employee/update', '/employee/compensation/update']);
	});

	it('updatePosPin: true sets the PIN of an existing employee (masked in changes)', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire({ posPin: 24680 });
		const { employeeId } = await s.client.upsertEmployee(hire);
		const r = await s.client.upsertEmployee({ ...hire, posPin: 13579, updatePosPin: true });
		expect(r).toMatchObject({ action: 'updated', changes: { posPin: { from: '*****', to: '*****' } } });
		expect(s.emu.state.getEmployee(employeeId!)!.pin).toBe('13579');
	});

	it('inactive: reactivate: true reactivates with the changes; without it the employee is updated and stays inactive', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire();
		const { employeeId } = await s.client.upsertEmployee(hire);
		await s.client.disableEmployee({ posUserId: hire.posUserId });
		const kept = await s.client.upsertEmployee({ ...hire, firstName: 'Still' });
		expect(kept.action).toBe('updated');
		expect(kept.warnings.join(' ')).toMatch(/inactive and stays so/);
		expect(s.emu.state.getEmployee(employeeId!)!.isActive).toBe(false);
		const back = await s.client.upsertEmployee({ ...hire, firstName: 'Back', reactivate: true });
		expect(back).toMatchObject({ action: 'reactivated', changes: { firstName: { from: 'Still', to: 'Back' }, isActive: { from: false, to: true } } });
		expect(s.emu.state.getEmployee(employeeId!)!).toMatchObject({ isActive: true, firstName: 'Back' });
		const again = await s.client.upsertEmployee({ ...hire, firstName: 'Back', reactivate: true });
		expect(again.action).toBe('unchanged');
	});

	it('dry run: a create and an update are planned, nothing is posted', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire();
		const from = s.emu.requests.length;
		const plan = await s.client.upsertEmployee({ ...hire, dryRun: true });
		expect(plan).toMatchObject({ action: 'created', employeeId: null, dryRun: true });
		expect(plan.plannedRequests!.map((p) => p.path)).toContain('/employee/insert');
		expect(posts(since(s.emu, from))).toEqual([]);
		await s.client.upsertEmployee(hire);
		const before = s.emu.requests.length;
		const update = await s.client.upsertEmployee({ ...hire, wageRate: '18.00', dryRun: true });
		expect(update).toMatchObject({ action: 'updated', dryRun: true, changesApplied: [] });
		expect(update.plannedRequests!.map((p) => p.path)).toEqual(['/employee/compensation/update']);
		expect(posts(since(s.emu, before))).toEqual([]);
		expect(s.emu.state.findEmployeeByPosUserId(hire.posUserId)!.wages.at(-1)!.regularRate).toBe('15.50');
	});

	it("another employee's e-mail or phone is a DuplicateError naming that employee, before any write", async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire();
		await s.client.upsertEmployee(hire);
		const other = s.emu.state.getEmployee(100)!;
		for (const [field, value] of [
			['email', other.email],
			['phone', other.phone],
		] as const) {
			const from = s.emu.requests.length;
			const err = await s.client.upsertEmployee({ ...hire, [field]: value }).catch((e) => e);
			expect(err).toBeInstanceOf(DuplicateError);
			expect(err).toMatchObject({ field, existingEmployeeId: 100 });
			expect(err.message).toContain('employee 100');
			expect(posts(since(s.emu, from))).toEqual([]);
		}
	});

	it('bad input is refused before any request, naming the field', async () => {
		const s = await setup();
		done = s.done;
		for (const [bad, field] of [
			[{ wageRate: '15,50' }, 'wageRate'],
			[{ reactivate: 'yes' }, 'reactivate'],
			[{ posUserId: undefined }, 'posUserId'],
		] as const) {
			const err = await s.client.upsertEmployee({ ...newHire(), ...(bad as object) }).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.field).toBe(field);
		}
		expect(s.emu.requests).toHaveLength(0);
	});

	it('a sync of 20 at maxSessions 4, run twice: the second run is all unchanged and posts nothing', async () => {
		const s = await setup({}, { maxSessions: 4 });
		done = s.done;
		const rows = Array.from({ length: 20 }, () => newHire());
		const run = () => Promise.all(rows.map((r) => s.client.upsertEmployee(r)));
		expect((await run()).map((r) => r.action)).toEqual(rows.map(() => 'created'));
		// The full roster and the e-mail index: downloaded once for the whole batch, whatever the sessions.
		expect(s.emu.requests.filter((r) => FULL_ROSTER.test(r.path))).toHaveLength(1);
		expect(s.emu.requests.filter((r) => r.method === 'GET' && r.path === '/user/create')).toHaveLength(1);
		const from = s.emu.requests.length;
		expect((await run()).map((r) => r.action)).toEqual(rows.map(() => 'unchanged'));
		expect(posts(since(s.emu, from))).toEqual([]);
	});
});
