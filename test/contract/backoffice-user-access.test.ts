/** getBackofficeUser, listBackofficeUsers and updateBackofficeUserAccess against the emulator (A.9, A.10). */
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors';
import { routes, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

async function start() {
	const s = await setup({ requirePageLoadForUserPermissions: true });
	done = s.done;
	await s.client.login();
	return s;
}

const posts = (s: Awaited<ReturnType<typeof start>>, from = 0) => since(s.emu, from).filter((r) => r.method === 'POST' && r.path !== '/login_check');

describe('getBackofficeUser and listBackofficeUsers', () => {
	it('get by userId, username and linked employee: names, e-mail, template by token set, tokens, sites', async () => {
		const s = await start();
		const seeded = s.emu.state.getUser(2960001)!;
		const e = s.emu.state.getEmployee(106)!;
		const want = {
			userId: 2960001,
			username: 'caseycedar',
			email: seeded.email,
			firstName: seeded.firstName,
			lastName: seeded.lastName,
			linkedEmployeeId: 106,
			templateName: 'General User',
			tokens: seeded.tokens,
			availableSites: s.emu.state.siteNames(seeded.siteIds),
		};
		expect(await s.client.getBackofficeUser({ userId: 2960001 })).toEqual(want);
		expect(await s.client.getBackofficeUser({ username: 'CaseyCedar' })).toEqual(want);
		expect(await s.client.getBackofficeUser({ employee: { posUserId: e.posUserId } })).toEqual(want);
		expect(await s.client.getBackofficeUser({ employee: { employeeId: 106 } })).toEqual(want);
		const amber = await s.client.getBackofficeUser({ username: 'amberops' });
		expect(amber).toMatchObject({ linkedEmployeeId: null, availableSites: 'all', templateName: 'General User' });
	});

	it('a user whose tokens match no template has templateName null', async () => {
		const s = await start();
		s.emu.state.getUser(2960001)!.tokens = ['category.list'];
		expect((await s.client.getBackofficeUser({ userId: 2960001 })).templateName).toBeNull();
	});

	it('list: every user of /user with e-mail, names, link and active flag; one GET', async () => {
		const s = await start();
		const from = s.emu.requests.length;
		const list = await s.client.listBackofficeUsers();
		expect(routes(since(s.emu, from))).toEqual(['GET /user']);
		expect(list.map((u) => u.userId).sort()).toEqual(s.emu.state.users.map((u) => u.id).sort());
		expect(list.find((u) => u.username === 'caseycedar')).toMatchObject({ linkedEmployeeId: 106, isActive: true, email: s.emu.state.getUser(2960001)!.email });
		expect(list.find((u) => u.username === 'amberops')!.linkedEmployeeId).toBeNull();
	});

	it('bad references are refused before any request; unknown users are NotFoundError', async () => {
		const s = await setup();
		done = s.done;
		for (const bad of [{}, { userId: 1, username: 'amberops' }, { employee: {} }, { employee: { posUserId: 1, email: 'a@b.co' } }, { userid: 1 }]) {
			await expect(s.client.getBackofficeUser(bad as never)).rejects.toBeInstanceOf(ValidationError);
		}
		const err = await s.client.getBackofficeUser({ employee: {} }).catch((x) => x);
		expect(err.field).toMatch(/^employee\./);
		expect(s.emu.requests).toHaveLength(0);
		await expect(s.client.getBackofficeUser({ username: 'nobodyhere' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(s.client.getBackofficeUser({ employee: { employeeId: 100 } })).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('updateBackofficeUserAccess', () => {
	it('template only, by username: changes, state, at most 4 requests', async () => {
		const s = await start();
		const from = s.emu.requests.length;
		const r = await s.client.updateBackofficeUserAccess({ username: 'caseycedar', permission: 'manager' });
		expect(since(s.emu, from).length).toBeLessThanOrEqual(4);
		expect(r).toMatchObject({ userId: 2960001, username: 'caseycedar', updated: true, dryRun: false, templateName: 'Manager', changes: { permission: { from: 'General User', to: 'Manager' } } });
		expect(r.changes.availableSites).toBeUndefined();
		const u = s.emu.state.getUser(2960001)!;
		expect(new Set(u.tokens)).toEqual(new Set(s.emu.state.tenant.boTemplates.find((t) => t.name === 'Manager')!.tokens));
		expect(u.siteIds).toEqual([4]);
	});

	it('sites only, by userId: 3 requests; then all sites', async () => {
		const s = await start();
		const before = s.emu.state.siteNames([4]);
		let from = s.emu.requests.length;
		const r = await s.client.updateBackofficeUserAccess({ userId: 2960001, availableSites: ['WashU Fiesta', 'Wash 37135'] });
		expect(routes(since(s.emu, from))).toEqual(['GET /user/permissions/2960001', 'POST /user/permissions/update', 'GET /user/permissions/2960001']);
		expect(r.changes).toEqual({ availableSites: { from: before, to: ['WashU Fiesta', 'Wash 37135'] } });
		expect(r.availableSites).toEqual(['Wash 37135', 'WashU Fiesta']);
		expect(s.emu.state.siteNames(s.emu.state.getUser(2960001)!.siteIds)).toEqual(['Wash 37135', 'WashU Fiesta']);
		expect(s.emu.state.getUser(2960001)!.tokens).toHaveLength(14);
		from = s.emu.requests.length;
		const all = await s.client.updateBackofficeUserAccess({ userId: 2960001, availableSites: 'all' });
		expect(all.availableSites).toBe('all');
		expect(s.emu.state.getUser(2960001)!.siteIds).toEqual(s.emu.state.allSiteIds());
		// 'all' is the master toggle alone, as a browser submits it once page script has disabled the tree below it.
		const body = new URLSearchParams(posts(s, from)[0].body);
		expect(body.getAll('isAllRegionsAllowed')).toEqual(['on']);
		expect(body.has('siteIds[]') || body.has('disabledRegions[]')).toBe(false);
	});

	it('both, by linked employee (POS user ID)', async () => {
		const s = await start();
		const e = s.emu.state.getEmployee(139)!;
		const r = await s.client.updateBackofficeUserAccess({ employee: { posUserId: e.posUserId }, permission: 'Administrator', availableSites: ['WashU Niles'] });
		expect(Object.keys(r.changes).sort()).toEqual(['availableSites', 'permission']);
		const u = s.emu.state.getUser(2960018)!;
		expect(u.tokens).toHaveLength(105);
		expect(s.emu.state.siteNames(u.siteIds)).toEqual(['WashU Niles']);
	});

	it('nothing differs: no POST, empty changes', async () => {
		const s = await start();
		const from = s.emu.requests.length;
		const names = s.emu.state.siteNames(s.emu.state.getUser(2960035)!.siteIds);
		const r = await s.client.updateBackofficeUserAccess({ userId: 2960035, permission: 'General User', availableSites: [...names].reverse() });
		expect(r).toMatchObject({ updated: false, changes: {}, templateName: 'General User', availableSites: names });
		expect(posts(s, from)).toHaveLength(0);
		expect(since(s.emu, from)).toHaveLength(1);
	});

	it('dry run: the planned request, nothing posted', async () => {
		const s = await start();
		const before = structuredClone(s.emu.state.getUser(2960001)!);
		const from = s.emu.requests.length;
		const r = await s.client.updateBackofficeUserAccess({ userId: 2960001, permission: 'Manager', availableSites: ['WashU Fiesta'], dryRun: true });
		expect(r).toMatchObject({ dryRun: true, updated: false, plannedRequests: [{ phase: 'backofficeAccess', method: 'POST', path: '/user/permissions/update' }] });
		// Changed form field names, never values: the template, the tokens switched on or off, the site controls.
		const fields = r.plannedRequests![0].fields;
		expect(fields).toEqual(expect.arrayContaining(['template', 'siteIds[]', 'perms[5][isEnabled]']));
		expect(fields.every((f) => /^(?:template|siteIds\[\]|disabledRegions\[\]|disabledDistricts\[\]|perms\[\d+\]\[isEnabled\])$/.test(f))).toBe(true);
		expect(r.changes.permission).toEqual({ from: 'General User', to: 'Manager' });
		expect(posts(s, from)).toHaveLength(0);
		expect(s.emu.state.getUser(2960001)).toEqual(before);
		const none = await s.client.updateBackofficeUserAccess({ userId: 2960001, permission: 'General User', dryRun: true });
		expect(none.plannedRequests).toEqual([]);
	});

	it('needs something to change; a new user without sites cannot be left without any', async () => {
		const s = await start();
		await expect(s.client.updateBackofficeUserAccess({ userId: 2960001 })).rejects.toBeInstanceOf(ValidationError);
		await expect(s.client.updateBackofficeUserAccess({ userId: 2960001, availableSites: [] })).rejects.toMatchObject({ field: 'availableSites' });
		s.emu.state.getUser(2960001)!.siteIds = [];
		const err = await s.client.updateBackofficeUserAccess({ userId: 2960001, permission: 'Manager' }).catch((x) => x);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.message).toMatch(/Accessible Sites requires no less than 1 valid selection/);
		expect(posts(s)).toHaveLength(0);
	});
});
