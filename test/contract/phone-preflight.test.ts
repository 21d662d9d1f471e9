/**
 * `skipPhonePreflight`: a create that does not download the whole roster for the phone check (no phone filter
 * exists on Backoffice). The default keeps the full pre-flight; skipped, a cached roster is still consulted, and
 * otherwise Backoffice's own duplicate answer (an emulator assumption, protocol E.1) decides.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateError, ValidationError } from '../../src/errors';
import { FULL_ROSTER, newHire, routes, setup } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

const writes = (log: Array<{ method: string; path: string }>) => log.filter((r) => r.method === 'POST' && r.path !== '/login_check');

describe('createEmployee phone pre-flight', () => {
	it('default: the full roster is downloaded once for the phone check', async () => {
		const s = await setup();
		done = s.done;
		await s.client.createEmployee(newHire());
		expect(s.emu.requests.filter((r) => FULL_ROSTER.test(r.path))).toHaveLength(1);
	});

	it('skipped: no full roster, one request fewer, same result; POS ID and e-mail pre-flights still run', async () => {
		const s = await setup();
		done = s.done;
		const hire = newHire();
		const r = await s.client.createEmployee({ ...hire, skipPhonePreflight: true });
		expect(r.sitesGranted).toEqual(['Wash 37135']);
		expect(s.emu.state.findEmployeeByPosUserId(hire.posUserId)?.phone).toBe(hire.phone);
		expect(s.emu.requests.filter((r) => FULL_ROSTER.test(r.path))).toHaveLength(0);
		expect(routes(s.emu.requests).map((x) => x.replace(/\/\d+$/, ''))).toEqual([
			'POST /login_check',
			'GET /employee/create',
			'GET /user/create',
			'GET /employee/permissions',
			'GET /employee',
			'POST /employee/insert',
			'GET /employee/edit',
			'POST /employee/permissions/update',
			'GET /employee/permissions',
		]);
		for (const [over, field] of [[{ posUserId: 1029 }, 'posUserId'], [{ email: 'Avery.Alder0@example.invalid' }, 'email']] as const) {
			const err = await s.client.createEmployee({ ...newHire(over), skipPhonePreflight: true }).catch((e: unknown) => e);
			expect(err).toMatchObject({ field, code: 'DUPLICATE' });
		}
	});

	it('skipped: a duplicate phone is refused by the server (emulator assumption E.1): DuplicateError, nothing created', async () => {
		const s = await setup();
		done = s.done;
		const before = s.emu.state.employees.length;
		const err = await s.client.createEmployee({ ...newHire({ phone: '630.555.0101' }), skipPhonePreflight: true }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DuplicateError);
		expect(err).toMatchObject({ field: 'phone' });
		expect(writes(s.emu.requests)).toHaveLength(1);
		expect(s.emu.state.employees).toHaveLength(before);
	});

	it('skipped but the roster is already cached: the phone is still checked before any write', async () => {
		const s = await setup();
		done = s.done;
		await s.client.isPhoneAvailable({ phone: '5550000000' });
		const err = await s.client.createEmployee({ ...newHire({ phone: '630.555.0101' }), skipPhonePreflight: true }).catch((e: unknown) => e);
		expect(err).toMatchObject({ field: 'phone', existingEmployeeId: 103 });
		expect(writes(s.emu.requests)).toHaveLength(0);
	});

	it('refuses a non-boolean, naming the field, before any request', async () => {
		const s = await setup();
		done = s.done;
		const err = await s.client.createEmployee({ ...newHire(), skipPhonePreflight: 'yes' as unknown as boolean }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err).toMatchObject({ field: 'skipPhonePreflight' });
		expect(s.emu.requests).toHaveLength(0);
	});
});
