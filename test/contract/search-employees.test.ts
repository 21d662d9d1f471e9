/** searchEmployees and findEmployee against the emulator: the server's filters, one GET each, every error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmbiguousMatchError, NotFoundError, ValidationError } from '../../src/errors';
import { setup, since } from './helpers';

let s: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
	s = await setup();
	await s.client.login();
});
afterAll(async () => {
	await s.done();
});

/** Runs `call` and returns its result with the requests it made (warm client). */
async function counted<T>(call: () => Promise<T>): Promise<{ result: T; paths: string[] }> {
	const from = s.emu.requests.length;
	const result = await call();
	return { result, paths: since(s.emu, from).map((r) => `${r.method} ${r.path}`) };
}

describe('searchEmployees', () => {
	it('name prefixes, case-insensitive, active by default: one GET with the server filters', async () => {
		const { result, paths } = await counted(() => s.client.searchEmployees({ firstName: 'jo', lastName: 'SM' }));
		expect(paths).toEqual(['GET /employee?sort_type=first_name&sort_dir=1&first_name=jo&last_name=SM&active=active&limit=10000']);
		expect(result.map((r) => r.posUserId)).toEqual([1064, 1071]);
		expect(result[0]).toEqual({
			employeeId: 127,
			posUserId: 1064,
			firstName: 'Jordan',
			lastName: 'Smith',
			phone: '7735550109',
			sites: ['DKSN', 'VILLAP'],
			accessLevel: 'Custom',
			departments: ['Greeter'],
			isActive: true,
		});
	});

	it("status: 'all' adds the inactive namesake, 'inactive' lists only it", async () => {
		expect((await s.client.searchEmployees({ firstName: 'Jordan', active: 'all' })).map((r) => [r.posUserId, r.isActive])).toEqual([
			[1064, true],
			[1071, true],
			[1078, false],
		]);
		expect((await s.client.searchEmployees({ lastName: 'smith', active: 'inactive' })).map((r) => r.posUserId)).toEqual([1078]);
	});

	it('exact POS user ID (an inactive one needs a status other than active); limit; the whole roster', async () => {
		expect(await s.client.searchEmployees({ posUserId: 1029 })).toEqual([]);
		const { result, paths } = await counted(() => s.client.searchEmployees({ posUserId: 1029, active: 'all' }));
		expect(paths).toHaveLength(1);
		expect(result.map((r) => r.employeeId)).toEqual([112]);
		expect(await s.client.searchEmployees({ posUserId: 102 })).toEqual([]);
		expect(await s.client.searchEmployees({ firstName: 'Jordan', limit: 1 })).toHaveLength(1);
		const all = await counted(() => s.client.searchEmployees());
		expect(all.paths).toEqual(['GET /employee?limit=10000&active=active']);
		const visible = s.emu.state.employees.filter((e) => e.isActive && e.siteIds.length > 0);
		expect(all.result.map((r) => r.employeeId).sort()).toEqual(visible.map((e) => e.id).sort());
	});

	it('bad input: ValidationError before any request', async () => {
		const from = s.emu.requests.length;
		for (const bad of [{ limit: 0 }, { active: 'yes' }, { posUserId: 'x' }, { name: 'Jo' }]) {
			await expect(s.client.searchEmployees(bad as never)).rejects.toBeInstanceOf(ValidationError);
		}
		expect(s.emu.requests.length).toBe(from);
	});
});

describe('findEmployee', () => {
	it('exact trimmed, case-insensitive name among the prefix results: one GET', async () => {
		const { result, paths } = await counted(() => s.client.findEmployee({ firstName: ' blake ', lastName: 'BIRCH' }));
		expect(paths).toHaveLength(1);
		expect(result).toMatchObject({ employeeId: 103, posUserId: 1008 });
	});

	it('several namesakes without a phone: AmbiguousMatchError listing the POS user IDs and asking for a phone', async () => {
		const err = (await s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smith' }).catch((x: unknown) => x)) as AmbiguousMatchError;
		expect(err).toBeInstanceOf(AmbiguousMatchError);
		expect(err.code).toBe('AMBIGUOUS_MATCH');
		expect(err.candidates).toEqual([1064, 1071]);
		expect(err.message).toContain('1064, 1071');
		expect(err.message).toContain('provide a phone number to disambiguate');
	});

	it('a phone breaks the tie on its last 10 digits (any format, a country code)', async () => {
		expect((await s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smith', phone: '615-555-0110' })).posUserId).toBe(1071);
		expect((await s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smith', phone: '+1 (773) 555-0109' })).posUserId).toBe(1064);
	});

	it('a phone that matches none of them: still ambiguous, saying the phone did not help', async () => {
		const err = await s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smith', phone: '3125559999' }).catch((x: unknown) => x);
		expect(err).toBeInstanceOf(AmbiguousMatchError);
		expect((err as Error).message).toContain('the phone did not narrow them to one (0 match it)');
	});

	it("status 'all' adds the inactive namesake; 'inactive' finds it alone", async () => {
		const err = (await s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smith', active: 'all' }).catch((x: unknown) => x)) as AmbiguousMatchError;
		expect(err.candidates).toEqual([1064, 1071, 1078]);
		expect((await s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smith', active: 'inactive' })).employeeId).toBe(133);
	});

	it('no exact match (a prefix is not a match; an inactive one is not active): NotFoundError', async () => {
		await expect(s.client.findEmployee({ firstName: 'Jordan', lastName: 'Smit' })).rejects.toBeInstanceOf(NotFoundError);
		const err = await s.client.findEmployee({ firstName: 'Elliot', lastName: 'Elmsworth' }).catch((x: unknown) => x);
		expect(err).toBeInstanceOf(NotFoundError);
		expect((err as Error).message).toBe('no active employee named "Elliot Elmsworth"');
	});

	it('missing names: ValidationError before any request', async () => {
		const from = s.emu.requests.length;
		await expect(s.client.findEmployee({ firstName: 'Jordan' } as never)).rejects.toMatchObject({ field: 'lastName' });
		await expect(s.client.findEmployee({ firstName: ' ', lastName: 'Smith' })).rejects.toMatchObject({ field: 'firstName' });
		expect(s.emu.requests.length).toBe(from);
	});
});
