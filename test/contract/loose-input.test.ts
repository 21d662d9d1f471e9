/** Issue 9.6: every public method validates its options before any request; errors quote input only briefly. */
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { newHire, setup } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('loose input', () => {
	it('listSites / listDepartments refuse null, strings, unknown keys and non-boolean refresh, before any request', async () => {
		const s = await setup();
		done = s.done;
		const client = s.client as unknown as Record<'listSites' | 'listDepartments', (o?: unknown) => Promise<unknown>>;
		for (const method of ['listSites', 'listDepartments'] as const) {
			for (const [bad, field] of [
				[null, 'input'],
				['x', 'input'],
				[[], 'input'],
				[{ bogus: 1 }, 'bogus'],
				[{ refresh: 'yes' }, 'refresh'],
			] as const) {
				const err = (await client[method](bad).catch((e: unknown) => e)) as ValidationError;
				expect(err, `${method}(${JSON.stringify(bad)})`).toBeInstanceOf(ValidationError);
				expect(err.field).toBe(field);
			}
		}
		expect(s.emu.requests).toHaveLength(0);
		expect(await s.client.listSites()).toHaveLength(19);
		expect(await s.client.listSites({ refresh: true })).toHaveLength(19);
	});

	it("isPhoneAvailable applies createEmployee's phone rule and says why", async () => {
		const s = await setup();
		done = s.done;
		for (const phone of ['1', '12345678', '12345678901', '1'.repeat(20), 'x'.repeat(1_000_000)]) {
			const err = await s.client.isPhoneAvailable({ phone }).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.field).toBe('phone');
			expect(err.reason).toMatch(/9 or 10 digits|at most 20 characters/);
		}
		expect(s.emu.requests).toHaveLength(0);
		expect(await s.client.isPhoneAvailable({ phone: '(615) 555-0199' })).toBe(true);
	});

	it('an unknown site, department or template name is quoted by a short prefix only', async () => {
		const s = await setup();
		done = s.done;
		const long = `Nowhere ${'z'.repeat(190)}`;
		for (const input of [
			newHire({ availableSites: [long] }),
			newHire({ departments: [long.slice(0, 100)] }),
		]) {
			const err = await s.client.createEmployee(input).catch((e) => e);
			expect(err.message).toContain('Nowhere zzz');
			expect(err.message).not.toContain('z'.repeat(80));
			expect(err.message.length).toBeLessThan(1000);
		}
		const err = await s.client.createBackofficeUser({ username: 'quoteme', email: 'quote.me@example.invalid', permission: long, firstName: 'Q', lastName: 'M' }).then(
			(r) => r.warnings.join(' '),
			(e) => e.message as string,
		);
		expect(err).toContain('Nowhere zzz');
		expect(err).not.toContain('z'.repeat(80));
	});
});
