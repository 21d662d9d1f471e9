/** Options > Concurrency: items through a bounded pool on several Backoffice sessions, in real n8n execution. */
import { describe, expect, it } from 'vitest';

import { MAX_SESSIONS as NODE_MAX } from '../../nodes/SonnysBackoffice/helpers/concurrency';
import { MAX_SESSIONS } from '../../src/models/client-options';
import { createByExpression, hire } from './hires';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed({ emulator: 'manual' });

const atConcurrency = (concurrency: number) => ({ ...createByExpression, options: { concurrency } });

describe('Options > Concurrency', () => {
	it("allows what the client allows: the node's maximum is the client's MAX_SESSIONS", () => {
		expect(NODE_MAX).toBe(MAX_SESSIONS);
	});

	it('at 4: output in input order, each paired with its item, on four sessions', async () => {
		// The first insert answers late: items 1-3 finish before item 0 does.
		await bed.startEmulator({ latencyMs: 5, faults: [{ kind: 'slow', delayMs: 400, route: '/employee/insert', method: 'POST', times: 1 }] });
		const items = Array.from({ length: 12 }, (_, i) => hire(400 + i));
		const { items: out, error } = await bed.run({ parameters: atConcurrency(4), items });
		expect(error).toBeUndefined();
		const createdOrder = bed.emu.state.employees.map((e) => e.posUserId).filter((id) => id >= 70400 && id < 70412);
		expect(createdOrder).not.toEqual(items.map((h) => h.posUserId));
		expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(out.map((o) => o.json.posUserId)).toEqual(items.map((h) => h.posUserId));
		for (const [i, o] of out.entries()) {
			expect(o.json.employeeId).toBe(bed.emu.state.findEmployeeByPosUserId(items[i].posUserId)!.id);
		}
		expect(bed.count('POST', '/login_check')).toBe(4);
		expect(bed.count('GET', '/employee/create')).toBe(1);
		expect(bed.count('POST', '/employee/insert')).toBe(12);
	});

	it('under "Continue" at 4: the same output as at 1, failures in place', async () => {
		const outputs = [];
		for (const concurrency of [1, 4]) {
			await bed.startEmulator();
			const taken = bed.emu.state.employees.find((e) => e.isActive)!;
			const items = [
				hire(501),
				hire(502, { posUserId: taken.posUserId }),
				hire(503),
				hire(504, { email: taken.email }),
				hire(505, { wageRate: '15,50' }),
				hire(506),
				hire(507, { posUserId: 70501 }),
				hire(508),
			];
			const { items: out, error } = await bed.run({ parameters: atConcurrency(concurrency), items, continueOnFail: true });
			expect(error).toBeUndefined();
			expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
			expect(bed.count('POST', '/employee/insert')).toBe(4);
			outputs.push(out.map((o) => (o.json.error !== undefined ? { code: o.json.code, field: o.json.field } : { posUserId: o.json.posUserId })));
		}
		expect(outputs[1]).toEqual(outputs[0]);
		expect(outputs[0]).toEqual([
			{ posUserId: 70501 },
			{ code: 'DUPLICATE', field: 'posUserId' },
			{ posUserId: 70503 },
			{ code: 'DUPLICATE', field: 'email' },
			{ code: 'VALIDATION_ERROR', field: 'wageRate' },
			{ posUserId: 70506 },
			{ code: 'DUPLICATE', field: 'posUserId' },
			{ posUserId: 70508 },
		]);
	});

	it('under "Continue (using error output)" at 4: errors on the error output, paired, the rest in order', async () => {
		await bed.startEmulator();
		const taken = bed.emu.state.employees.find((e) => e.isActive)!;
		const items = [hire(511), hire(512, { phone: taken.phone }), hire(513), hire(514), hire(515, { posUserId: taken.posUserId })];
		const { items: ok, errorItems, error } = await bed.run({ parameters: atConcurrency(4), items, onError: 'continueErrorOutput' });
		expect(error).toBeUndefined();
		expect(ok.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
		expect(errorItems.map((o) => o.pairedItem)).toEqual([{ item: 1 }, { item: 4 }]);
		expect(errorItems.map((o) => (o.json.details as { field: string }).field)).toEqual(['phone', 'posUserId']);
	});

	it('without "Continue" at 4: stops at the first failing item; items already running finish, no later one starts', async () => {
		await bed.startEmulator({ latencyMs: 5 });
		const taken = bed.emu.state.employees.find((e) => e.isActive)!;
		const items = [hire(521), hire(522), hire(523, { posUserId: taken.posUserId }), hire(524), ...[525, 526, 527, 528].map((n) => hire(n))];
		const { error } = await bed.run({ parameters: atConcurrency(4), items });
		expect(error?.name).toBe('NodeOperationError');
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(2);
		// Items 0, 1 and 3 were running when item 2 failed: their writes completed (never abandoned half-way).
		for (const n of [521, 522, 524]) expect(bed.emu.state.findEmployeeByPosUserId(70000 + n)).toBeDefined();
		for (const n of [525, 526, 527, 528]) expect(bed.emu.state.findEmployeeByPosUserId(70000 + n)).toBeUndefined();
	});

	it('a refused login at 4 costs one login request, and every item fails with it', async () => {
		await bed.startEmulator();
		const { items: out } = await bed.run({
			parameters: atConcurrency(4),
			items: [hire(531), hire(532), hire(533), hire(534), hire(535)],
			continueOnFail: true,
			credentials: bed.credentials('wrong-password'),
		});
		expect(out.map((o) => o.json.code)).toEqual(Array(5).fill('AUTHENTICATION_FAILED'));
		expect(bed.count('POST', '/login_check')).toBe(1);
	});

	it('a concurrency out of range is refused before any request, naming the option', async () => {
		await bed.startEmulator();
		const { error } = await bed.run({ parameters: atConcurrency(9), items: [hire(541)] });
		expect(error?.name).toBe('NodeOperationError');
		expect(`${error?.message} ${error?.description}`).toMatch(/concurrency/i);
		expect(bed.emu.requests).toHaveLength(0);
	});
});
