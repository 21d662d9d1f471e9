/**
 * Options > Fields to Clear (node version 2): Update and Create or Update empty the ADP ID and the emergency contact
 * only when asked; an empty field still means "not given"; clearing and setting one field is refused before any POST.
 */
import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { createByExpression, hire } from './hires';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

const ALL = ['adpEmployeeId', 'emergencyContactName', 'emergencyContactPhone'];
const employee: INodeParameterResourceLocator = { __rl: true, mode: 'list', value: '121' };
const update = (updateFields: Record<string, unknown>, options: Record<string, unknown>): INodeParameters => ({
	resource: 'employee',
	operation: 'update',
	employee,
	updateFields: updateFields as INodeParameters['updateFields'],
	options: options as INodeParameters['options'],
});
const posts = (from: number) => bed.emu.requests.slice(from).filter((r) => r.method === 'POST' && !r.path.includes('login'));

/** Gives an employee (121 unless told) an ADP ID and an emergency contact, as if set by hand in Backoffice. */
function seedContact(id = 121) {
	const e = bed.emu.state.getEmployee(id)!;
	Object.assign(e, { adpEmployeeId: 'ADP-4471', emergencyContactName: 'Pat Hawthorn', emergencyContactPhone: '6155550101' });
	return e;
}

describe('Employee > Update: Options > Fields to Clear', () => {
	it('clears the ADP ID and the emergency contact, reported as { from, to } and read back empty', async () => {
		const e = seedContact();
		const { items, error } = await bed.run({ typeVersion: 2, parameters: update({}, { fieldsToClear: ALL }) });
		expect(error).toBeUndefined();
		expect(items[0]!.json).toMatchObject({
			changesApplied: ['properties'],
			changes: {
				adpEmployeeId: { from: 'ADP-4471', to: '' },
				emergencyContactName: { from: 'Pat Hawthorn', to: '' },
				emergencyContactPhone: { from: '6155550101', to: '' },
			},
		});
		expect([e.adpEmployeeId, e.emergencyContactName, e.emergencyContactPhone]).toEqual(['', '', '']);
		const again = await bed.run({ typeVersion: 2, parameters: update({}, { fieldsToClear: '={{ "ADP Employee ID, emergencyContactPhone" }}' }) });
		expect(again.items[0]!.json).toMatchObject({ unchanged: true, changesApplied: [] });
	});

	it('an empty field still changes nothing: only the field given is written', async () => {
		const e = seedContact();
		const from = bed.emu.requests.length;
		const { items, error } = await bed.run({
			typeVersion: 2,
			parameters: update({ adpEmployeeId: '', emergencyContactName: '  ', emergencyContactPhone: '', lastName: 'Hawkins' }, {}),
		});
		expect(error).toBeUndefined();
		expect(items[0]!.json.changes).toEqual({ lastName: { from: 'Hawthorn', to: 'Hawkins' } });
		expect(posts(from)).toHaveLength(1);
		expect([e.lastName, e.adpEmployeeId, e.emergencyContactName, e.emergencyContactPhone]).toEqual(['Hawkins', 'ADP-4471', 'Pat Hawthorn', '6155550101']);
	});

	it('a field both given and cleared is a ValidationError naming it, with no POST; an unknown field name too', async () => {
		const e = seedContact();
		const from = bed.emu.requests.length;
		const both = await bed.run({
			typeVersion: 2,
			parameters: update({ emergencyContactName: 'Sam Hawthorn' }, { fieldsToClear: ['adpEmployeeId', 'emergencyContactName'] }),
			continueOnFail: true,
		});
		expect(both.items[0]!.json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'emergencyContactName' });
		expect(String(both.items[0]!.json.error)).toMatch(/Emergency Contact Name.*Options > Fields to Clear/);
		const unknown = await bed.run({ typeVersion: 2, parameters: update({}, { fieldsToClear: ['phone'] }), continueOnFail: true });
		expect(unknown.items[0]!.json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'fieldsToClear' });
		expect(String(unknown.items[0]!.json.error)).toMatch(/Fields to Clear.*"phone".*adpEmployeeId/);
		expect(posts(from)).toEqual([]);
		expect([e.adpEmployeeId, e.emergencyContactName]).toEqual(['ADP-4471', 'Pat Hawthorn']);
	});

	it('Preview Only shows the clear as a change and the field it would post, and writes nothing', async () => {
		const e = seedContact();
		const from = bed.emu.requests.length;
		const { items } = await bed.run({ typeVersion: 2, parameters: update({}, { fieldsToClear: ['emergencyContactName'], dryRun: true }) });
		expect(items[0]!.json).toMatchObject({
			dryRun: true,
			changes: { emergencyContactName: { from: 'Pat Hawthorn', to: '' } },
			plannedRequests: [{ method: 'POST', path: '/employee/update', fields: ['employee[emergencyContactName]'] }],
		});
		expect(posts(from)).toEqual([]);
		expect(e.emergencyContactName).toBe('Pat Hawthorn');
	});
});

describe('Employee > Reactivate: Options > Fields to Clear', () => {
	it('a rehire loses the old emergency contact in the same run as the activation', async () => {
		const e = seedContact(112);
		const { items, error } = await bed.run({
			typeVersion: 2,
			parameters: { ...update({}, { fieldsToClear: ['emergencyContactName', 'emergencyContactPhone'] }), operation: 'reactivate', employee: { __rl: true, mode: 'posUserId', value: '1029' } },
		});
		expect(error).toBeUndefined();
		expect(items[0]!.json).toMatchObject({
			changesApplied: ['properties', 'activated'],
			changes: { isActive: { from: false, to: true }, emergencyContactName: { from: 'Pat Hawthorn', to: '' }, emergencyContactPhone: { to: '' } },
		});
		expect([e.isActive, e.adpEmployeeId, e.emergencyContactName, e.emergencyContactPhone]).toEqual([true, 'ADP-4471', '', '']);
	});
});

describe('Employee > Create or Update: Options > Fields to Clear', () => {
	const upsert = (options: Record<string, unknown>, additionalFields: Record<string, unknown> = {}): INodeParameters => ({
		...createByExpression,
		operation: 'upsert',
		additionalFields: { ...createByExpression.additionalFields, ...additionalFields } as INodeParameters['additionalFields'],
		options: options as INodeParameters['options'],
	});

	it('clears an existing employee\'s fields (read back), leaves them with an empty field, refuses clear and set', async () => {
		const created = await bed.run({ typeVersion: 2, parameters: upsert({}), items: [hire(651)] });
		const id = created.items[0]!.json.employeeId as number;
		const e = seedContact(id);
		let from = bed.emu.requests.length;
		const kept = await bed.run({ typeVersion: 2, parameters: upsert({}, { adpEmployeeId: '', emergencyContactName: '' }), items: [hire(651)] });
		expect(kept.items[0]!.json).toMatchObject({ action: 'unchanged', changes: {} });
		expect(posts(from)).toEqual([]);

		const both = await bed.run({
			typeVersion: 2,
			parameters: upsert({ fieldsToClear: ['adpEmployeeId'] }, { adpEmployeeId: 'ADP-9' }),
			items: [hire(651)],
			continueOnFail: true,
		});
		expect(both.items[0]!.json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'adpEmployeeId' });
		expect(posts(from)).toEqual([]);

		const preview = await bed.run({ typeVersion: 2, parameters: upsert({ fieldsToClear: ALL, dryRun: true }), items: [hire(651)] });
		expect(preview.items[0]!.json).toMatchObject({ action: 'updated', dryRun: true, changes: { adpEmployeeId: { from: 'ADP-4471', to: '' } } });
		expect(posts(from)).toEqual([]);

		from = bed.emu.requests.length;
		const cleared = await bed.run({ typeVersion: 2, parameters: upsert({ fieldsToClear: ALL }), items: [hire(651)] });
		expect(cleared.items[0]!.json).toMatchObject({
			action: 'updated',
			changes: {
				adpEmployeeId: { from: 'ADP-4471', to: '' },
				emergencyContactName: { from: 'Pat Hawthorn', to: '' },
				emergencyContactPhone: { from: '6155550101', to: '' },
			},
		});
		expect(posts(from)).toHaveLength(1);
		expect([e.adpEmployeeId, e.emergencyContactName, e.emergencyContactPhone]).toEqual(['', '', '']);
	});

	it('a new employee listed in Fields to Clear is simply created without those fields', async () => {
		const { items, error } = await bed.run({ typeVersion: 2, parameters: upsert({ fieldsToClear: ALL }), items: [hire(652)] });
		expect(error).toBeUndefined();
		expect(items[0]!.json.action).toBe('created');
		const e = bed.emu.state.findEmployeeByPosUserId(70652)!;
		expect([e.adpEmployeeId, e.emergencyContactName, e.emergencyContactPhone]).toEqual(['', '', '']);
	});
});
