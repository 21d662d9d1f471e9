/** Node version 2: Employee > Update and Reactivate (the locator, Update Fields) and Preview Only on Create, Update, Reactivate, Disable. */
import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

const locator = (mode: 'list' | 'posUserId' | 'email', value: string): INodeParameterResourceLocator => ({ __rl: true, mode, value });
const op = (operation: string, employee: INodeParameterResourceLocator | string, updateFields: Record<string, unknown>, dryRun = false): INodeParameters => ({
	resource: 'employee',
	operation,
	employee,
	updateFields: updateFields as INodeParameters['updateFields'],
	options: dryRun ? { dryRun: true } : {},
});
const posts = (from: number) => bed.emu.requests.slice(from).filter((r) => r.method === 'POST' && !r.path.includes('login'));

describe('Employee > Update (version 2)', () => {
	it('a transfer and raise from expressions: sites, wage, template and PIN, output with changes; Backoffice holds them', async () => {
		const { items, error } = await bed.run({
			typeVersion: 2,
			parameters: op('update', locator('posUserId', '={{ $json.pos }}'), {
				availableSites: '={{ $json.site }}',
				wageRate: '={{ $json.wage }}',
				permission: '={{ $json.template }}',
				posPin: '24680',
			}),
			items: [{ pos: 1015, site: 'Wash 37135', wage: 15.25, template: 'csa' }],
		});
		expect(error).toBeUndefined();
		const json = items[0].json;
		expect(json).toMatchObject({
			employeeId: 106,
			changesApplied: ['properties', 'compensation', 'permission'],
			changes: { availableSites: { to: ['Wash 37135'] }, posPin: { from: '*****', to: '*****' }, wageRate: { from: '14.50', to: '15.25' }, permission: { from: 'Shift Leader', to: 'CSA' } },
			dryRun: false,
		});
		expect(JSON.stringify(json)).not.toContain('24680');
		const e = bed.emu.state.getEmployee(106)!;
		expect(bed.emu.state.siteNames(e.siteIds)).toEqual(['Wash 37135']);
		expect(e.wages.at(-1)!.regularRate).toBe('15.25');
		expect(bed.emu.state.accessName(e)).toBe('CSA');
	});

	it('Preview Only: no POST, the planned requests in the output; a bad field is named', async () => {
		const from = bed.emu.requests.length;
		const { items } = await bed.run({ typeVersion: 2, parameters: op('update', locator('list', '121'), { lastName: 'Hawkins', wageRate: '20.50' }, true) });
		expect(posts(from)).toEqual([]);
		expect(items[0].json).toMatchObject({
			dryRun: true,
			changes: { lastName: { from: 'Hawthorn', to: 'Hawkins' }, wageRate: { from: '19.75', to: '20.50' } },
			plannedRequests: [
				{ method: 'POST', path: '/employee/update', fields: ['employee[lastName]'] },
				{ method: 'POST', path: '/employee/compensation/update' },
			],
		});
		expect(bed.emu.state.getEmployee(121)!.lastName).toBe('Hawthorn');
		const bad = await bed.run({ typeVersion: 2, parameters: op('update', locator('list', '121'), { phone: '12' }), continueOnFail: true });
		expect(bad.items[0].json).toMatchObject({ code: 'VALIDATION_ERROR' });
		expect(String(bad.items[0].json.error)).toMatch(/[Pp]hone/);
	});
});

describe('Employee > Reactivate, and Preview Only on Disable and Create', () => {
	it('reactivates a disabled employee with a new wage in the same run', async () => {
		const { items, error } = await bed.run({ typeVersion: 2, parameters: op('reactivate', locator('posUserId', '1029'), { wageRate: '17.00' }) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ alreadyActive: false, changesApplied: ['activated', 'compensation'], changes: { isActive: { from: false, to: true } } });
		expect(bed.emu.state.getEmployee(112)!.isActive).toBe(true);
	});

	it('Disable and Create previews post nothing and say what would change', async () => {
		const from = bed.emu.requests.length;
		const off = await bed.run({ typeVersion: 2, parameters: { resource: 'employee', operation: 'disable', employee: locator('posUserId', '1043'), options: { dryRun: true } } });
		expect(off.items[0].json).toMatchObject({ dryRun: true, changes: { isActive: { from: true, to: false } } });
		const create = await bed.run({
			typeVersion: 2,
			parameters: {
				resource: 'employee',
				operation: 'create',
				firstName: 'Preview',
				lastName: 'Hire',
				email: 'preview.hire@example.invalid',
				phone: '6155550199',
				posUserId: 88001,
				wageRate: '15.00',
				startDate: '2026-05-01',
				availableSites: ['Wash 37135'],
				permission: 'General User',
				options: { dryRun: true },
			},
		});
		expect(create.error).toBeUndefined();
		expect(create.items[0].json).toMatchObject({ dryRun: true, sitesGranted: ['Wash 37135'], permissionApplied: 'General User' });
		expect(posts(from)).toEqual([]);
		expect(bed.emu.state.getEmployee(118)!.isActive).toBe(true);
		expect(bed.emu.state.findEmployeeByPosUserId(88001)).toBeUndefined();
	});
});
