import { beforeEach, describe, expect, it } from 'vitest';

import { washu } from '../emulator';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed({ emulator: 'manual' });

const base = {
	resource: 'employee',
	operation: 'create',
	firstName: 'Val',
	lastName: 'Ues',
	email: '={{ "val.ues" + $json.n + "@example.invalid" }}',
	phone: '={{ "615555" + (8000 + $json.n) }}',
	posUserId: '={{ 72000 + $json.n }}',
	wageRate: '15.50',
	startDate: '2026-05-01',
	availableSites: ['WashU Fiesta'],
	permission: 'General User',
};

describe('values from the editor and from expressions', () => {
	beforeEach(async () => {
		await bed.startEmulator();
	});

	it('start dates from Luxon and JS Date expressions become the right calendar day', async () => {
		const cases: Array<[string, string]> = [
			["={{ DateTime.fromISO('2026-05-01T23:30:00', { zone: 'America/Chicago' }) }}", '05/01/2026'],
			["={{ new Date('2026-05-03T03:00:00Z') }}", '05/02/2026'],
			["={{ $today.set({ year: 2026, month: 5, day: 4 }) }}", '05/04/2026'],
			['2026-05-05T00:00:00', '05/05/2026'],
		];
		for (const [n, [startDate, expected]] of cases.entries()) {
			const { error } = await bed.run({
				parameters: { ...base, startDate },
				items: [{ n }],
				timezone: 'America/Chicago',
			});
			expect(error, startDate).toBeUndefined();
			expect(bed.emu.state.findEmployeeByPosUserId(72000 + n)!.startDate, startDate).toBe(expected);
		}
	}, 120_000);

	it('wage rates from numbers and text keep their cents', async () => {
		const cases: Array<[unknown, string]> = [
			['={{ 19.99 }}', '19.99'],
			['={{ "$21.05" }}', '21.05'],
			['12', '12.00'],
		];
		for (const [n, [wageRate, expected]] of cases.entries()) {
			const { error } = await bed.run({
				parameters: { ...base, wageRate: wageRate as string },
				items: [{ n: 10 + n }],
			});
			expect(error, String(wageRate)).toBeUndefined();
			expect(bed.emu.state.findEmployeeByPosUserId(72010 + n)!.wages.at(-1)!.regularRate).toBe(expected);
		}
	}, 120_000);

	it('an added but empty POS PIN generates one; a typed PIN is used as given', async () => {
		const { items: generated, error } = await bed.run({
			parameters: { ...base, additionalFields: { posPin: '' } },
			items: [{ n: 30 }, { n: 31 }],
		});
		expect(error).toBeUndefined();
		const pins = generated.map((o) => String(o.json.posPin));
		for (const [k, pin] of pins.entries()) {
			expect(pin).toMatch(/^[1-9]\d{4}$/);
			expect(bed.emu.state.findEmployeeByPosUserId(72030 + k)!.pin).toBe(pin);
		}
		const { items: typed } = await bed.run({
			parameters: { ...base, additionalFields: { posPin: '54321' } },
			items: [{ n: 32 }],
		});
		expect(typed[0].json.posPin).toBe(54321);
		expect(bed.emu.state.findEmployeeByPosUserId(72032)!.pin).toBe('54321');
	}, 120_000);

	it('never repeats a password or a PIN in an error', async () => {
		const { items: out } = await bed.run({
			parameters: {
				...base,
				additionalFields: { posPin: '={{ "98765x" }}', backofficePassword: 'Sup3r-Secret!' },
			},
			items: [{ n: 20 }],
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'posPin' });
		expect(JSON.stringify(out)).not.toContain('98765x');
		expect(JSON.stringify(out)).not.toContain('Sup3r-Secret!');

		const { items: out2 } = await bed.run({
			parameters: { ...base, additionalFields: { backofficePassword: 'Sup3r-Secret!' } },
			items: [{ n: 21 }],
			continueOnFail: true,
		});
		expect(out2[0].json).toMatchObject({ code: 'VALIDATION_ERROR', field: 'backofficeUsername' });
		expect(JSON.stringify(out2)).not.toContain('Sup3r-Secret!');
		expect(bed.emu.state.findEmployeeByPosUserId(72021)).toBeUndefined();
	});
});

describe('site names', () => {
	it('a site whose name contains a comma is kept whole; other comma-separated text is split', async () => {
		const tenant = washu();
		tenant.sites[0].name = 'Main St, North';
		await bed.startEmulator({ tenant });
		const { items: out, error } = await bed.run({
			parameters: { ...base, availableSites: '={{ $json.sites }}' },
			items: [
				{ n: 30, sites: 'Main St, North' },
				{ n: 31, sites: 'WashU Niles, WashU Centennial' },
			],
		});
		expect(error).toBeUndefined();
		expect(out[0].json.sitesGranted).toEqual(['Main St, North']);
		expect([...(out[1].json.sitesGranted as string[])].sort()).toEqual(['WashU Centennial', 'WashU Niles']);
	});

	it('an unknown site name is a NodeOperationError naming it; nothing is created', async () => {
		await bed.startEmulator();
		const { error } = await bed.run({
			parameters: { ...base, availableSites: ['WashU Nowhere'] },
			items: [{ n: 40 }],
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(`${error?.message} ${error?.description}`).toContain('WashU Nowhere');
		expect(error?.description).toContain('Field "Available Sites" (availableSites) has the value "WashU Nowhere"');
		expect(bed.emu.requests.filter((r) => r.method === 'POST' && r.path === '/employee/insert')).toHaveLength(0);
	});
});
