/** The read surface's pure parts: the employee reference, the profile, the wage history and the template naming. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnexpectedPageError, ValidationError } from '../../src/errors';
import type { Permission } from '../../src/models/api';
import { validateGetEmployee, validateFindEmployee, validateSearchEmployees } from '../../src/models/employee-read-schema';
import { validateEmployeeRef } from '../../src/models/employee-ref';
import { parseCompensationPage } from '../../src/pages/employee-compensation';
import { parseEditPage } from '../../src/pages/employee-edit';
import { namePermissionLevel, toEmployeeProfile } from '../../src/operations/employee-profile';
import { startEmulator, washu as washuTenant, type Emulator, type EmployeeRecord, type EmulatorState } from '../emulator';
import { domSnapshot } from './dom-snapshot';
import { load } from 'cheerio';
import { parsePosPermissionsPage } from '../../src/pages/employee-permissions';
import { parseSiteTree, readAvailableSites } from '../../src/pages/site-tree';
import { captureHtml, EmulatorBrowser } from './helpers';

function failure(f: () => unknown): ValidationError {
	try {
		f();
	} catch (e) {
		if (e instanceof ValidationError) return e;
		throw e;
	}
	throw new Error('expected a ValidationError');
}

describe('EmployeeRef: exactly one of posUserId, email, employeeId', () => {
	it('accepts each key alone (null and blank count as absent)', () => {
		expect(validateEmployeeRef({ posUserId: 1001 })).toEqual({ posUserId: 1001 });
		expect(validateEmployeeRef({ email: ' A@B.co ' })).toEqual({ email: 'A@B.co' });
		expect(validateEmployeeRef({ employeeId: 100, posUserId: null, email: '' })).toEqual({ employeeId: 100 });
	});

	it('none, two, three keys: ValidationError naming the fields concerned', () => {
		expect(failure(() => validateEmployeeRef({}))).toMatchObject({
			field: 'posUserId / email / employeeId',
			reason: 'exactly one of posUserId, email or employeeId is required (got none)',
		});
		expect(failure(() => validateEmployeeRef({ posUserId: 1, email: 'a@b.co' }))).toMatchObject({
			field: 'posUserId / email',
			reason: 'exactly one of posUserId, email or employeeId is required (got posUserId and email)',
		});
		expect(failure(() => validateEmployeeRef({ posUserId: 1, email: 'a@b.co', employeeId: 3 })).field).toBe('posUserId / email / employeeId');
	});

	it('unknown key, bad values: the field is named', () => {
		expect(failure(() => validateEmployeeRef({ pos_user_id: 3 }))).toMatchObject({ field: 'pos_user_id', reason: 'is not a supported field' });
		expect(failure(() => validateEmployeeRef({ employeeid: 3 })).reason).toBe('is not a supported field (did you mean employeeId?)');
		expect(failure(() => validateEmployeeRef({ email: 'nope' }))).toMatchObject({ field: 'email', reason: 'must contain a valid @domain.tld' });
		expect(failure(() => validateEmployeeRef({ employeeId: 1.5 })).field).toBe('employeeId');
		expect(failure(() => validateEmployeeRef({ posUserId: '1001' })).field).toBe('posUserId');
		expect(failure(() => validateEmployeeRef('1001')).field).toBe('input');
	});
});

describe('read inputs', () => {
	it('getEmployee: include defaults to compensation and permissions; [] and a subset are kept; unknown page refused', () => {
		expect(validateGetEmployee({ posUserId: 1 })).toEqual({ ref: { posUserId: 1 }, include: ['compensation', 'permissions'] });
		expect(validateGetEmployee({ employeeId: 1, include: [] }).include).toEqual([]);
		expect(validateGetEmployee({ email: 'a@b.co', include: ['permissions'] }).include).toEqual(['permissions']);
		expect(failure(() => validateGetEmployee({ posUserId: 1, include: ['pin'] })).field).toBe('include.0');
		expect(failure(() => validateGetEmployee({ include: [] })).field).toBe('posUserId / email / employeeId');
	});

	it('searchEmployees: defaults, trimming, limit range, status values', () => {
		expect(validateSearchEmployees({})).toEqual({ firstName: undefined, lastName: undefined, posUserId: undefined, active: 'active', limit: 10000 });
		expect(validateSearchEmployees({ firstName: ' Jo ', active: 'all', limit: 5 })).toMatchObject({ firstName: 'Jo', active: 'all', limit: 5 });
		expect(failure(() => validateSearchEmployees({ limit: 0 })).field).toBe('limit');
		expect(failure(() => validateSearchEmployees({ limit: 10001 })).field).toBe('limit');
		expect(failure(() => validateSearchEmployees({ active: 'yes' })).reason).toBe('must be one of: active, inactive, all');
	});

	it('findEmployee: names required, phone as digits', () => {
		expect(validateFindEmployee({ firstName: ' Jordan', lastName: 'Smith ', phone: '(773) 555-0109' })).toEqual({
			firstName: 'Jordan',
			lastName: 'Smith',
			phone: '7735550109',
			active: 'active',
		});
		expect(failure(() => validateFindEmployee({ firstName: 'Jordan' })).field).toBe('lastName');
		expect(failure(() => validateFindEmployee({ firstName: 'A', lastName: 'B', phone: '12' })).field).toBe('phone');
	});
});

describe('template naming (grant AND override sets)', () => {
	const templates: Permission[] = washuTenant().posTemplates.map((t) => ({ ...t, scope: 'pos', tokens: [] }));

	it('every WashU template is named by its own sets (Manager and General Manager share theirs: the first wins)', () => {
		for (const t of templates) {
			const level = namePermissionLevel(templates, [...t.grants].reverse(), t.overrides);
			const first = templates.find((x) => String(x.grants) === String(t.grants) && String(x.overrides) === String(t.overrides))!;
			expect(level).toEqual({ templateName: first.name, isCustom: false, grantedPermissionIds: t.grants, overridePermissionIds: t.overrides });
		}
		expect(namePermissionLevel(templates, templates.find((t) => t.name === 'General Manager')!.grants, []).templateName).toBe('Manager');
	});

	it('custom matrix: no grant, a subset, a superset, right grants with other overrides', () => {
		const cashier = templates.find((t) => t.name === 'Cashier')!;
		const general = templates.find((t) => t.name === 'General User')!;
		const cases: Array<[number[], number[], string | null, boolean]> = [
			[[], [], null, false],
			[[22, 23], [], null, true],
			[[1], [], null, true],
			[general.grants, [22], null, true],
			[cashier.grants, [], null, true],
			[cashier.grants, cashier.overrides.slice(1), null, true],
			[cashier.grants, cashier.overrides, 'Cashier', false],
			[[22, 22], [], 'General User', false],
		];
		for (const [granted, overrides, name, custom] of cases) {
			const level = namePermissionLevel(templates, granted, overrides);
			expect([level.templateName, level.isCustom]).toEqual([name, custom]);
		}
	});
});

describe('on the recorded WashU pages (no edit page was ever recorded: the create form and the permissions page)', () => {
	it('permissions page of a fresh employee: nothing granted, no template, not custom; every recorded template names itself', () => {
		const page = parsePosPermissionsPage(captureHtml('e2e_permissions_page_486_initial.partial-excerpt.html'));
		expect(namePermissionLevel(page.templates, page.granted, page.overrides)).toEqual({
			templateName: null,
			isCustom: false,
			grantedPermissionIds: [],
			overridePermissionIds: [],
		});
		expect(page.templates.map((t) => t.name)).toEqual(['Manager', 'Cashier', 'General User', 'General Manager', 'Assistant Manager', 'Shift Leader', 'CSA']);
		for (const t of page.templates) {
			const first = page.templates.find((x) => String(x.grants) === String(t.grants) && String(x.overrides) === String(t.overrides))!;
			expect(namePermissionLevel(page.templates, t.grants, t.overrides).templateName).toBe(first.name);
		}
	});

	it('the site tree of the recorded create form (A.3.1) reads as the blank form it is: no site granted', () => {
		const $ = load(captureHtml('employee_create.main-column.excerpt.html'));
		const tree = parseSiteTree($);
		expect(tree.sites).toHaveLength(19);
		expect(readAvailableSites($, tree)).toEqual([]);
	});
});

/** What the profile of an emulator employee must read as. */
function expectedProfile(state: EmulatorState, e: EmployeeRecord) {
	const [m, d, y] = e.startDate.split('/');
	const all = e.siteIds.length === state.sites.length;
	const digits = (s: string) => s.replace(/\D/g, '') || null;
	return {
		employeeId: e.id,
		posUserId: e.posUserId,
		firstName: e.firstName,
		lastName: e.lastName,
		email: e.email || null,
		phone: digits(e.phone),
		isActive: e.isActive,
		startDate: `${y}-${m}-${d}`,
		departments: state.tenant.departments.filter((x) => e.departmentIds.includes(x.id)).map((x) => x.name),
		availableSites: all ? 'all' : e.siteIds.map((id) => state.siteById(id)!.name).sort((a, b) => a.localeCompare(b)),
		adpEmployeeId: e.adpEmployeeId || null,
		emergencyContactName: e.emergencyContactName || null,
		emergencyContactPhone: digits(e.emergencyContactPhone),
	};
}

describe('profile and wage history on the emulator pages (raw and DOM-snapshot flavours)', () => {
	const emus: Emulator[] = [];
	afterAll(async () => {
		for (const e of emus) await e.close();
	});
	async function open(tenant: 'washu' | 'flat') {
		const emu = await startEmulator({ tenant });
		emus.push(emu);
		const b = new EmulatorBrowser(emu.url);
		await b.login();
		return { emu, b };
	}
	let washu: Awaited<ReturnType<typeof open>>;
	beforeAll(async () => {
		washu = await open('washu');
	});

	it('every edit page of both tenants: the profile the protocol rules give, the same from the DOM snapshot', async () => {
		const flat = await open('flat');
		for (const { emu, b } of [washu, flat]) {
			for (const e of emu.state.employees) {
				const path = `/employee/edit/${e.id}`;
				const html = await b.page(path);
				const profile = toEmployeeProfile(parseEditPage(html, path));
				const want = expectedProfile(emu.state, e);
				// An "all" grant may be stored per site (every site listed) or as the roll-up.
				if (want.availableSites === 'all' && profile.availableSites !== 'all') {
					want.availableSites = emu.state.sites.map((s) => s.name).sort((x, y) => x.localeCompare(y));
				}
				expect(profile, path).toEqual(want);
				expect(toEmployeeProfile(parseEditPage(domSnapshot(html), path))).toEqual(profile);
				expect(JSON.stringify(profile)).not.toContain(e.pin);
			}
		}
	});

	it('compensation page: every row newest first, amounts with thousands separators, salary, no overtime rate', async () => {
		const e = washu.emu.state.employees[0];
		e.wages = [
			{ isHourly: true, regularRate: '10.00', overtimeEligible: false, overtimeRate: null, effectiveDate: '01/01/2020', endDate: '01/01/2021', siteId: 1 },
			{ isHourly: false, regularRate: '1234.50', overtimeEligible: true, overtimeRate: '1851.75', effectiveDate: '12/31/2022', endDate: null, siteId: 1 },
			{ isHourly: true, regularRate: '12.00', overtimeEligible: true, overtimeRate: '18.00', effectiveDate: '01/01/2021', endDate: '12/31/2022', siteId: 1 },
		];
		e.wages[1].regularRate = '1,234.50';
		const path = `/employee/compensation/${e.id}`;
		const page = parseCompensationPage(await washu.b.page(path), path);
		expect(page).toEqual({
			employeeId: e.id,
			history: [
				{ wageType: 'Salary', wageRate: '1234.50', overtimeEligible: true, overtimeWageRate: '1851.75', effectiveDate: '2022-12-31', endDate: null, isCurrent: true },
				{ wageType: 'Hourly', wageRate: '12.00', overtimeEligible: true, overtimeWageRate: '18.00', effectiveDate: '2021-01-01', endDate: '2022-12-31', isCurrent: false },
				{ wageType: 'Hourly', wageRate: '10.00', overtimeEligible: false, overtimeWageRate: null, effectiveDate: '2020-01-01', endDate: '2021-01-01', isCurrent: false },
			],
		});
		expect(parseCompensationPage(domSnapshot(await washu.b.page(path)), path)).toEqual(page);
	});

	it('compensation parser refuses other pages', async () => {
		const other = await washu.b.page('/employee/edit/100');
		expect(() => parseCompensationPage(other, '/x')).toThrow(UnexpectedPageError);
		expect(() => parseCompensationPage('<html><form id="login-form"></form></html>', '/x')).toThrow(UnexpectedPageError);
	});
});
