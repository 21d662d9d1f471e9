/** Employee > Create with "Skip Phone Pre-Check": no download of the whole roster; the server's duplicate check decides. */
import { describe, expect, it } from 'vitest';

import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

const FULL_ROSTER = /^\/employee\?(?!.*posUserId=)(?=.*limit=10000)/;

function parameters(skip: boolean) {
	return {
		resource: 'employee',
		operation: 'create',
		firstName: '={{ $json.firstName }}',
		lastName: 'Skipper',
		email: '={{ $json.email }}',
		phone: '={{ $json.phone }}',
		posUserId: '={{ $json.posUserId }}',
		wageRate: '15.50',
		startDate: '2026-05-01',
		availableSites: ['WashU Fiesta'],
		permission: 'General User',
		additionalFields: skip ? { skipPhonePreflight: true } : {},
	};
}

const hire = (n: number, phone = `615555${String(8000 + n)}`) => ({ firstName: `Skip${n}`, email: `skip${n}@example.invalid`, phone, posUserId: 71000 + n });

describe('Employee > Create, Skip Phone Pre-Check', () => {
	it('creates without downloading the whole roster; a duplicate phone is refused by Backoffice (emulator assumption E.1)', async () => {
		const taken = bed.emu.state.employees.find((e) => e.isActive && e.phone.replace(/\D/g, '').length === 10)!;
		const { items: out, error } = await bed.run({
			parameters: parameters(true),
			items: [hire(1), hire(2, taken.phone), hire(3)],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out[0].json.employeeId).toEqual(expect.any(Number));
		expect(out[1].json).toMatchObject({ code: 'DUPLICATE', field: 'phone' });
		expect(out[2].json.employeeId).toEqual(expect.any(Number));
		expect(bed.emu.requests.filter((r) => FULL_ROSTER.test(r.path))).toHaveLength(0);
	});

	it('off (the default): the roster is read once per run for the phone check', async () => {
		const { error } = await bed.run({ parameters: parameters(false), items: [hire(11), hire(12)] });
		expect(error).toBeUndefined();
		expect(bed.emu.requests.filter((r) => FULL_ROSTER.test(r.path))).toHaveLength(1);
	});
});
