import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnexpectedPageError } from '../../src/errors';
import { encodeForm } from '../../src/html/form';
import { parseCreatePage } from '../../src/pages/employee-create';
import { parseEditPage } from '../../src/pages/employee-edit';
import { buildRosterPath, parseRoster } from '../../src/pages/employee-list';
import { parsePosPermissionsPage } from '../../src/pages/employee-permissions';
import { parseUserCreatePage } from '../../src/pages/user-create';
import { parseUserList } from '../../src/pages/user-list';
import { parseBoPermissionsPage } from '../../src/pages/user-permissions';
import { encodeSiteAvailability } from '../../src/payloads/site-availability';
import { parseFlashes } from '../../src/html/flash';
import { parseLoginError } from '../../src/pages/login';
import { classifyPage } from '../../src/pages/page-kind';
import { SITES_REQUIRED_MESSAGE, startEmulator, type Emulator } from '../emulator';
import { domSnapshot } from './dom-snapshot';
import { captureHtml, EmulatorBrowser, washuStructure } from './helpers';

const LOGIN = captureHtml('login_page.html');
const CREATE = captureHtml('employee_create.main-column.excerpt.html');
const PERMISSIONS = captureHtml('e2e_permissions_page_486_initial.partial-excerpt.html');
const OTHER_APP_PAGE = '<div id="main-column"><h1 id="page-title">Dashboard</h1></div>';

describe('every parser refuses the wrong page with UnexpectedPageError', () => {
	const parsers: Array<[string, (html: string) => unknown]> = [
		['parseCreatePage', (h) => parseCreatePage(h)],
		['parseEditPage', (h) => parseEditPage(h)],
		['parseRoster', (h) => parseRoster(h)],
		['parsePosPermissionsPage', (h) => parsePosPermissionsPage(h)],
		['parseUserList', (h) => parseUserList(h)],
		['parseUserCreatePage', (h) => parseUserCreatePage(h)],
		['parseBoPermissionsPage', (h) => parseBoPermissionsPage(h)],
	];
	for (const [name, parse] of parsers) {
		it(`${name}: login page, maintenance page, empty body`, () => {
			expect(() => parse(LOGIN)).toThrow(/login page/);
			expect(() => parse('<html><head><title>503 Service Unavailable</title></head></html>')).toThrow(/maintenance page/);
			for (const html of [LOGIN, '']) {
				try {
					parse(html);
					expect.unreachable();
				} catch (e) {
					expect(e).toBeInstanceOf(UnexpectedPageError);
					expect((e as Error).message).not.toContain('<');
				}
			}
		});
	}
	it('page-specific parsers refuse another application page', () => {
		expect(() => parseCreatePage(OTHER_APP_PAGE)).toThrow(/without #employee-create-edit-form/);
		expect(() => parseRoster(OTHER_APP_PAGE)).toThrow(/without the employee table/);
		expect(() => parsePosPermissionsPage(OTHER_APP_PAGE)).toThrow(UnexpectedPageError);
		expect(() => parseUserCreatePage(OTHER_APP_PAGE)).toThrow(UnexpectedPageError);
		expect(() => parseBoPermissionsPage(OTHER_APP_PAGE)).toThrow(UnexpectedPageError);
		// The create page is not an edit page (no employee[id]).
		expect(() => parseEditPage(CREATE)).toThrow(/without employee\[id\]/);
		// An edit form without the status checkbox: "inactive" could not be told from "layout changed".
		const withIdOnly = CREATE.replace('</form>', '<input type="hidden" name="employee[id]" value="5"></form>');
		expect(() => parseEditPage(withIdOnly)).toThrow(/without employee\[isActive\]/);
	});
});

describe('parseCreatePage on the captured WashU create page (DOM snapshot)', () => {
	const page = parseCreatePage(CREATE);
	const washu = washuStructure();

	it('detects the hierarchy and reads regions and districts (entities decoded)', () => {
		expect(page.hierarchical).toBe(true);
		expect(page.regions).toEqual(washu.regions);
		expect(page.districts).toEqual(washu.districts);
		expect(page.districts.map((d) => d.name)).toContain("Carlos' District");
	});

	it('reads every site with its short code, district and region', () => {
		expect(page.sites).toHaveLength(19);
		const expected = washu.sites.map((s) => {
			const district = washu.districts.find((d) => d.id === s.districtId);
			const region = washu.regions.find((r) => r.id === s.regionId);
			return {
				id: s.id,
				name: s.name,
				shortCode: s.shortCode,
				districtId: s.districtId,
				districtName: district?.name,
				regionId: s.regionId,
				regionName: region?.name,
			};
		});
		expect([...page.sites].sort((a, b) => a.id - b.id)).toEqual(expected.sort((a, b) => a.id - b.id));
		expect(page.sites.find((s) => s.name === 'WashU Fiesta')).toMatchObject({ id: 1, districtId: 2, regionId: 2 });
		expect(page.sites.find((s) => s.name === 'Wash 37135')).toMatchObject({ id: 17, districtId: 1, regionId: 1, shortCode: 'NOLO' });
	});

	it('reads departments in page order; Greeter is 3', () => {
		expect(page.departments).toEqual(washu.departments);
		expect(page.departments.find((d) => d.name === 'Greeter')?.id).toBe(3);
	});
});

describe('parsePosPermissionsPage on the captured permissions page (raw HTML)', () => {
	const page = parsePosPermissionsPage(PERMISSIONS);
	it('reads the employee id and the 7 templates with grants and overrides', () => {
		expect(page.employeeId).toBe(486);
		expect(page.templates.map(({ id, name, grants, overrides }) => ({ id, name, grants, overrides }))).toEqual(washuStructure().posTemplates);
		expect(page.templates.every((t) => t.scope === 'pos' && t.tokens.length === 0)).toBe(true);
		expect(page.templates.find((t) => t.name === 'General User')).toMatchObject({ id: 3, grants: [22] });
	});
	it('reads the schema unique and sorted, first label of id 1 winning; nothing granted', () => {
		expect(page.schema.map((p) => p.id)).toEqual([1, 22, 23, 24]);
		expect(page.schema[0]).toEqual(washuStructure().posPermissions[0]);
		expect(page.granted).toEqual([]);
		// The hidden permissions[1][requiresOverride]=0 is not an override.
		expect(page.overrides).toEqual([]);
	});
	it('reads checked grants and overrides', () => {
		const html = PERMISSIONS.replace('id="perm-grant-22"', 'id="perm-grant-22" checked').replace(
			'name="permissions[1][requiresOverride]"\n                                           value="1"',
			'name="permissions[1][requiresOverride]"\n                                           value="1" checked',
		);
		const parsed = parsePosPermissionsPage(html);
		expect(parsed.granted).toEqual([22]);
		expect(parsed.overrides).toEqual([1]);
	});
});

describe('parseRoster on synthetic rows (A.2 markup)', () => {
	const row = (id: number, pos: string, phone: string, active: boolean, extra = '') => `
		<tr>
			<td class="employees-col-first-name"><span style="white-space: pre">Zoë</span></td>
			<td class="employees-col-last-name"><span style="white-space: pre">O&#039;Neil</span></td>
			<td class="employees-col-sites">CAROL, VILLAP, WHEAT</td>
			<td class="employees-col-template">Custom</td>
			<td class="employees-col-pos-user-id">${pos}</td>
			<td class="employees-col-departments"><ul class="list-inline nix-bm comma-separated"><li>Greeter</li><li>Line</li></ul></td>
			<td class="employees-col-phone text-nowrap">${phone ? `<a href="tel:${phone}">${phone}</a>` : ''}</td>
			<td class="employees-col-wage-type text-center">Hourly</td>
			<td class="employees-col-active text-center"><i class="fa ${active ? 'fa-check' : 'fa-times'} fa-lg"></i></td>
			<td class="customers-col-edit text-nowrap text-right">${extra}<a id="link-edit-employee-${id}" href="/employee/edit/${id}">e</a></td>
		</tr>`;
	const html = `<div id="main-column"><table class="table table-full-width table-striped table-hover table-employees-list"><thead><tr><th class="employees-col-first-name">First</th></tr></thead><tbody>
		${row(54, '12345', '(615) 555-1234', true)}${row(55, '', '', false, '<a href="/timesheet/55">t</a>')}
		<tr><td colspan="10">No more employees</td></tr></tbody></table></div>`;
	it('reads ids from links, POS ids, names, phone digits, sites, access, departments, active', () => {
		expect(parseRoster(html)).toEqual([
			{
				employeeId: 54,
				posUserId: 12345,
				firstName: 'Zoë',
				lastName: "O'Neil",
				phoneDigits: '6155551234',
				siteCodes: ['CAROL', 'VILLAP', 'WHEAT'],
				access: 'Custom',
				departments: ['Greeter', 'Line'],
				isActive: true,
			},
			{
				employeeId: 55,
				posUserId: null,
				firstName: 'Zoë',
				lastName: "O'Neil",
				phoneDigits: null,
				siteCodes: ['CAROL', 'VILLAP', 'WHEAT'],
				access: 'Custom',
				departments: ['Greeter', 'Line'],
				isActive: false,
			},
		]);
	});
	it('decodes any entity in a cell and ignores rows without an employee link', () => {
		const odd = html.replace('<span style="white-space: pre">Zoë</span>', '<span style="white-space: pre">Ren&eacute;e&nbsp;&amp;&#x41;</span>');
		expect(parseRoster(odd)[0].firstName).toBe('Renée &A');
	});

	it('an empty table is an empty roster', () => {
		expect(parseRoster('<div id="main-column"><table class="table-employees-list"><tbody></tbody></table></div>')).toEqual([]);
	});
});

describe('buildRosterPath (A.2 canonical order)', () => {
	it('full roster', () => {
		expect(buildRosterPath()).toBe('/employee?limit=10000&active=all');
		expect(buildRosterPath({ active: 'all', limit: 10000 })).toBe('/employee?limit=10000&active=all');
		expect(buildRosterPath({ active: 'active', limit: 1 })).toBe('/employee?limit=1&active=active');
	});
	it('targeted searches', () => {
		expect(buildRosterPath({ posUserId: 99003 })).toBe(
			'/employee?sort_type=first_name&sort_dir=1&first_name=&last_name=&posUserId=99003&active=all&limit=10000',
		);
		expect(buildRosterPath({ firstName: 'Ann Marie', lastName: "O'Neil&Co", active: 'inactive', limit: 1000 })).toBe(
			'/employee?sort_type=first_name&sort_dir=1&first_name=Ann+Marie&last_name=O%27Neil%26Co&active=inactive&limit=1000',
		);
	});
	it('refuses a bad limit', () => {
		expect(() => buildRosterPath({ limit: 0 })).toThrow(RangeError);
	});
});

describe('parsers on the emulator pages (raw server HTML)', () => {
	let washu: Emulator;
	let flat: Emulator;
	let wb: EmulatorBrowser;
	let fb: EmulatorBrowser;

	beforeAll(async () => {
		washu = await startEmulator({ tenant: 'washu' });
		flat = await startEmulator({ tenant: 'flat' });
		wb = new EmulatorBrowser(washu.url);
		fb = new EmulatorBrowser(flat.url);
		await wb.login();
		await fb.login();
	});
	afterAll(async () => {
		await washu?.close();
		await flat?.close();
	});

	it('roster rows match the emulator state (active filter, ids, POS ids, phones)', async () => {
		const rows = parseRoster(await wb.page(buildRosterPath()));
		const visible = washu.state.employees.filter((e) => e.siteIds.length > 0);
		expect(rows).toHaveLength(visible.length);
		for (const row of rows) {
			const e = washu.state.employees.find((x) => x.id === row.employeeId);
			expect(e).toBeDefined();
			expect(row.posUserId).toBe(e?.posUserId);
			expect(row.isActive).toBe(e?.isActive);
			expect(row.firstName).toBe(e?.firstName);
			expect(row.phoneDigits).toBe(e?.phone.replace(/\D/g, '') || null);
		}
		expect(rows.some((r) => !r.isActive)).toBe(true);
		const one = parseRoster(await wb.page(buildRosterPath({ posUserId: rows[0].posUserId ?? 0 })));
		expect(one.map((r) => r.employeeId)).toEqual([rows[0].employeeId]);
	});

	it('a 5,000-row roster (large tenant) parses completely and correctly', async () => {
		const large = await startEmulator({ tenant: 'large' });
		try {
			const browser = new EmulatorBrowser(large.url);
			await browser.login();
			const rows = parseRoster(await browser.page(buildRosterPath()));
			const visible = large.state.employees.filter((e) => e.siteIds.length > 0);
			expect(rows).toHaveLength(visible.length);
			expect(rows.length).toBeGreaterThanOrEqual(5000);
			const byId = new Map(large.state.employees.map((e) => [e.id, e]));
			for (const row of rows) {
				const e = byId.get(row.employeeId);
				expect(row.posUserId).toBe(e?.posUserId);
				expect(row.lastName).toBe(e?.lastName);
				expect(row.isActive).toBe(e?.isActive);
				expect(row.siteCodes).toHaveLength(e?.siteIds.length ?? -1);
			}
		} finally {
			await large.close();
		}
	});

	it('create page of both tenants: hierarchical washu, flat tenant without regions', async () => {
		const w = parseCreatePage(await wb.page('/employee/create'));
		expect(w.hierarchical).toBe(true);
		expect(w.sites.map((s) => s.id).sort((a, b) => a - b)).toEqual(washu.state.sites.map((s) => s.id).sort((a, b) => a - b));
		const f = parseCreatePage(await fb.page('/employee/create'));
		expect(f.hierarchical).toBe(false);
		expect(f.regions).toEqual([]);
		expect(f.sites.length).toBe(flat.state.sites.length);
		expect(f.sites.every((s) => s.districtId === null && s.regionId === null && s.shortCode)).toBe(true);
	});

	it('edit page: profile fields, data-value start date, departments, credential id, full form', async () => {
		const e = washu.state.employees[0];
		const page = parseEditPage(await wb.page(`/employee/edit/${e.id}`), `/employee/edit/${e.id}`);
		expect(page).toMatchObject({
			employeeId: e.id,
			credentialId: e.credentialId,
			posUserId: e.posUserId,
			firstName: e.firstName,
			lastName: e.lastName,
			email: e.email,
			phone: e.phone,
			startDate: e.startDate,
			isActive: e.isActive,
			departmentIds: e.departmentIds,
		});
		expect(page.form.action).toBe('/employee/update');
		expect(page.form.get('employee[id]')).toBe(String(e.id));
		expect(page.form.get('employee[startDate]')).toBe(e.startDate);
		expect(page.form.has('employee[isActive]')).toBe(e.isActive);
	});

	it('edit page availability round trip: what the encoder sends is what the parser reads back (washu)', async () => {
		const tree = parseCreatePage(await wb.page('/employee/create'));
		const cases: Array<number[] | 'all'> = [[17, 18, 19], [1], [4], [1, 17], 'all', tree.sites.map((s) => s.id)];
		let pos = 77000;
		for (const granted of cases) {
			pos += 1;
			const body = encodeForm([
				['employee[firstName]', 'Round'],
				['employee[lastName]', `Trip${pos}`],
				['employee[phone]', `555555${pos % 10000}`.slice(0, 10)],
				['employee[email]', `rt${pos}@example.invalid`],
				['employee[startDate]', '05/01/2026'],
				['posCredential[POSLoginID]', String(pos)],
				['posCredential[POSLoginPassword]', '54321'],
				['wage[isHourly]', '1'],
				['wage[regularRate]', '15.50'],
				['wage[overtimeRate]', '23.25'],
				['wage[isOvertimeEligible]', '1'],
				['wage[siteId]', '17'],
				['employee[departments][]', '3'],
				...encodeSiteAvailability(tree, granted),
			]);
			const res = await wb.request('POST', '/employee/insert', body);
			expect(res.status).toBe(302);
			const id = Number(/\/employee\/permissions\/(\d+)/.exec(res.location ?? '')?.[1]);
			expect(id).toBeGreaterThan(0);
			const page = parseEditPage(await wb.page(`/employee/edit/${id}`));
			const all = tree.sites.map((s) => s.id).sort((a, b) => a - b);
			const got = page.availableSites === 'all' ? all : [...page.availableSites].sort((a, b) => a - b);
			const want = granted === 'all' ? all : [...granted].sort((a, b) => a - b);
			expect(got).toEqual(want);
			// Round trip: re-serialising the stored form keeps the same grant.
			expect(page.form.has('employee[startDate]')).toBe(true);
		}
	});

	it('flat tenant edit page: blocklist read back', async () => {
		const tree = parseCreatePage(await fb.page('/employee/create'));
		const first = tree.sites[0].id;
		const body = encodeForm([
			['employee[firstName]', 'Flat'],
			['employee[lastName]', 'Only'],
			['employee[phone]', '5555550999'],
			['employee[email]', 'flat.only@example.invalid'],
			['employee[startDate]', '05/01/2026'],
			['posCredential[POSLoginID]', '88001'],
			['posCredential[POSLoginPassword]', '54321'],
			['wage[isHourly]', '1'],
			['wage[regularRate]', '15.50'],
			['wage[overtimeRate]', '23.25'],
			['wage[isOvertimeEligible]', '1'],
			['wage[siteId]', String(first)],
			['employee[departments][]', '3'],
			...encodeSiteAvailability(tree, [first]),
		]);
		const res = await fb.request('POST', '/employee/insert', body);
		expect(res.status).toBe(302);
		const id = Number(/\/employee\/permissions\/(\d+)/.exec(res.location ?? '')?.[1]);
		const page = parseEditPage(await fb.page(`/employee/edit/${id}`));
		expect(page.tree.hierarchical).toBe(false);
		expect(page.availableSites).toEqual([first]);
	});

	it('edit page in the DOM-snapshot flavour parses to the same profile and the same body', async () => {
		for (const e of washu.state.employees.slice(0, 8)) {
			const path = `/employee/edit/${e.id}`;
			const raw = parseEditPage(await wb.page(path), path);
			const snap = parseEditPage(domSnapshot(await wb.page(path)), path);
			const strip = ({ form, tree, ...rest }: typeof raw) => ({ ...rest, sites: tree.sites, body: form.pairs() });
			expect(strip(snap)).toEqual(strip(raw));
		}
		const create = await wb.page('/employee/create');
		expect(parseCreatePage(domSnapshot(create))).toEqual(parseCreatePage(create));
	});

	it('edit form round trip: an unchanged re-submission preserves every field; omitting isActive disables (A.7)', async () => {
		const e = washu.state.employees.find((x) => x.isActive && x.siteIds.length > 0 && x.siteIds.length < washu.state.sites.length) ?? washu.state.employees[0];
		const path = `/employee/edit/${e.id}`;
		const before = parseEditPage(await wb.page(path), path);
		const same = await wb.request('POST', before.form.action, encodeForm(before.form.pairs()));
		expect(same.location).toBe('/employee');
		const again = parseEditPage(await wb.page(path), path);
		expect(again.form.pairs()).toEqual(before.form.pairs());
		expect(again.availableSites).toEqual(before.availableSites);

		again.form.remove('employee[isActive]');
		const res = await wb.request('POST', again.form.action, encodeForm(again.form.pairs()));
		expect(res.location).toBe('/employee');
		const after = parseEditPage(await wb.page(path), path);
		expect(after.isActive).toBe(false);
		expect(after.availableSites).toEqual(before.availableSites);
		expect(after.startDate).toBe(before.startDate);

		after.form.set('employee[isActive]', '1');
		await wb.request('POST', after.form.action, encodeForm(after.form.pairs()));
		expect(parseEditPage(await wb.page(path), path).isActive).toBe(true);
	});

	it('POS permissions page: full 34-permission schema, templates and current grants', async () => {
		const e = washu.state.employees[0];
		const page = parsePosPermissionsPage(await wb.page(`/employee/permissions/${e.id}`));
		expect(page.employeeId).toBe(e.id);
		expect(page.schema).toEqual(washuStructure().posPermissions);
		expect(page.templates.map((t) => t.name)).toEqual(['Manager', 'Cashier', 'General User', 'General Manager', 'Assistant Manager', 'Shift Leader', 'CSA']);
		expect(page.granted).toEqual([...e.posGrants].sort((a, b) => a - b));
		expect(page.overrides).toEqual([...e.posOverrides].sort((a, b) => a - b));
	});

	it('login page and a failed login of the emulator', async () => {
		const fresh = new EmulatorBrowser(washu.url);
		const page = await fresh.request('GET', '/login');
		expect(classifyPage(page.body)).toBe('login');
		expect(parseLoginError(page.body)).toBeUndefined();
		const failed = await fresh.request('POST', '/login_check', '_username=demo-bot&_password=wrong');
		expect(classifyPage(failed.body)).toBe('login');
		expect(parseLoginError(failed.body)).toBe('Invalid credentials.');
	});

	it('flash of a refused write is read from the page the server bounces to', async () => {
		const user = washu.state.users[0];
		const res = await wb.request('POST', '/user/permissions/update', encodeForm([['userId', String(user.id)], ['userIsNew', ''], ['template', '']]));
		expect(res.status).toBe(302);
		expect(res.location).toMatch(/actionXfer=/);
		const flashes = parseFlashes(await wb.page(res.location ?? ''));
		expect(flashes).toContainEqual({ type: 'error', message: SITES_REQUIRED_MESSAGE });
	});

	it('user list, user create (e-mail map) and BO permissions pages', async () => {
		const list = parseUserList(await wb.page('/user'));
		expect(list.users.length).toBe(washu.state.users.length);
		for (const u of list.users) expect(washu.state.users.find((x) => x.id === u.userId)?.username).toBe(u.username);

		const create = parseUserCreatePage(await wb.page('/user/create'));
		expect(create.employees.length).toBeGreaterThan(0);
		for (const option of create.employees) {
			const e = washu.state.employees.find((x) => x.id === option.employeeId);
			expect(option.email).toBe(e?.email ? e.email.trim().toLowerCase() : null);
			expect(option.firstName).toBe(e?.firstName);
		}

		const bo = parseBoPermissionsPage(await wb.page(`/user/permissions/${list.users[0].userId}`));
		expect(bo.userId).toBe(list.users[0].userId);
		expect(bo.tokens).toEqual(washuStructure().backofficePermissionTokens);
		const admin = bo.templates.find((t) => t.name === 'Administrator');
		expect(admin).toMatchObject({ id: 1, scope: 'backoffice', grants: [], overrides: [] });
		const general = bo.templates.find((t) => t.name === 'General User');
		expect(general?.tokens).toEqual([0, 2, 4, 10, 15, 19, 21, 23, 25, 29, 38, 40, 96, 97].map((i) => bo.tokens[i]));
	});
});
