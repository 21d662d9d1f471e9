import { afterEach, describe, expect, it } from 'vitest';
import { DUPLICATE_MESSAGES, INACTIVE_EMPLOYEE_MESSAGE, SITES_REQUIRED_MESSAGE, type Emulator, type EmulatorOptions } from '../index';
import { Browser, flashes, load, loggedIn, serializeForm, type Pairs } from './helpers';

function linked(employeeId: number, email: string, username: string): Pairs {
	return [
		['employee[isOnSiteEmployee]', '1'],
		['user[employeeId]', String(employeeId)],
		['employee[email]', email],
		['user[username]', username],
		['user[password]', 'Secret-Pass-1'],
		['user[confirmPassword]', 'Secret-Pass-1'],
	];
}

describe('Backoffice users (protocol A.9, A.10)', () => {
	let emu: Emulator;
	let b: Browser;
	afterEach(() => emu.close());

	async function start(opts: EmulatorOptions = {}): Promise<void> {
		({ emu, b } = await loggedIn(opts));
	}

	it('/user lists users with shield links; the first permissions link is a real user', async () => {
		await start();
		const $ = load((await b.get('/user')).body);
		const first = $('a[href^="/user/permissions/"]').first().attr('href')!;
		expect(first).toBe('/user/permissions/2944451');
		expect($('a[href^="/user/edit/"]').length).toBe(emu.state.users.length);
	});

	it('/user/create lists active employees by first name with data-email/first/last; inactive only by option (E.7)', async () => {
		await start();
		const $ = load((await b.get('/user/create')).body);
		const opts = $('#user-employee option[value!=""]');
		const active = emu.state.employees.filter((e) => e.isActive);
		expect(opts.length).toBe(active.length);
		const firsts = opts.map((_, o) => $(o).attr('data-first-name')!.toLowerCase()).get();
		expect(firsts).toEqual([...firsts].sort());
		const e = active.find((x) => x.email)!;
		const opt = $(`#user-employee option[value="${e.id}"]`);
		expect([opt.attr('data-email'), opt.attr('data-last-name'), opt.text()]).toEqual([e.email, e.lastName, `${e.firstName} ${e.lastName}`]);
		await emu.close();
		await start({ userCreateListsInactiveEmployees: true });
		const all = load((await b.get('/user/create')).body)('#user-employee option[value!=""]');
		expect(all.length).toBe(emu.state.employees.length);
	});

	it('linked insert: 302 /user/permissions/<id>?userIsNew=1 with a success flash; new user has no sites', async () => {
		await start();
		emu.state.nextUserId = 7000001;
		const e = emu.state.employees.find((x) => x.isActive && x.email && !emu.state.findUserByEmployeeId(x.id))!;
		const r = await b.post('/user/insert', linked(e.id, e.email, 'linkedUser1'));
		expect([r.status, r.location]).toEqual([302, '/user/permissions/7000001?userIsNew=1']);
		const page = await b.get(r.location!);
		expect(flashes(page.body).successes).toHaveLength(1);
		const $ = load(page.body);
		expect($('input[name="userIsNew"]').attr('value')).toBe('');
		expect($('input[name="disabledRegions[]"][checked]').length).toBe(2);
		expect($('input[name="siteIds[]"]:not([disabled])').length).toBe(0);
		expect(emu.state.getUser(7000001)).toMatchObject({ employeeId: e.id, username: 'linkedUser1', siteIds: [] });
	});

	it('linking to an inactive employee fails with the documented flash', async () => {
		await start();
		const e = emu.state.employees.find((x) => !x.isActive)!;
		const r = await b.post('/user/insert', linked(e.id, 'x1@example.invalid', 'inactiveLink'));
		expect(r.location).toMatch(/^\/user\/create\?actionXfer=[A-Za-z0-9]{8}$/);
		expect(flashes((await b.get(r.location!)).body).errors).toEqual([INACTIVE_EMPLOYEE_MESSAGE]);
	});

	it('duplicate username (case-insensitive) and e-mail are refused (ASSUMPTION E.1)', async () => {
		await start();
		const e = emu.state.employees.find((x) => x.isActive && x.email && !emu.state.findUserByEmployeeId(x.id))!;
		const r1 = await b.post('/user/insert', linked(e.id, e.email, 'AMBEROPS'));
		expect(flashes((await b.get(r1.location!)).body).errors).toEqual([DUPLICATE_MESSAGES.username]);
		const r2 = await b.post('/user/insert', linked(e.id, 'amber.ops@example.invalid', 'freshName'));
		expect(flashes((await b.get(r2.location!)).body).errors).toEqual([DUPLICATE_MESSAGES.email]);
		const other = emu.state.employees.find((x) => x.email && x.id !== e.id)!;
		const r3 = await b.post('/user/insert', linked(e.id, other.email, 'freshName2'));
		expect(flashes((await b.get(r3.location!)).body).errors).toEqual([DUPLICATE_MESSAGES.email]);
	});

	it('standalone insert needs both names; isOnSiteEmployee=0 binds as linked (presence, E.6)', async () => {
		await start();
		const base: Pairs = [['employee[email]', 'solo@example.invalid'], ['user[username]', 'soloUser'], ['user[password]', 'Pw-1234567'], ['user[confirmPassword]', 'Pw-1234567']];
		const zero = await b.post('/user/insert', [['employee[isOnSiteEmployee]', '0'], ['employee[firstName]', 'Solo'], ['employee[lastName]', 'User'], ...base]);
		expect(zero.location).toMatch(/^\/user\/create\?actionXfer=/);
		expect(flashes((await b.get(zero.location!)).body).errors).toEqual(['Please select a valid Employee.']);
		const noLast = await b.post('/user/insert', [['employee[firstName]', 'Solo'], ...base]);
		expect(flashes((await b.get(noLast.location!)).body).errors[0]).toMatch(/Last Name/);
		const ok = await b.post('/user/insert', [['employee[firstName]', 'Solo'], ['employee[lastName]', 'User'], ...base]);
		expect(ok.location).toMatch(/^\/user\/permissions\/\d+\?userIsNew=1$/);
		const mismatch = await b.post('/user/insert', [['employee[firstName]', 'A'], ['employee[lastName]', 'B'], ['employee[email]', 'ab@example.invalid'], ['user[username]', 'abUser'], ['user[password]', 'x1'], ['user[confirmPassword]', 'x2']]);
		expect(flashes((await b.get(mismatch.location!)).body).errors).toEqual(['The passwords do not match.']);
		const badName = await b.post('/user/insert', [['employee[firstName]', 'A'], ['employee[lastName]', 'B'], ['employee[email]', 'ab@example.invalid'], ['user[username]', '1ab'], ['user[password]', 'x1'], ['user[confirmPassword]', 'x1']]);
		expect(flashes((await b.get(badName.location!)).body).errors[0]).toMatch(/Username/);
	});

	it('permissions update: a granted site + template + tokens apply; the page renders them back', async () => {
		await start();
		const r = await b.post('/user/insert', [['employee[firstName]', 'Perm'], ['employee[lastName]', 'Target'], ['employee[email]', 'perm@example.invalid'], ['user[username]', 'permTarget'], ['user[password]', 'Pw-1234567'], ['user[confirmPassword]', 'Pw-1234567']]);
		const id = Number(/\/user\/permissions\/(\d+)/.exec(r.location!)![1]);
		const page = await b.get(r.location!);
		const pairs = serializeForm(page.body, '#user-permissions-update-form');
		const body: Pairs = [
			...pairs.filter(([k, v]) => !(k === 'disabledRegions[]' && v === '1') && k !== 'template'),
			['siteIds[]', '17'],
			['siteIds[]', '18'],
			['template', '3'],
			['perms[0][isEnabled]', '1'],
			['perms[104][isEnabled]', '0'],
		];
		const out = await b.post('/user/permissions/update', body);
		expect([out.status, out.location]).toEqual([302, '/user']);
		const u = emu.state.getUser(id)!;
		expect([u.siteIds, u.templateId, u.tokens]).toEqual([[17, 18], 3, [emu.state.tenant.boTokens[0], emu.state.tenant.boTokens[104]]]);
		const $ = load((await b.get(`/user/permissions/${id}`)).body);
		expect($('input[name="siteIds[]"]:not([disabled])').map((_, el) => $(el).attr('value')).get()).toEqual(['17', '18']);
		expect($('input[name^="perms["][name$="[isEnabled]"][checked]').length).toBe(2);
		const again = await b.post('/user/permissions/update', [['userId', String(id)], ['userIsNew', ''], ['disabledRegions[]', '1'], ['disabledRegions[]', '2']]);
		expect(again.location).toMatch(new RegExp(`^/user/permissions/${id}\\?userIsNew=&actionXfer=`));
		expect(flashes((await b.get(again.location!)).body).errors).toEqual([SITES_REQUIRED_MESSAGE]);
		expect(emu.state.getUser(id)!.siteIds).toEqual([17, 18]);
	});

	it('requirePageLoadForUserPermissions: a POST without loading the page gets "Unable to locate user"', async () => {
		await start({ requirePageLoadForUserPermissions: true });
		const r = await b.post('/user/permissions/update', [['userId', '2944451'], ['userIsNew', ''], ['isAllRegionsAllowed', 'on']]);
		expect(flashes((await b.get(r.location!)).body).errors).toEqual(['Unable to locate user']);
		await b.get('/user/permissions/2944451');
		expect((await b.post('/user/permissions/update', [['userId', '2944451'], ['userIsNew', ''], ['isAllRegionsAllowed', 'on']])).location).toBe('/user');
	});
});
