// pollEmployeeChanges against the emulator: one roster request per poll, and the events of real roster pages.
import { afterEach, describe, expect, it } from 'vitest';

import { FULL_ROSTER, routes, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('pollEmployeeChanges', () => {
	it('reads the full roster once per poll: baseline first, then the employees changed in between', async () => {
		const s = await setup();
		done = s.done;
		const { emu, client } = s;
		let from = emu.requests.length;
		const base = await client.pollEmployeeChanges();
		expect(base.baseline).toBe(true);
		expect(base.events).toEqual([]);
		// Inactive employees are in the snapshot; the one without a site (190) is hidden by the roster.
		expect(base.employees.filter((e) => !e.isActive).length).toBe(emu.state.employees.filter((e) => !e.isActive).length);
		expect(base.employees.some((e) => e.employeeId === 190)).toBe(false);
		expect(routes(since(emu, from))).toEqual(['POST /login_check', 'GET /employee']);
		expect(since(emu, from).filter((r) => FULL_ROSTER.test(r.path))).toHaveLength(1);

		const manager = emu.state.tenant.posTemplates.find((t) => t.name === 'Manager')!;
		const blake = emu.state.getEmployee(103)!;
		blake.posGrants = [...manager.grants];
		blake.firstName = 'Blaise';
		emu.state.getEmployee(106)!.isActive = false;
		emu.state.getEmployee(112)!.isActive = true;
		emu.state.getEmployee(118)!.siteIds = [];

		from = emu.requests.length;
		const next = await client.pollEmployeeChanges(JSON.parse(JSON.stringify(base.snapshot)));
		expect(routes(since(emu, from))).toEqual(['GET /employee']);
		expect(next.baseline).toBe(false);
		expect(next.events.map((e) => [e.event, e.employee.employeeId, e.changes])).toEqual([
			['employeeChanged', 103, { firstName: { from: 'Blake', to: 'Blaise' }, accessLevel: { from: expect.any(String), to: 'Manager' } }],
			['employeeDeactivated', 106, { isActive: { from: true, to: false } }],
			['employeeReactivated', 112, { isActive: { from: false, to: true } }],
			['employeeChanged', 118, { sites: { from: expect.any(Array), to: [] } }],
		]);
		expect(next.events[0].employee).toMatchObject({ posUserId: 1008, firstName: 'Blaise', accessLevel: 'Manager', isActive: true });
		expect((await client.pollEmployeeChanges(next.snapshot)).events).toEqual([]);
	});
});
