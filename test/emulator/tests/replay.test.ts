import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../index';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, CAPTURES, captureBody, captureHtml, capturePairs, captureResponse, flashes, load, serializeForm, withoutKeys } from './helpers';

/**
 * Replays every captured request body in `fixtures/captures/payloads/` in the order it happened on the real tenant
 * and asserts what the real server answered: status, Location, body bytes, and the state change or its absence.
 */
describe('replay of the captured WashU writes', () => {
	let emu: Emulator;
	let b: Browser;

	beforeAll(async () => {
		emu = await startEmulator();
		b = new Browser(emu.url);
	});
	afterAll(() => emu.close());

	const xfer = /^[A-Za-z0-9]{8}$/;

	it('login_check: the captured body shape logs in with 302 to / and sets PHPSESSID', async () => {
		const body = captureBody('allowed_login_check.json');
		expect(body).toMatch(/^_username=[^&]+&_password=REDACTED$/);
		const bad = await b.post('/login_check', body);
		expect(bad.status).toBe(200);
		expect(bad.body).toContain('name="_username"');
		const ok = await b.post('/login_check', body.replace(/^_username=[^&]+/, '_username=demo-bot').replace('REDACTED', 'demo-password'));
		expect(ok.status).toBe(302);
		expect(ok.location).toBe('/');
		expect(b.cookie).toMatch(/^PHPSESSID=/);
	});

	it('employee insert #1 (buggy isAllRegionsAllowed=0 + both keys per site) creates 484 with ALL sites', async () => {
		const r = await b.post('/employee/insert', capturePairs('allowed_employee_insert_request.json'));
		const cap = captureResponse('allowed_employee_insert_response.json');
		expect(r.status).toBe(cap.status_code);
		expect(r.location).toBe(cap.headers.Location);
		expect(Buffer.byteLength(r.body)).toBe(cap.body_length);
		const e = emu.state.getEmployee(484)!;
		expect(e.credentialId).toBe(427);
		expect(e.posUserId).toBe(99001);
		expect(e.siteIds).toEqual(emu.state.allSiteIds());
		const page = await b.get('/employee/permissions/484');
		expect(flashes(page.body).successes).toEqual(['WrapperExplore DeleteMe-A3F9 has been created successfully! Please setup their POS permissions.']);
	});

	it('minimal disable of 484 ({id, isActive=0}) bounces to the edit page with actionXfer and changes nothing', async () => {
		const r = await b.post('/employee/update', capturePairs('allowed_employee_update_minimal_disable_request.json'));
		const cap = captureResponse('allowed_employee_update_minimal_disable_response.json');
		expect(r.status).toBe(302);
		const [path, query] = r.location!.split('?actionXfer=');
		expect(path).toBe(cap.headers.Location.split('?')[0]);
		expect(query).toMatch(xfer);
		expect(Buffer.byteLength(r.body)).toBe(cap.body_length);
		expect(emu.state.getEmployee(484)!.isActive).toBe(true);
		const page = await b.get(r.location!);
		expect(flashes(page.body).errors).toHaveLength(1);
		expect(page.body).toContain('name="employee[isActive]"');
	});

	it('employee insert v2 creates 485 (credential 428) granted exactly sites 17-19', async () => {
		const r = await b.post('/employee/insert', capturePairs('allowed_employee_insert_v2_request.json'));
		const cap = captureResponse('allowed_employee_insert_v2_response.json');
		expect([r.status, r.location, Buffer.byteLength(r.body)]).toEqual([cap.status_code, cap.headers.Location, cap.body_length]);
		const e = emu.state.getEmployee(485)!;
		expect(e.credentialId).toBe(428);
		expect(e.siteIds).toEqual([17, 18, 19]);
		expect(emu.state.siteNames(e.siteIds)).toEqual(['Wash 37055', 'Wash 37062', 'Wash 37135']);
	});

	it('minimal permissions post for 485 is accepted (302 /employee, 282 bytes) and ignored', async () => {
		const r = await b.post('/employee/permissions/update', capturePairs('allowed_employee_permissions_update_minimal_request.json'));
		const cap = captureResponse('allowed_employee_permissions_update_minimal_response.json');
		expect([r.status, r.location, Buffer.byteLength(r.body)]).toEqual([302, cap.headers.Location, 282]);
		expect(r.body).toBe(captureHtml('employee_permissions_update_minimal_response.html'));
		expect(emu.state.getEmployee(485)!.posGrants).toEqual([]);
		const roster = await b.get('/employee?posUserId=99002&active=all');
		expect(load(roster.body)('td.employees-col-template').text()).toBe('None');
	});

	it('browser permissions post for 485 (group order, duplicate id 1, hidden requiresOverride=0) grants General User', async () => {
		const r = await b.post('/employee/permissions/update', captureBody('allowed_employee_permissions_update_browser.json'));
		expect([r.status, r.location]).toEqual([302, '/employee']);
		const e = emu.state.getEmployee(485)!;
		expect(e.posGrants).toEqual([22]);
		expect(e.posOverrides).toEqual([]);
		const roster = await b.get('/employee?posUserId=99002');
		expect(load(roster.body)('td.employees-col-template').text()).toBe('General User');
	});

	it('the permissions page of 485 serialises to exactly the captured browser body (template 3 chosen)', async () => {
		const page = await b.get('/employee/permissions/485');
		const pairs = serializeForm(page.body, '#employee-permission-update-form').map(([k, v]): [string, string] => (k === 'templateId' ? [k, '3'] : [k, v]));
		expect(pairs).toEqual(capturePairs('allowed_employee_permissions_update_browser.json'));
	});

	it('the edit page of 485 serialises (isActive dropped) to exactly the captured wrapper body, but with the date', async () => {
		const edit = await b.get('/employee/edit/485');
		const pairs = withoutKeys(serializeForm(edit.body, '#employee-create-edit-form'), (k) => k === 'employee[isActive]');
		const captured = capturePairs('allowed_employee_update_full_disable_request.json').map(([k, v]): [string, string] => (k === 'employee[startDate]' ? [k, '04/13/2026'] : [k, v]));
		expect(pairs).toEqual(captured);
	});

	it('full disable of 485 with an empty start date bounces (398 bytes) and leaves it active', async () => {
		const r = await b.post('/employee/update', capturePairs('allowed_employee_update_full_disable_request.json'));
		const cap = captureResponse('allowed_employee_update_full_disable_response.json');
		expect(r.status).toBe(302);
		expect(r.location).toMatch(/^\/employee\/edit\/485\?actionXfer=[A-Za-z0-9]{8}$/);
		expect(Buffer.byteLength(r.body)).toBe(cap.body_length);
		expect(r.body.length).toBe(captureHtml('employee_update_full_disable_response.html').length);
		expect(emu.state.getEmployee(485)!.isActive).toBe(true);
		const page = await b.get(r.location!);
		expect(flashes(page.body).errors.join(' ')).toMatch(/Start Date/);
	});

	it('e2e create of 486 answers byte-for-byte like the capture', async () => {
		const r = await b.post('/employee/insert', capturePairs('e2e_create_employee_request.json'));
		const cap = captureResponse('e2e_create_employee_response.json');
		expect([r.status, r.location]).toEqual([cap.status_code, cap.headers.Location]);
		expect(r.body).toBe(captureHtml('e2e_create_employee_response.html'));
		expect(emu.state.getEmployee(486)!.credentialId).toBe(429);
	});

	it('e2e permissions matrix for 486 grants exactly {22}', async () => {
		const r = await b.post('/employee/permissions/update', capturePairs('e2e_permissions_request.json'));
		const cap = captureResponse('e2e_permissions_response.json');
		expect([r.status, r.location]).toEqual([cap.status_code, cap.headers.Location]);
		expect(emu.state.getEmployee(486)!.posGrants).toEqual([22]);
		const page = await b.get('/employee/permissions/486');
		const $ = load(page.body);
		expect($('#perm-grant-22').attr('checked')).toBeDefined();
		expect($('.permission-grant[checked]').map((_, el) => $(el).attr('data-permission-id')).get()).toEqual(['22']);
	});

	it('a browser-like disable round trip of 486 (isActive omitted) disables it; the POS id stays reserved', async () => {
		const edit = await b.get('/employee/edit/486');
		const pairs = withoutKeys(serializeForm(edit.body, '#employee-create-edit-form'), (k) => k === 'employee[isActive]');
		expect(pairs.find(([k]) => k === 'employee[startDate]')?.[1]).toBe('04/13/2026');
		const r = await b.post('/employee/update', pairs);
		expect([r.status, r.location]).toEqual([302, '/employee']);
		const e = emu.state.getEmployee(486)!;
		expect(e.isActive).toBe(false);
		expect(e.siteIds).toEqual([17, 18, 19]);
		expect(emu.state.posUserIdTaken(99003)).toBe(true);
	});

	it('linking a BO user to disabled 486 fails to /user/create?actionXfer with the documented flash', async () => {
		const before = emu.state.users.length;
		const r = await b.post('/user/insert', capturePairs('w45_user_insert_request.json'));
		const cap = captureResponse('w45_user_insert_response.json');
		expect(r.status).toBe(302);
		expect(r.location).toMatch(/^\/user\/create\?actionXfer=[A-Za-z0-9]{8}$/);
		expect(Buffer.byteLength(r.body)).toBe(cap.body_length ?? Buffer.byteLength(captureHtml('w45_user_insert_response.html')));
		expect(emu.state.users.length).toBe(before);
		const page = await b.get(r.location!);
		expect(flashes(page.body).errors.join(' ')).toContain('please make sure that the related employee is active and try again');
	});

	it('w45f: employee 487 then its linked BO user 3312060 (byte-exact redirect)', async () => {
		const e = await b.post('/employee/insert', capturePairs('w45f_employee_insert_request.json'));
		expect(e.location).toBe('/employee/permissions/487');
		const r = await b.post('/user/insert', capturePairs('w45f_user_insert_request.json'));
		const cap = captureResponse('w45f_user_insert_response.json');
		expect([r.status, r.location]).toEqual([cap.status_code, cap.headers.Location]);
		expect(r.body).toBe(captureHtml('w45f_user_insert_response.html'));
		const u = emu.state.getUser(3312060)!;
		expect([u.username, u.employeeId, u.siteIds, u.templateId]).toEqual(['wrapperF8A1bo', 487, [], null]);
	});

	it('w45v2: scripted BO permissions with every region disabled fails with the sites flash, nothing changes', async () => {
		emu.state.nextUserId = 3312102;
		const created = await b.post('/user/insert', [
			['employee[isOnSiteEmployee]', '1'],
			['user[employeeId]', '100'],
			['employee[email]', 'bo-3312102@example.invalid'],
			['user[username]', 'replayUserB'],
			['user[password]', 'Pw-123456789'],
			['user[confirmPassword]', 'Pw-123456789'],
		]);
		expect(created.location).toBe('/user/permissions/3312102?userIsNew=1');
		await b.get(created.location!);
		const r = await b.post('/user/permissions/update', capturePairs('w45v2_user_permissions_request.json'));
		const cap = captureResponse('w45v2_user_permissions_response.json');
		expect(r.status).toBe(302);
		expect(r.location).toMatch(/^\/user\/permissions\/3312102\?userIsNew=&actionXfer=[A-Za-z0-9]{8}$/);
		expect(cap.headers.Location).toMatch(/^\/user\/permissions\/3312102\?userIsNew=&actionXfer=/);
		expect(r.body).toBe(captureHtml('w45v2_user_permissions_response.html').replace('D21avdTP', r.location!.slice(-8)).replace('D21avdTP', r.location!.slice(-8)).replace('D21avdTP', r.location!.slice(-8)).replace('D21avdTP', r.location!.slice(-8)));
		expect(emu.state.getUser(3312102)!.tokens).toEqual([]);
		const page = await b.get(r.location!);
		expect(flashes(page.body).errors).toEqual(['Accessible Sites requires no less than 1 valid selection.']);
	});

	it('amber no-op: the page serialises to the captured body, which succeeds with 302 /user byte-exact', async () => {
		const before = structuredClone(emu.state.getUser(2944451)!);
		const page = await b.get('/user/permissions/2944451');
		expect(serializeForm(page.body, '#user-permissions-update-form')).toEqual(capturePairs('w45v2_amber_noop_request.json'));
		const r = await b.post('/user/permissions/update', capturePairs('w45v2_amber_noop_request.json'));
		expect([r.status, r.location]).toEqual([302, '/user']);
		expect(r.body).toBe(captureHtml('w45v2_amber_noop_response.html'));
		const after = emu.state.getUser(2944451)!;
		expect(after.siteIds).toEqual(emu.state.allSiteIds());
		expect(after.templateId).toBe(before.templateId);
		expect(after.tokens).toEqual(before.tokens);
		expect(after.tokens).toHaveLength(14);
	});

	it('w45v3 browser BO permissions (disabledRegions 1 and 2, template 3) is rejected with the sites flash', async () => {
		emu.state.nextUserId = 3312136;
		const created = await b.post('/user/insert', [
			['user[username]', 'replayStandalone'],
			['employee[firstName]', 'Replay'],
			['employee[lastName]', 'Standalone'],
			['employee[email]', 'replay.standalone@example.invalid'],
			['user[password]', 'Pw-123456789'],
			['user[confirmPassword]', 'Pw-123456789'],
		]);
		expect(created.location).toBe('/user/permissions/3312136?userIsNew=1');
		const page = await b.get(created.location!);
		const browserBody = serializeForm(page.body, '#user-permissions-update-form');
		expect(browserBody.filter(([k]) => k === 'disabledRegions[]').map(([, v]) => v)).toEqual(['1', '2']);
		// What the page script does on choosing template 3: set the select, tick that template's tokens.
		const gu = new Set(emu.state.tenant.boTemplates.find((t) => t.id === 3)!.tokens);
		const withTemplate: Array<[string, string]> = [];
		for (const [k, v] of browserBody) {
			withTemplate.push(k === 'template' ? [k, '3'] : [k, v]);
			const m = /^perms\[(\d+)\]\[token\]$/.exec(k);
			if (m && gu.has(v)) withTemplate.push([`perms[${m[1]}][isEnabled]`, '1']);
		}
		expect(withTemplate).toEqual(capturePairs('allowed_bo_user_permissions_browser_captured.json'));
		const r = await b.post('/user/permissions/update', captureBody('allowed_bo_user_permissions_browser_captured.json'));
		expect(r.location).toMatch(/^\/user\/permissions\/3312136\?userIsNew=&actionXfer=[A-Za-z0-9]{8}$/);
		expect(emu.state.getUser(3312136)!.templateId).toBeNull();
		const next = await b.get(r.location!);
		expect(flashes(next.body).errors).toEqual(['Accessible Sites requires no less than 1 valid selection.']);
	});

	it('every capture in fixtures/captures/payloads is replayed by this file', () => {
		const self = readFileSync(__filename, 'utf8');
		const files = readdirSync(join(CAPTURES, 'payloads'));
		expect(files.length).toBeGreaterThanOrEqual(25);
		for (const f of files) expect(self, f).toContain(`'${f}'`);
	});

	it('responses carry the captured headers (A.0)', async () => {
		const r = await b.get('/employee');
		const cap = captureResponse('e2e_create_employee_response.json').headers;
		for (const h of ['Server', 'Content-Type', 'Transfer-Encoding', 'Cache-Control', 'Pragma', 'Strict-Transport-Security', 'X-Content-Type-Options', 'Vary']) {
			expect(r.headers.get(h), h).toBe(cap[h]);
		}
		expect(r.headers.get('Expires')).toBe(r.headers.get('Date'));
	});
});
