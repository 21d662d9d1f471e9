import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors';
import { validateCreateEmployee } from '../../src/models/schemas';
import { parseCreatePage } from '../../src/pages/employee-create';
import { parsePosPermissionsPage } from '../../src/pages/employee-permissions';
import { buildEmployeeInsertPairs } from '../../src/payloads/employee-insert';
import { buildPosPermissionsPairs } from '../../src/payloads/pos-permissions';
import { buildUserInsertPairs } from '../../src/payloads/user-insert';
import { captureHtml, capturePairs, washuStructure } from './helpers';

const tree = parseCreatePage(captureHtml('employee_create.main-column.excerpt.html'));

describe('buildEmployeeInsertPairs (A.4)', () => {
	it('reproduces the captured, server-accepted create of employee 486 field for field', () => {
		const input = validateCreateEmployee({
			firstName: 'WrapperExplore',
			lastName: 'DeleteMe-E5F7',
			phone: '555-555-0003',
			email: 'wrapper-explore-E5F7@example.invalid',
			posUserId: 99003,
			wageRate: '1.00',
			startDate: '2026-04-13',
			availableSites: ['Wash 37135', 'Wash 37055', 'Wash 37062'],
			permission: 'General User',
			departments: [],
		});
		const pairs = buildEmployeeInsertPairs(input, { tree, departmentIds: [3], wageSiteId: 17, granted: [17, 18, 19], posPin: 99997 });
		expect(pairs).toEqual(capturePairs('e2e_create_employee_request.json'));
	});

	it('money with two decimals, PIN and POS id as digits, optional fields only when given, Greeter id kept once', () => {
		const input = validateCreateEmployee({
			firstName: ' Jane ',
			lastName: 'Doe',
			phone: '(615) 555-1234',
			email: 'jane.doe@example.com',
			posUserId: 12345,
			wageRate: new Decimal('15.5'),
			startDate: '2026-05-01',
			availableSites: ['WashU Fiesta'],
			permission: 'General User',
			posPin: 54321,
			adpEmployeeId: 'ADP-7',
			emergencyContactName: 'John Doe',
			emergencyContactPhone: '615.555.9999',
		});
		const pairs = buildEmployeeInsertPairs(input, { tree, departmentIds: [1, 3, 3], wageSiteId: 1, granted: [1], posPin: 54321 });
		const get = (n: string) => pairs.filter(([k]) => k === n).map(([, v]) => v);
		expect(pairs.slice(0, 15)).toEqual([
			['employee[firstName]', 'Jane'],
			['employee[lastName]', 'Doe'],
			['employee[phone]', '6155551234'],
			['employee[email]', 'jane.doe@example.com'],
			['employee[startDate]', '05/01/2026'],
			['posCredential[POSLoginID]', '12345'],
			['posCredential[POSLoginPassword]', '54321'],
			['wage[isHourly]', '1'],
			['wage[regularRate]', '15.50'],
			['wage[overtimeRate]', '23.25'],
			['wage[isOvertimeEligible]', '1'],
			['wage[siteId]', '1'],
			['employee[adpEmployeeId]', 'ADP-7'],
			['employee[emergencyContactName]', 'John Doe'],
			['employee[emergencyContactPhone]', '6155559999'],
		]);
		expect(get('employee[departments][]')).toEqual(['1', '3']);
		expect(get('employee[disabledRegions][]')).toEqual(['1']);
		expect(get('employee[sites][1][siteId]')).toEqual(['1']);
		expect(pairs.some(([k]) => /isAll/.test(k))).toBe(false);
	});

	it('all sites: a single roll-up', () => {
		const input = validateCreateEmployee({
			firstName: 'A',
			lastName: 'B',
			phone: '6155551234',
			email: 'a@b.co',
			posUserId: 1,
			wageRate: 10,
			startDate: '2026-05-01',
			availableSites: 'all',
			permission: 'Manager',
		});
		const pairs = buildEmployeeInsertPairs(input, { tree, departmentIds: [3], wageSiteId: 17, granted: 'all', posPin: 10000 });
		expect(pairs.filter(([k]) => k.startsWith('employee[') && /sites|Regions|Districts|isAll/.test(k))).toEqual([['employee[isAllRegionsAllowed]', '1']]);
		expect(pairs.find(([k]) => k === 'wage[overtimeRate]')?.[1]).toBe('15.00');
	});

	it('refuses a body without a department or with a wage site outside the tree', () => {
		const input = validateCreateEmployee({
			firstName: 'A',
			lastName: 'B',
			phone: '6155551234',
			email: 'a@b.co',
			posUserId: 1,
			wageRate: 10,
			startDate: '2026-05-01',
			availableSites: 'all',
			permission: 'Manager',
		});
		expect(() => buildEmployeeInsertPairs(input, { tree, departmentIds: [], wageSiteId: 17, granted: 'all', posPin: 10000 })).toThrow(ValidationError);
		expect(() => buildEmployeeInsertPairs(input, { tree, departmentIds: [3], wageSiteId: 3, granted: 'all', posPin: 10000 })).toThrow(NotFoundError);
	});
});

describe('buildPosPermissionsPairs (A.6 full matrix)', () => {
	const schema = washuStructure().posPermissions;
	it('reproduces the captured, effective e2e permissions body for General User', () => {
		const general = parsePosPermissionsPage(captureHtml('e2e_permissions_page_486_initial.partial-excerpt.html')).templates.find((t) => t.name === 'General User');
		expect(general).toBeDefined();
		const pairs = buildPosPermissionsPairs({
			employeeId: 486,
			templateId: general?.id ?? 0,
			schema,
			grants: general?.grants ?? [],
			overrides: general?.overrides ?? [],
			hasActionApprovalAuthority: false,
		});
		expect(pairs).toEqual(capturePairs('e2e_permissions_request.json'));
	});

	it('every schema entry once in id order; grant/override keys only when on; authority flag', () => {
		const shuffled = [...schema].reverse();
		const pairs = buildPosPermissionsPairs({ employeeId: 7, templateId: 2, schema: [...shuffled, schema[0]], grants: [2, 3], overrides: [3], hasActionApprovalAuthority: true });
		expect(pairs.slice(0, 3)).toEqual([
			['employeeId', '7'],
			['templateId', '2'],
			['hasActionApprovalAuthority', '1'],
		]);
		expect(pairs.filter(([k]) => /\[id\]$/.test(k)).map(([, v]) => Number(v))).toEqual(schema.map((p) => p.id));
		expect(pairs.filter(([k]) => k.endsWith('[hasGrantAccess]'))).toEqual([
			['permissions[2][hasGrantAccess]', '1'],
			['permissions[3][hasGrantAccess]', '1'],
		]);
		expect(pairs.filter(([k]) => k.endsWith('[requiresOverride]'))).toEqual([['permissions[3][requiresOverride]', '1']]);
		// Presence binding: "off" is never sent as =0.
		expect(pairs.filter(([k, v]) => /\[(hasGrantAccess|requiresOverride)\]$/.test(k) && v !== '1')).toEqual([]);
		expect(pairs).toHaveLength(3 + schema.length * 3 + 3);
	});

	it('refuses an empty matrix and ids outside the schema', () => {
		expect(() => buildPosPermissionsPairs({ employeeId: 1, templateId: 3, schema: [], grants: [], overrides: [], hasActionApprovalAuthority: false })).toThrow(ValidationError);
		expect(() => buildPosPermissionsPairs({ employeeId: 1, templateId: 3, schema, grants: [99], overrides: [], hasActionApprovalAuthority: false })).toThrow(/99/);
	});
});

describe('buildUserInsertPairs (A.9)', () => {
	it('linked: reproduces the captured successful linked insert', () => {
		expect(
			buildUserInsertPairs({ employeeId: 487, email: 'wrapper-explore-F8A1@example.invalid', username: 'wrapperF8A1bo', password: 'TestBoUserPW1!' }),
		).toEqual(capturePairs('w45f_user_insert_request.json'));
		expect(buildUserInsertPairs({ mode: 'linked', employeeId: 1, email: 'e@x.io', username: 'abc', password: 'p' })[0]).toEqual(['employee[isOnSiteEmployee]', '1']);
	});
	it('standalone: never sends isOnSiteEmployee (presence binding, E.6)', () => {
		expect(buildUserInsertPairs({ mode: 'standalone', firstName: 'Ann', lastName: 'Lee', email: 'ann@x.io', username: 'annlee', password: 'S3cret!x' })).toEqual([
			['employee[firstName]', 'Ann'],
			['employee[lastName]', 'Lee'],
			['employee[email]', 'ann@x.io'],
			['user[username]', 'annlee'],
			['user[password]', 'S3cret!x'],
			['user[confirmPassword]', 'S3cret!x'],
		]);
	});
});
