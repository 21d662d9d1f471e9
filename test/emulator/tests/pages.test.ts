import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { large, redirectBody, type Emulator } from '../index';
import { Browser, captureHtml, loggedIn, load, serializeForm } from './helpers';

describe('pages: raw server HTML as protocol Part A describes it', () => {
	let emu: Emulator;
	let b: Browser;
	beforeAll(async () => {
		({ emu, b } = await loggedIn());
	});
	afterAll(() => emu.close());

	it('redirect bodies are 246 + 4 x len(escaped URL) and byte-exact with every captured one', () => {
		const caps: Array<[string, string]> = [
			['e2e_create_employee_response.html', '/employee/permissions/486'],
			['employee_permissions_update_minimal_response.html', '/employee'],
			['employee_update_minimal_disable_response.html', '/employee/edit/484?actionXfer=QjlJuNJ7'],
			['employee_update_full_disable_response.html', '/employee/edit/485?actionXfer=TOzz5LjN'],
			['w45_user_insert_response.html', '/user/create?actionXfer=Ex9AQle1'],
			['w45f_user_insert_response.html', '/user/permissions/3312060?userIsNew=1'],
			['w45v2_user_permissions_response.html', '/user/permissions/3312102?userIsNew=&actionXfer=D21avdTP'],
			['w45v2_amber_noop_response.html', '/user'],
		];
		for (const [file, url] of caps) {
			expect(redirectBody(url), file).toBe(captureHtml(file));
			expect(Buffer.byteLength(redirectBody(url))).toBe(246 + 4 * url.replace(/&/g, '&amp;').length);
		}
	});

	it('every logged-in page: title, h1#page-title, #main-column, user menu name, ~130 KB sidebar', async () => {
		const pages: Array<[string, string]> = [
			['/', 'Dashboard'],
			['/employee', 'Employees'],
			['/employee/create', 'Create Employee'],
			['/employee/edit/100', 'Edit Avery Alder'],
			['/employee/permissions/100', 'Employee Access'],
			['/employee/compensation/100', 'Compensation for Avery Alder'],
			['/user', 'Back Office Users'],
			['/user/create', 'Create Back Office User'],
			['/user/permissions/2944451', 'Back Office Access Control'],
		];
		for (const [path, h1] of pages) {
			const r = await b.get(path);
			expect(r.status, path).toBe(200);
			const $ = load(r.body);
			expect($('title').text().replace(/\s+/g, ' ').trim(), path).toMatch(/^Sonny's Controls \| .+/);
			expect($('h1#page-title').text(), path).toBe(h1);
			expect($('#main-column').length, path).toBe(1);
			expect($('.user-display-name').text()).toBe('Demo Bot');
			const before = r.body.indexOf('<div id="main-column">');
			expect(before, path).toBeGreaterThan(128_000);
			expect(before, path).toBeLessThan(140_000);
			expect($('#main-menu a[href*="/employee/edit/"], #main-menu a[href*="/user/permissions/"]').length).toBe(0);
		}
	});

	it('unknown ids and paths are 404; GET on a write endpoint is 405', async () => {
		expect((await b.get('/employee/edit/999999')).status).toBe(404);
		expect((await b.get('/user/permissions/1')).status).toBe(404);
		expect((await b.get('/nope')).status).toBe(404);
		expect((await b.get('/employee/insert')).status).toBe(405);
	});

	it('edit page (A.7): hidden ids, start date only in data-value, no wage fields, PIN pre-filled', async () => {
		const e = emu.state.getEmployee(100)!;
		const $ = load((await b.get('/employee/edit/100')).body);
		expect($('form#employee-create-edit-form.employee-crud-form').attr('action')).toBe('/employee/update');
		expect($('input[name="employee[id]"]').attr('value')).toBe('100');
		expect($('#selected-employee-id').attr('name')).toBeUndefined();
		expect($('#employee-pos-credentials-id').attr('value')).toBe(String(e.credentialId));
		expect($('#employee-start-date').attr('value')).toBeUndefined();
		expect($('#employee-start-date').attr('data-value')).toBe(e.startDate);
		expect($('[name^="wage["]').length).toBe(0);
		expect($('input[name="posCredential[POSLoginPassword]"]').attr('value')).toBe(e.pin);
		expect($('#employee-departments option[selected]').map((_, o) => Number($(o).attr('value'))).get().sort()).toEqual([...e.departmentIds].sort());
	});

	it('create page (A.3): departments in display order, wage sites by short code, submit label', async () => {
		const $ = load((await b.get('/employee/create')).body);
		expect($('#employee-departments option').map((_, o) => `${$(o).attr('value')} ${$(o).text()}`).get()).toEqual(['1 Cashier', '3 Greeter', '2 Line', '4 Management']);
		const codes = $('select[name="wage[siteId]"] option').map((_, o) => $(o).text()).get();
		expect(codes[0]).toBe('');
		expect(codes.slice(1, 4)).toEqual(['BERWYN', 'BURBT1', 'BurbT2']);
		expect($('#btn-user-save').text()).toBe('Set POS Access');
		expect($('label[for="boac-permission-district-2"] strong').text()).toBe("(Carlos' District)");
		expect($('#employee-pos-user-id-help').attr('data-collision-message')).toBe('That POS user ID is already in use!');
		const names = new Set(serializeForm((await b.get('/employee/create')).body, '#employee-create-edit-form').map(([k]) => k));
		expect(names.has('employee[startDate]')).toBe(true);
		expect(names.has('wage[overtimeRate]')).toBe(false);
	});

	it('create form has the captured 77 named fields in the captured order', async () => {
		const names = ($: ReturnType<typeof load>) => [...new Set($('#employee-create-edit-form [name]').map((_, el) => $(el).attr('name')!).get().filter(Boolean))];
		const captured = names(load(captureHtml('employee_create.main-column.excerpt.html')));
		expect(captured).toHaveLength(77);
		expect(names(load((await b.get('/employee/create')).body))).toEqual(captured);
	});

	it('permissions page has the captured excerpt structure (template options, authority block, first rows)', async () => {
		const cap = load(captureHtml('e2e_permissions_page_486_initial.partial-excerpt.html'));
		const $ = load((await b.get('/employee/permissions/100')).body);
		const opt = (c: ReturnType<typeof load>) => c('#template option').map((_, o) => [[c(o).attr('value'), c(o).attr('data-permissions-set') ?? '', c(o).attr('data-manager-override-permissions-set') ?? '', c(o).text()].join('|')]).get();
		expect(opt($)).toEqual(opt(cap));
		const first = (c: ReturnType<typeof load>) => c('#employee-permission-update-form [name]').slice(1, 14).map((_, el) => `${c(el).attr('name')}=${c(el).attr('value')}`).get();
		expect(first($)).toEqual(first(cap));
	});

	it('permissions page (A.6): 7 templates with sets, permission 1 twice, 34 grant toggles', async () => {
		const $ = load((await b.get('/employee/permissions/100')).body);
		expect($('#template option').length).toBe(8);
		expect($('#template option[value="2"]').attr('data-manager-override-permissions-set')).toBe('2,3,4,6,7,8,9,24,28,29,30,31,32,33,34');
		expect($('input[name="permissions[1][hasGrantAccess]"]').length).toBe(2);
		expect($('input.permission-grant').length).toBe(34);
		expect($('#sbox-permission-groupgeneral h4').first().text()).toBe('Manager Approval');
		expect($('#page-sub-title').html()).toBe('Name: <strong>Avery Alder</strong>, POS ID: <strong>1001</strong>');
	});

	it('the login page matches the captured form', async () => {
		const r = await fetch(`${emu.url}/login`);
		const $ = load(await r.text());
		const cap = load(captureHtml('login_page.html'));
		for (const sel of ['#login-form', '#login-username', '#login-password', 'a[href="/forgot-password"]', '#main-column-logged-out']) {
			expect($(sel).length, sel).toBe(cap(sel).length);
		}
		expect($('#login-form').attr('action')).toBe('/login_check');
		expect(r.headers.get('set-cookie')).toMatch(/^PHPSESSID=/);
	});
});

describe('tenants', () => {
	it('flat tenant (ASSUMPTION E.4): no regions, siteIds[] blocklist, isAllSitesAllowed', async () => {
		const { emu, b } = await loggedIn({ tenant: 'flat' });
		const $ = load((await b.get('/employee/create')).body);
		expect($('input.boac-permission-region-option').length).toBe(0);
		expect($('input.boac-permission-site-option[name="employee[siteIds][]"]').length).toBe(emu.state.sites.length);
		const body = (over: [string, string][]) => [
			['employee[firstName]', 'Flat'], ['employee[lastName]', 'Tenant'], ['employee[startDate]', '05/01/2026'], ['employee[departments][]', '3'],
			['posCredential[POSLoginID]', String(3000 + over.length)], ['posCredential[POSLoginPassword]', '11111'], ['wage[regularRate]', '10.00'], ...over,
		] as [string, string][];
		await b.post('/employee/insert', body([['employee[siteIds][]', '101'], ['employee[siteIds][]', '103']]));
		expect(emu.state.findEmployeeByPosUserId(3002)!.siteIds).toEqual([102, 104]);
		await b.post('/employee/insert', body([['employee[isAllSitesAllowed]', '1']]));
		expect(emu.state.findEmployeeByPosUserId(3001)!.siteIds).toEqual([101, 102, 103, 104]);
		const edit = load((await b.get(`/employee/edit/${emu.state.findEmployeeByPosUserId(3002)!.id}`)).body);
		expect(edit('input[name="employee[siteIds][]"][checked]').map((_, el) => edit(el).attr('value')).get()).toEqual(['101', '103']);
		await emu.close();
	});

	it('large tenant generator: deterministic, sized as asked, unique POS ids / e-mails / phones', async () => {
		const t = large({ employees: 800, sites: 24 });
		expect(t.employees).toHaveLength(800);
		expect(t.sites).toHaveLength(24);
		expect(new Set(t.employees.map((e) => e.posUserId)).size).toBe(800);
		expect(new Set(t.employees.map((e) => e.email)).size).toBe(800);
		expect(new Set(t.employees.map((e) => e.phone)).size).toBe(800);
		expect(large({ employees: 800, sites: 24 })).toEqual(t);
		const { emu, b } = await loggedIn({ tenant: t });
		const $ = load((await b.get('/employee?active=all&limit=10000')).body);
		expect($('table.table-employees-list tbody tr').length).toBe(800);
		expect(load((await b.get('/employee/create')).body)('input.boac-permission-site-option').length).toBe(24);
		await emu.close();
	});

	it('washu tenant mirrors the captures: ids, names, codes, templates, tokens, bot', async () => {
		const { washu } = await import('../index');
		const t = washu();
		expect(t.sites.map((s) => s.id)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
		expect(t.posPermissions).toHaveLength(34);
		expect(t.posTemplates.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 8]);
		expect(t.boTokens).toHaveLength(105);
		expect(t.bot).toMatchObject({ username: 'demo-bot', password: 'demo-password' });
		expect(t.employees.length).toBeGreaterThanOrEqual(30);
		expect(t.employees.every((e) => !e.email || e.email.endsWith('@example.invalid'))).toBe(true);
		expect(t.employees.some((e) => !e.isActive)).toBe(true);
		expect(t.users.some((u) => u.employeeId !== null)).toBe(true);
	});
});
