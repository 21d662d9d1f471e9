// The trigger node in-process: polls through n8n-core's PollTriggerExecutor with the workflow's static data kept
// (as JSON) across polls, against the emulator. Request counts come from the emulator's log.
import { describe, expect, it } from 'vitest';

import type { EmployeeRecord } from '../emulator/types';
import { TriggerBed } from './poll-harness';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

function trigger(parameters: Record<string, unknown> = {}, password?: string): TriggerBed {
	return new TriggerBed(bed.pkg, { events: ['newEmployee', 'employeeDeactivated', 'employeeReactivated', 'employeeChanged'], ...parameters }, bed.credentials(password));
}

function employee(id: number): EmployeeRecord {
	const e = bed.emu.state.getEmployee(id);
	if (!e) throw new Error(`no employee ${id}`);
	return e;
}

function grantTemplate(id: number, name: string): void {
	employee(id).posGrants = [...bed.emu.state.tenant.posTemplates.find((t) => t.name === name)!.grants];
}

function hire(firstName: string): EmployeeRecord {
	const state = bed.emu.state;
	const e: EmployeeRecord = { ...structuredClone(employee(103)), id: state.nextEmployeeId++, posUserId: 4900 + state.employees.length, firstName, lastName: 'Hired' };
	state.employees.push(e);
	return e;
}

const logins = () => bed.count('POST', '/login_check');
const rosters = () => bed.count('GET', '/employee');

describe('baseline', () => {
	it('the activation poll records the roster and emits nothing; unchanged polls emit nothing, one roster request each', async () => {
		const t = trigger();
		const first = await t.poll({ activation: true });
		expect(first).toEqual({ emitted: null });
		expect(rosters()).toBe(1);
		const state = t.nodeState as { snapshot: { rows: unknown[]; origin: string } };
		expect(state.snapshot.origin).toBe(bed.emu.url);
		expect(state.snapshot.rows.length).toBe(bed.emu.state.employees.filter((e) => e.siteIds.length > 0).length);
		expect(await t.poll()).toEqual({ emitted: null });
		expect(await t.poll()).toEqual({ emitted: null });
		expect(rosters()).toBe(3);
		expect(bed.emu.requests.filter((r) => r.method === 'GET' && !r.path.startsWith('/employee?')).map((r) => r.path)).toEqual([]);
	});
});

describe('events', () => {
	it('new, deactivated, reactivated and changed employees, several in one poll, one item per event', async () => {
		const t = trigger();
		await t.poll({ activation: true });
		const hired = hire('Nova');
		employee(106).isActive = false;
		employee(112).isActive = true;
		grantTemplate(103, 'Manager');
		employee(103).phone = '615-555-0199';
		employee(109).departmentIds = [3, 4];
		const { emitted, error } = await t.poll();
		expect(error).toBeUndefined();
		expect(emitted!.map((i) => [i.json.event, i.json.employeeId])).toEqual([
			['employeeChanged', 103],
			['employeeDeactivated', 106],
			['employeeChanged', 109],
			['employeeReactivated', 112],
			['newEmployee', hired.id],
		]);
		expect(emitted![0].json).toEqual({
			event: 'employeeChanged',
			employeeId: 103,
			posUserId: 1008,
			firstName: employee(103).firstName,
			lastName: employee(103).lastName,
			phone: '6155550199',
			sites: expect.any(Array),
			accessLevel: 'Manager',
			departments: expect.any(Array),
			isActive: true,
			changes: {
				phone: { from: expect.stringMatching(/^\d+$/), to: '6155550199' },
				accessLevel: { from: expect.any(String), to: 'Manager' },
			},
		});
		expect(emitted![1].json.changes).toEqual({ isActive: { from: true, to: false } });
		expect(emitted![2].json.changes).toEqual({ departments: { from: ['Greeter'], to: ['Greeter', 'Management'] } });
		expect(emitted![4].json).toMatchObject({ event: 'newEmployee', firstName: 'Nova', isActive: true });
		expect(emitted![4].json).not.toHaveProperty('changes');
		// Reported once: the next poll compares with this one.
		expect(await t.poll()).toEqual({ emitted: null });
	});

	it('emits only the chosen events, and keeps the others in the snapshot', async () => {
		const t = trigger({ events: ['employeeDeactivated'] });
		await t.poll({ activation: true });
		employee(106).isActive = false;
		grantTemplate(103, 'Manager');
		const { emitted } = await t.poll();
		expect(emitted!.map((i) => [i.json.event, i.json.employeeId])).toEqual([['employeeDeactivated', 106]]);
		t.parameters.events = ['employeeChanged'];
		expect(await t.poll()).toEqual({ emitted: null });
	});
});

describe('filters', () => {
	it('access level: an employee who gets or loses Manager access, not other changes', async () => {
		const t = trigger({ events: ['employeeChanged'], filters: { accessLevels: ['Manager'] } });
		await t.poll({ activation: true });
		grantTemplate(103, 'Manager');
		employee(109).firstName = 'Dani';
		const { emitted } = await t.poll();
		expect(emitted!.map((i) => [i.json.employeeId, i.json.changes])).toEqual([
			[103, { accessLevel: { from: expect.any(String), to: 'Manager' } }],
		]);
		grantTemplate(103, 'Cashier');
		expect((await t.poll()).emitted!.map((i) => i.json.changes)).toEqual([{ accessLevel: { from: 'Manager', to: 'Cashier' } }]);
	});

	it('site: chosen by name, matched on the roster short codes before or after; the codes are read once', async () => {
		const t = trigger({ filters: { sites: ['WashU Fiesta'] } });
		const fiesta = bed.emu.state.sites.find((s) => s.name === 'WashU Fiesta')!.id;
		await t.poll({ activation: true });
		expect(bed.count('GET', '/employee/create')).toBe(1);
		const inFiesta = bed.emu.state.employees.find((e) => e.isActive && e.siteIds.includes(fiesta) && e.siteIds.length > 1)!;
		const elsewhere = bed.emu.state.employees.find((e) => e.isActive && !e.siteIds.includes(fiesta) && e.siteIds.length > 0)!;
		inFiesta.siteIds = inFiesta.siteIds.filter((id) => id !== fiesta);
		elsewhere.firstName = 'Changed';
		const { emitted } = await t.poll();
		expect(emitted!.map((i) => i.json.employeeId)).toEqual([inFiesta.id]);
		expect((emitted![0].json.changes as { sites: { from: string[] } }).sites.from).toContain('FIESTA');
		expect(bed.count('GET', '/employee/create')).toBe(1);
	});

	it('an unknown site name fails the activation, naming the site', async () => {
		const t = trigger({ filters: { sites: ['Nowhere Wash'] } });
		const { error } = await t.poll({ activation: true });
		expect(error?.message).toMatch(/Sites.*Nowhere Wash/);
		expect(t.nodeState.snapshot).toBeUndefined();
	});
});

describe('failures', () => {
	it('a failed poll is reported, stops nothing, and the next poll reports what it missed', async () => {
		const t = trigger();
		await t.poll({ activation: true });
		employee(106).isActive = false;
		bed.emu.faults.add({ kind: 'status', status: 500, route: '/employee', method: 'GET', times: 4 });
		const failed = await t.poll();
		expect(failed.emitted).toBeNull();
		expect(failed.error?.message).toMatch(/500|server/i);
		const { emitted, error } = await t.poll();
		expect(error).toBeUndefined();
		expect(emitted!.map((i) => [i.json.event, i.json.employeeId])).toEqual([['employeeDeactivated', 106]]);
	});

	it('a refused login is reported once; later polls do not try the password again until the credential changes', async () => {
		const t = trigger({}, 'wrong-password');
		const first = await t.poll();
		expect(first.error?.message).toMatch(/refused|login|password/i);
		expect(logins()).toBe(1);
		const state = JSON.stringify(t.staticData);
		expect(state).not.toContain('wrong-password');
		expect(t.nodeState.loginRefused).toMatchObject({ count: 1, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });

		const second = await t.poll();
		expect(second.error?.message).toMatch(/login not attempted.*credential changes/);
		expect(logins()).toBe(1);
		expect(bed.emu.requests).toHaveLength(1);

		t.credentials = bed.credentials();
		expect(await t.poll()).toEqual({ emitted: null });
		expect(logins()).toBe(2);
		expect(t.nodeState.loginRefused).toBeUndefined();
		expect(t.nodeState.snapshot).toBeDefined();
	});
});

describe('Fetch Test Event', () => {
	it('returns the newest matching employee as a sample and records nothing', async () => {
		const t = trigger({ events: ['employeeChanged'], filters: { accessLevels: ['Manager'] } });
		grantTemplate(103, 'Manager');
		const newest = hire('Sample');
		grantTemplate(newest.id, 'Manager');
		const { emitted, error } = await t.fetchTestEvent();
		expect(error).toBeUndefined();
		expect(emitted).toHaveLength(1);
		expect(emitted![0].json).toMatchObject({ event: 'employeeChanged', employeeId: newest.id, firstName: 'Sample', accessLevel: 'Manager' });
		expect(t.staticData).toEqual({});
		expect(rosters()).toBe(1);
	});

	it('says so when no employee matches, and throws a refused login', async () => {
		const none = await trigger({ filters: { accessLevels: ['No Such Level'] } }).fetchTestEvent();
		expect(none.error?.message).toMatch(/No employee .* matches the filters/);
		const refused = await trigger({}, 'wrong-password').fetchTestEvent();
		expect(refused.error?.message).toMatch(/refused|login|password/i);
	});
});

describe('description', () => {
	it('a polling trigger on the same credential, with the site and access level pickers', () => {
		const type = bed.pkg.nodeTypes.getByNameAndVersion('n8n-nodes-sonnys-backoffice.sonnysBackofficeTrigger', 1);
		const d = type.description;
		expect(d).toMatchObject({ name: 'sonnysBackofficeTrigger', displayName: "Sonny's Backoffice Trigger", polling: true, group: ['trigger'], inputs: [] });
		expect(d.credentials).toEqual([{ name: 'sonnysBackofficeApi', required: true, testedBy: 'sonnysBackofficeLoginTest' }]);
		// n8n adds "Poll Times" to every polling node.
		expect(d.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['pollTimes', 'events', 'filters']));
		expect(Object.keys(type.methods?.loadOptions ?? {}).sort()).toEqual(['getAccessLevels', 'getSites']);
		expect(Object.keys(type.methods?.credentialTest ?? {})).toEqual(['sonnysBackofficeLoginTest']);
	});

	it('the access level picker lists the POS templates, Custom and None', async () => {
		const type = bed.pkg.nodeTypes.getByNameAndVersion('n8n-nodes-sonnys-backoffice.sonnysBackofficeTrigger', 1);
		const { core, additionalData } = await import('./harness');
		const { workflowLib } = await import('./harness');
		const node = { id: 'x', name: 'T', type: 'n8n-nodes-sonnys-backoffice.sonnysBackofficeTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {}, credentials: { sonnysBackofficeApi: { id: '1', name: 'c' } } };
		const workflow = new workflowLib.Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: bed.pkg.nodeTypes });
		const ctx = new core.LoadOptionsContext(workflow, node, additionalData(bed.credentials()), 'parameters');
		const options = await type.methods!.loadOptions!.getAccessLevels.call(ctx);
		const values = options.map((o) => o.value as string);
		expect(values.slice(-2)).toEqual(['Custom', 'None']);
		expect(values.slice(0, -2).sort()).toEqual(bed.emu.state.tenant.posTemplates.map((t) => t.name).sort());
	});
});

describe('Fetch Test Event for Employee Deactivated', () => {
	it('prefers the newest inactive employee', async () => {
		const newestInactive = [...bed.emu.state.employees].filter((e) => !e.isActive && e.siteIds.length > 0).sort((a, b) => b.id - a.id)[0];
		const { emitted } = await trigger({ events: ['employeeDeactivated'] }).fetchTestEvent();
		expect(emitted!.map((i) => [i.json.event, i.json.employeeId, i.json.isActive])).toEqual([['employeeDeactivated', newestInactive.id, false]]);
	});
});

describe('overlapping polls', () => {
	it('a poll that starts while the previous one of the same node runs yields nothing and sends nothing', async () => {
		await bed.startEmulator({ latencyMs: 150 });
		const t = trigger();
		await t.poll({ activation: true });
		employee(106).isActive = false;
		const before = bed.emu.requests.length;
		const [slow, overlapping] = await Promise.all([t.poll(), new Promise((r) => setTimeout(r, 50)).then(() => t.poll())]);
		expect(overlapping).toEqual({ emitted: null });
		expect(slow.emitted!.map((i) => [i.json.event, i.json.employeeId])).toEqual([['employeeDeactivated', 106]]);
		expect(bed.emu.requests.length - before).toBe(2);
	});
});
