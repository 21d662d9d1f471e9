import { describe, expect, it } from 'vitest';

import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

/** Employees that can get a linked Backoffice user: active, with an e-mail, no user yet. */
function linkable() {
	return bed.emu.state.employees.filter((e) => e.isActive && e.email !== '' && !bed.emu.state.findUserByEmployeeId(e.id));
}

/** Backoffice User > Create, standalone, with the General User template; each test adds its own fields. */
const standalone = { resource: 'backofficeUser', operation: 'create', permission: 'General User', linkTo: 'none' };

describe('Backoffice User > Create', () => {
	it('creates a standalone user and returns the generated password', async () => {
		const { items: out, error } = await bed.run({
			parameters: {
				...standalone,
				username: 'night_manager',
				email: 'night.manager@example.invalid',
				firstName: 'Night',
				lastName: 'Manager',
			},
		});
		expect(error).toBeUndefined();
		const json = out[0].json as Record<string, unknown>;
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(json).toMatchObject({ username: 'night_manager', permissionApplied: 'General User' });
		expect((json.password as string).length).toBe(12);
		expect(json).toMatchObject({ sitesGranted: 'all', warnings: [] });
		const user = bed.emu.state.findUserByUsername('night_manager')!;
		expect(new Set(user.tokens)).toEqual(new Set(bed.emu.state.tenant.boTemplates.find((t) => t.name === 'General User')!.tokens));
		expect(user.siteIds).toEqual(bed.emu.state.allSiteIds());
		expect(user.id).toBe(json.userId);
		expect(user.employeeId).toBeNull();
		expect(user.password).toBe(json.password);
	});

	it('a batch logs in once and inserts each user once', async () => {
		const { items: out, error } = await bed.run({
			parameters: {
				...standalone,
				username: '={{ "batch_user_" + $json.n }}',
				email: '={{ "batch.user" + $json.n + "@example.invalid" }}',
				firstName: 'Batch',
				lastName: '={{ "User" + $json.n }}',
			},
			items: [1, 2, 3].map((n) => ({ n })),
		});
		expect(error).toBeUndefined();
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(new Set(out.map((o) => o.json.password)).size).toBe(3);
		for (const n of [1, 2, 3]) expect(bed.emu.state.findUserByUsername(`batch_user_${n}`)).toBeDefined();
		expect(bed.count('POST', '/login_check')).toBe(1);
		expect(bed.count('POST', '/user/insert')).toBe(3);
		expect(bed.count('POST', '/user/permissions/update')).toBe(3);
		expect(bed.emu.requests.filter((r) => r.method === 'POST')).toHaveLength(1 + 3 + 3);
	});

	it('links users to employees by POS user ID and by e-mail, from expressions, with a given password', async () => {
		const [a, b] = linkable();
		const link = async (linkTo: string, extra: Record<string, string>, item: Record<string, unknown>) =>
			await bed.run({
				parameters: {
					resource: 'backofficeUser',
					operation: 'create',
					username: '={{ $json.username }}',
					email: '={{ $json.email }}',
					permission: 'Administrator',
					linkTo,
					...extra,
					additionalFields: { password: 'Given-Pass-123!' },
				},
				items: [item],
			});
		const byPos = await link(
			'posUserId',
			{ linkToEmployeePosUserId: '={{ $json.posUserId }}' },
			{ username: 'linked_by_pos', email: a.email, posUserId: a.posUserId },
		);
		expect(byPos.error).toBeUndefined();
		expect(byPos.items[0].json.linkedEmployeeId).toBe(a.id);
		expect(byPos.items[0].pairedItem).toEqual({ item: 0 });
		const byMail = await link(
			'email',
			{ linkToEmployeeEmail: '={{ $json.email }}' },
			{ username: 'linked_by_mail', email: b.email },
		);
		expect(byMail.error).toBeUndefined();
		expect(byMail.items[0].json.linkedEmployeeId).toBe(b.id);
		expect(bed.emu.state.findUserByUsername('linked_by_pos')?.employeeId).toBe(a.id);
		expect(bed.emu.state.findUserByUsername('linked_by_mail')?.employeeId).toBe(b.id);
		expect(bed.emu.state.findUserByUsername('linked_by_mail')?.password).toBe('Given-Pass-123!');
	});

	it('linking to an unknown employee names the link field; nothing is created', async () => {
		const usersBefore = bed.emu.state.users.length;
		const { items: out } = await bed.run({
			parameters: {
				resource: 'backofficeUser',
				operation: 'create',
				username: 'orphan_user',
				email: 'orphan.user@example.invalid',
				permission: 'General User',
				linkTo: 'posUserId',
				linkToEmployeePosUserId: 999_999,
			},
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'linkToEmployeePosUserId' });
		expect(out[0].json.error).toContain('999999');
		expect(bed.emu.state.users.length).toBe(usersBefore);
	});

	it('a taken username is a duplicate on the username field; the next item still runs', async () => {
		const existing = bed.emu.state.users[0];
		const { items: out } = await bed.run({
			parameters: {
				...standalone,
				username: '={{ $json.username }}',
				email: '={{ $json.email }}',
				firstName: 'Dup',
				lastName: 'Licate',
			},
			items: [
				{ username: existing.username, email: 'dup.one@example.invalid' },
				{ username: 'fresh_user', email: 'fresh.user@example.invalid' },
			],
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ code: 'DUPLICATE', field: 'username' });
		expect(out[0].json.error).toContain(existing.username);
		expect(out[1].json.username).toBe('fresh_user');
	});

	it('an invalid username fails only its own item', async () => {
		const { items: out } = await bed.run({
			parameters: {
				...standalone,
				username: '={{ $json.username }}',
				email: '={{ $json.username + "@example.invalid" }}',
				firstName: 'Batch',
				lastName: 'User',
				additionalFields: { password: '={{ $json.password }}' },
			},
			items: [
				{ username: 'x', password: 'Fine-Pass-1!' },
				{ username: 'second_user', password: 'Fine-Pass-2!' },
			],
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'username' });
		expect(out[1].json.username).toBe('second_user');
		expect(bed.emu.state.findUserByUsername('second_user')).toBeDefined();
	});

	it('an invalid username is refused before any request', async () => {
		const { error } = await bed.run({
			parameters: {
				...standalone,
				username: '9lives',
				email: 'cat@example.invalid',
				firstName: 'Nine',
				lastName: 'Lives',
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Username');
		expect(error?.description).toContain('"9lives"');
		expect(bed.emu.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});
});

describe('Backoffice User > Create with sites', () => {
	it('applies the chosen template and sites', async () => {
		const { items: out, error } = await bed.run({
			parameters: {
				...standalone,
				permission: 'Manager',
				username: 'site_manager',
				email: 'site.manager@example.invalid',
				firstName: 'Site',
				lastName: 'Manager',
				additionalFields: { availableSites: ['WashU Niles'] },
			},
		});
		expect(error).toBeUndefined();
		expect(out[0].json).toMatchObject({ permissionApplied: 'Manager', sitesGranted: ['WashU Niles'] });
		const user = bed.emu.state.findUserByUsername('site_manager')!;
		expect(bed.emu.state.siteNames(user.siteIds)).toEqual(['WashU Niles']);
		expect(user.tokens).toHaveLength(bed.emu.state.tenant.boTemplates.find((t) => t.name === 'Manager')!.tokens.length);
	});
});

describe('Backoffice User > Get, Get Many, Update Access', () => {
	it('Get by username and by linked employee POS user ID', async () => {
		const e = bed.emu.state.getEmployee(106)!;
		const byName = await bed.run({ parameters: { resource: 'backofficeUser', operation: 'get', findBy: 'username', username: 'caseycedar' } });
		expect(byName.error).toBeUndefined();
		expect(byName.items[0].json).toMatchObject({ userId: 2960001, linkedEmployeeId: 106, templateName: 'General User', availableSites: ['WashU Niles'] });
		const byEmployee = await bed.run({ parameters: { resource: 'backofficeUser', operation: 'get', findBy: 'employee', employee: { __rl: true, mode: 'posUserId', value: String(e.posUserId) } } });
		expect(byEmployee.items[0].json.userId).toBe(2960001);
		const fromList = await bed.run({ parameters: { resource: 'backofficeUser', operation: 'get', findBy: 'employee', employee: { __rl: true, mode: 'list', value: '106' } } });
		expect(fromList.items[0].json.userId).toBe(2960001);
		const none = await bed.run({
			parameters: { resource: 'backofficeUser', operation: 'get', findBy: 'employee', employee: { __rl: true, mode: 'list', value: '100' } },
			continueOnFail: true,
		});
		expect(none.items[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'employee' });
	});

	it('Get Many: one item per user, limited', async () => {
		const all = await bed.run({ parameters: { resource: 'backofficeUser', operation: 'getAll', returnAll: true } });
		expect(all.error).toBeUndefined();
		expect(all.items.map((o) => o.json.userId).sort()).toEqual(bed.emu.state.users.map((u) => u.id).sort());
		const two = await bed.run({ parameters: { resource: 'backofficeUser', operation: 'getAll', returnAll: false, limit: 2 } });
		expect(two.items).toHaveLength(2);
	});

	it('Update Access: template and sites, then a dry run that posts nothing', async () => {
		const base = { resource: 'backofficeUser', operation: 'updateAccess', findBy: 'userId', userId: 2960001 };
		const done = await bed.run({ parameters: { ...base, permission: 'Manager', availableSites: ['WashU Fiesta'] } });
		expect(done.error).toBeUndefined();
		expect(done.items[0].json).toMatchObject({ updated: true, templateName: 'Manager', availableSites: ['WashU Fiesta'] });
		expect(Object.keys(done.items[0].json.changes as object).sort()).toEqual(['availableSites', 'permission']);
		const user = bed.emu.state.getUser(2960001)!;
		expect(bed.emu.state.siteNames(user.siteIds)).toEqual(['WashU Fiesta']);
		const posts = bed.count('POST', '/user/permissions/update');
		const dry = await bed.run({ parameters: { ...base, permission: 'Administrator', dryRun: true } });
		expect(dry.items[0].json).toMatchObject({ dryRun: true, updated: false, plannedRequests: [{ phase: 'backofficeAccess', method: 'POST', path: '/user/permissions/update' }] });
		expect(bed.count('POST', '/user/permissions/update')).toBe(posts);
	});

	it('Update Access with an unknown template names the field; nothing to change is refused', async () => {
		const base = { resource: 'backofficeUser', operation: 'updateAccess', findBy: 'username', username: 'caseycedar' };
		const unknown = await bed.run({ parameters: { ...base, permission: 'Overlord' }, continueOnFail: true });
		expect(unknown.items[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'permission' });
		const nothing = await bed.run({ parameters: base, continueOnFail: true });
		expect(nothing.items[0].json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'permission' });
	});
});
