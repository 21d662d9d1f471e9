/** Employee > Create or Update (node version 2) in real n8n execution against the emulator. */
import { describe, expect, it } from 'vitest';

import { createByExpression, hire } from './hires';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

const upsert = (options: Record<string, boolean | number> = {}) => ({ ...createByExpression, operation: 'upsert', options });
const writes = () => bed.emu.requests.filter((r) => r.method === 'POST' && r.path !== '/login_check').length;

describe('Employee > Create or Update', () => {
	it('a sync run twice at Concurrency 4: created, then every row unchanged with no POST; order and pairing kept', async () => {
		const items = Array.from({ length: 8 }, (_, i) => hire(600 + i));
		const first = await bed.run({ parameters: upsert({ concurrency: 4 }), items, typeVersion: 2 });
		expect(first.error).toBeUndefined();
		expect(first.items.map((o) => o.json.action)).toEqual(items.map(() => 'created'));
		expect(first.items.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(first.items.map((o) => o.json.posUserId)).toEqual(items.map((h) => h.posUserId));
		const posts = writes();
		const second = await bed.run({ parameters: upsert({ concurrency: 4 }), items, typeVersion: 2 });
		expect(second.items.map((o) => o.json.action)).toEqual(items.map(() => 'unchanged'));
		expect(second.items.map((o) => o.json.employeeId)).toEqual(first.items.map((o) => o.json.employeeId));
		expect(writes()).toBe(posts);
	});

	it('a changed row is updated (only what differs), a new one created; the PIN is not in an update', async () => {
		const items = [hire(621), hire(622)];
		await bed.run({ parameters: upsert(), items, typeVersion: 2 });
		const { items: out } = await bed.run({ parameters: upsert(), items: [hire(621, { lastName: 'Moved' }), hire(622), hire(623)], typeVersion: 2 });
		expect(out.map((o) => o.json.action)).toEqual(['updated', 'unchanged', 'created']);
		expect(out[0]!.json.changes).toEqual({ lastName: { from: 'Tester', to: 'Moved' } });
		expect(out[0]!.json.posPin).toBeUndefined();
		expect(String(out[2]!.json.posPin)).toMatch(/^\d{5}$/);
	});

	it('a disabled employee is reactivated with "Reactivate If Disabled"; a preview writes nothing', async () => {
		await bed.run({ parameters: upsert(), items: [hire(631)], typeVersion: 2 });
		bed.emu.state.findEmployeeByPosUserId(70631)!.isActive = false;
		const posts = writes();
		const preview = await bed.run({ parameters: upsert({ reactivate: true, dryRun: true }), items: [hire(631)], typeVersion: 2 });
		expect(preview.items[0]!.json).toMatchObject({ action: 'reactivated', dryRun: true });
		expect(writes()).toBe(posts);
		const { items: out } = await bed.run({ parameters: upsert({ reactivate: true }), items: [hire(631)], typeVersion: 2 });
		expect(out[0]!.json).toMatchObject({ action: 'reactivated', changesApplied: ['activated'] });
		expect(bed.emu.state.findEmployeeByPosUserId(70631)!.isActive).toBe(true);
	});

	it("under Continue at Concurrency 4: another employee's e-mail is a duplicate naming the field, the rest run", async () => {
		const taken = bed.emu.state.employees.find((e) => e.isActive)!;
		await bed.run({ parameters: upsert(), items: [hire(641)], typeVersion: 2 });
		const { items: out, error } = await bed.run({
			parameters: upsert({ concurrency: 4 }),
			items: [hire(641, { email: taken.email }), hire(642), hire(643)],
			typeVersion: 2,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out[0]!.json).toMatchObject({ code: 'DUPLICATE', field: 'email' });
		expect(out.slice(1).map((o) => o.json.action)).toEqual(['created', 'created']);
	});
});
