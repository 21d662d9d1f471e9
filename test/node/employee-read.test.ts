/** Node version 2: Employee > Get and Get Many, the Employee locator's three modes, its From List search; v1 Disable. */
import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { EMAIL_REGEX } from '../../nodes/SonnysBackoffice/helpers/employeeLocator';
import { EMAIL_PATTERN } from '../../src/models/schemas';
import { large } from '../emulator';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

const locator = (mode: 'list' | 'posUserId' | 'email', value: string): INodeParameterResourceLocator => ({ __rl: true, mode, value });
const get = (employee: INodeParameterResourceLocator | string, options: Record<string, boolean> = {}): INodeParameters => ({
	resource: 'employee',
	operation: 'get',
	employee,
	options,
});

describe('Employee > Get (version 2)', () => {
	it('the locator in each mode finds the employee; profile, wage history and permission level by default', async () => {
		const e = bed.emu.state.getEmployee(103)!;
		for (const employee of [locator('list', '103'), locator('posUserId', ' 1008 '), locator('email', 'BLAKE.birch1@example.invalid')]) {
			const { items, error } = await bed.run({ typeVersion: 2, parameters: get(employee) });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				employeeId: 103,
				posUserId: 1008,
				firstName: 'Blake',
				lastName: 'Birch',
				availableSites: ['Wash 37055', 'Wash 37135'],
				currentWage: { wageRate: '13.25' },
				permission: { templateName: 'Cashier', isCustom: false },
			});
			expect(JSON.stringify(items[0].json)).not.toContain(e.pin);
		}
	});

	it('From List needs no lookup; the options skip the wage and permission pages', async () => {
		const before = bed.emu.requests.length;
		const { items } = await bed.run({
			typeVersion: 2,
			parameters: get(locator('list', '100'), { includeWageHistory: false, includePermissions: false }),
		});
		expect(items[0].json).toMatchObject({ employeeId: 100, availableSites: 'all' });
		expect(items[0].json).not.toHaveProperty('wageHistory');
		expect(items[0].json).not.toHaveProperty('permission');
		const paths = bed.emu.requests.slice(before).map((r) => `${r.method} ${r.path}`);
		expect(paths.filter((p) => !p.includes('login'))).toEqual(['GET /employee/edit/100']);
	});

	it('an expression may give a plain POS user ID or e-mail; a bad value names the Employee field', async () => {
		const { items } = await bed.run({
			typeVersion: 2,
			parameters: get('={{ $json.who }}', { includeWageHistory: false, includePermissions: false }),
			items: [{ who: 1001 }, { who: 'casey.cedar2@example.invalid' }],
		});
		expect(items.map((i) => i.json.employeeId)).toEqual([100, 106]);
		// A typed value is checked by the mode's regex before the run (n8n lists it as a node issue).
		const typed = await bed.run({ typeVersion: 2, parameters: get(locator('posUserId', '10x1')) }).catch((e: unknown) => e);
		expect(String(typed)).toContain('Not a valid POS user ID (digits only)');
		// An expression's value is checked by the node, before any request.
		const before = bed.emu.requests.length;
		const bad = await bed.run({
			typeVersion: 2,
			parameters: get(locator('posUserId', '={{ $json.who }}')),
			items: [{ who: '10x1' }],
			continueOnFail: true,
		});
		expect(bad.items[0].json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'employee' });
		expect(bed.emu.requests.slice(before).filter((r) => !r.path.includes('login'))).toEqual([]);
	});

	it('not found and inactive-by-e-mail: a clear error on the Employee field', async () => {
		const { items } = await bed.run({
			typeVersion: 2,
			parameters: get(locator('email', 'elliot.elmsworth4@example.invalid')),
			continueOnFail: true,
		});
		expect(items[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'employee' });
		expect(String(items[0].json.error)).toMatch(/leaves inactive employees out.*use the POS user ID/);
		const missing = await bed.run({ typeVersion: 2, parameters: get(locator('posUserId', '424242')), continueOnFail: true });
		expect(missing.items[0].json).toMatchObject({ code: 'NOT_FOUND', field: 'employee' });
	});
});

describe('Employee > Get Many (version 2)', () => {
	const getMany = (extra: Record<string, unknown>) => ({ resource: 'employee', operation: 'getAll', ...extra });

	it('Return All: one item per employee, one roster request', async () => {
		const before = bed.count('GET', '/employee');
		const { items, error } = await bed.run({ typeVersion: 2, parameters: getMany({ returnAll: true }) });
		expect(error).toBeUndefined();
		const visible = bed.emu.state.employees.filter((e) => e.isActive && e.siteIds.length > 0);
		expect(items.map((i) => i.json.employeeId).sort()).toEqual(visible.map((e) => e.id).sort());
		expect(items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(bed.count('GET', '/employee') - before).toBe(1);
	});

	it('Limit: passed to the server; filters by name prefix, POS user ID and status', async () => {
		const limited = await bed.run({ typeVersion: 2, parameters: getMany({ returnAll: false, limit: 3 }) });
		expect(limited.items).toHaveLength(3);
		expect(bed.emu.requests.some((r) => r.path.startsWith('/employee?') && r.path.includes('limit=3'))).toBe(true);
		const smiths = await bed.run({
			typeVersion: 2,
			parameters: getMany({ returnAll: true, filters: { firstName: 'jor', lastName: 'smi', status: 'all' } }),
		});
		expect(smiths.items.map((i) => [i.json.posUserId, i.json.isActive])).toEqual([
			[1064, true],
			[1071, true],
			[1078, false],
		]);
		const one = await bed.run({ typeVersion: 2, parameters: getMany({ returnAll: true, filters: { posUserId: 1029, status: 'inactive' } }) });
		expect(one.items.map((i) => i.json.employeeId)).toEqual([112]);
		expect(one.items[0].json).toMatchObject({ firstName: 'Elliot', sites: expect.any(Array), accessLevel: 'Manager', isActive: false });
	});
});

describe('Employee locator: From List search', () => {
	it('a single word is a first- or last-name prefix; two words are first and last; items "First Last (POS n)"', async () => {
		const jordan = await bed.listSearch('searchEmployees', { filter: 'jordan' });
		expect(jordan.results.map((r) => r.name)).toEqual([
			'Jordan Smith (POS 1064)',
			'Jordan Smith (POS 1071)',
			'Jordan Smith (POS 1078, inactive)',
		]);
		expect(jordan.results[0]).toMatchObject({ value: '127', url: `${bed.emu.url}/employee/edit/127` });
		expect(jordan.paginationToken).toBeUndefined();
		expect((await bed.listSearch('searchEmployees', { filter: 'SMI' })).results).toHaveLength(3);
		expect((await bed.listSearch('searchEmployees', { filter: 'blake bi' })).results.map((r) => r.value)).toEqual(['103']);
		expect((await bed.listSearch('searchEmployees', { filter: 'zz' })).results).toEqual([]);
	});

	it('a long list comes in pages of 50', async () => {
		await bed.startEmulator({ tenant: large({ employees: 120, sites: 6 }) });
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await bed.listSearch('searchEmployees', { paginationToken: token });
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
			pages++;
		} while (token !== undefined);
		expect(pages).toBe(3);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(bed.emu.state.employees.filter((e) => e.siteIds.length > 0).length);
	});
});

describe('Employee locator: the By E-Mail check', () => {
	it("is the client's own e-mail rule (a copy, since node files must not load src/ at start)", () => {
		expect(EMAIL_REGEX).toBe(EMAIL_PATTERN.source);
	});
});

describe('Employee > Disable across versions', () => {
	it('version 1 keeps "Look Up By"; version 2 takes the locator in each mode', async () => {
		const v1 = await bed.run({ parameters: { resource: 'employee', operation: 'disable', lookupBy: 'posUserId', posUserId: 1008 } });
		expect(v1.items[0].json).toMatchObject({ employeeId: 103, alreadyInactive: false });
		const cases: Array<[ReturnType<typeof locator>, number]> = [
			[locator('list', '106'), 106],
			[locator('posUserId', '1022'), 109],
			[locator('email', 'gray.gladstone6@example.invalid'), 118],
		];
		for (const [employee, id] of cases) {
			const { items, error } = await bed.run({ typeVersion: 2, parameters: { resource: 'employee', operation: 'disable', employee } });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ employeeId: id, alreadyInactive: false });
			expect(bed.emu.state.getEmployee(id)!.isActive).toBe(false);
		}
	});
});
