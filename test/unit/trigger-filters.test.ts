import { describe, expect, it } from 'vitest';

import { matches, readFilters, siteCodesFor } from '../../nodes/SonnysBackoffice/trigger/filters';
import type { EmployeeEvent, EmployeeSummary, Site } from '../../src/models/api';

const site = (name: string, shortCode?: string): Site => ({ id: 1, name, ...(shortCode ? { shortCode } : {}), districtId: null, districtName: null, regionId: null, regionName: null });
const emp = (o: Partial<EmployeeSummary>): EmployeeSummary => ({
	employeeId: 1, posUserId: 1, firstName: 'A', lastName: 'B', phone: null, sites: ['FIESTA'], accessLevel: 'Cashier', departments: [], isActive: true, ...o,
});

describe('trigger filters', () => {
	it('reads lists or comma-separated text; "All Sites" is no site filter', () => {
		expect(readFilters('newEmployee, employeeChanged', { sites: ['__all__', 'X'], accessLevels: 'Manager' })).toEqual({
			events: new Set(['newEmployee', 'employeeChanged']),
			siteNames: [],
			accessLevels: new Set(['manager']),
		});
		expect(() => readFilters([{}], {})).toThrow(/events/);
	});

	it('maps site names (or short codes) to roster short codes, naming an unknown site', () => {
		const sites = [site('WashU Fiesta', 'FIESTA'), site('No Code')];
		expect(siteCodesFor(['washu fiesta', 'FIESTA'], sites)).toEqual({ 'washu fiesta': 'FIESTA', FIESTA: 'FIESTA' });
		expect(() => siteCodesFor(['Nowhere'], sites)).toThrow(/Nowhere.*does not list/);
		expect(() => siteCodesFor(['No Code'], sites)).toThrow(/short code/);
	});

	it('matches the employee before or after the change', () => {
		const filters = readFilters(['employeeChanged'], { accessLevels: ['Manager'] });
		const lost: EmployeeEvent = { event: 'employeeChanged', employee: emp({}), previous: emp({ accessLevel: 'Manager' }), changes: {} };
		expect(matches(lost, filters, new Set())).toBe(true);
		expect(matches({ ...lost, previous: emp({}) }, filters, new Set())).toBe(false);
		expect(matches({ ...lost, event: 'newEmployee' }, filters, new Set())).toBe(false);
		const moved: EmployeeEvent = { event: 'employeeChanged', employee: emp({ sites: ['NILES'] }), previous: emp({}), changes: {} };
		const bySite = readFilters(['employeeChanged'], {});
		expect(matches(moved, bySite, new Set(['fiesta']))).toBe(true);
		expect(matches(moved, bySite, new Set(['cent']))).toBe(false);
	});
});
