/** Issue 9.1 / 9.6: linear-time validation, length caps checked first, single-line fields refuse control characters. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { validateCreateBackofficeUser, validateCreateEmployee, validateDisableEmployee } from '../../src/models/schemas';
import { validateAvailabilityEmail } from '../../src/models/client-options';
import { INPUT_LIMITS, isEmailShape } from '../../src/models/validation';
import { VALID_BO_USER, VALID_HIRE } from './valid-inputs';

const hire = VALID_HIRE;
const bo = VALID_BO_USER;

function refusal(fn: () => unknown): { field: string; reason: string; ms: number } {
	const t0 = performance.now();
	try {
		fn();
	} catch (e) {
		const ms = performance.now() - t0;
		expect(e).toBeInstanceOf(ValidationError);
		return { field: (e as ValidationError).field, reason: (e as ValidationError).reason, ms };
	}
	throw new Error('accepted');
}

const evil = (n: number) => `a@${'a.'.repeat(n)}@`;

describe('linear-time validation', () => {
	it('the quadratic e-mail input is refused fast at every size, in every operation', () => {
		for (const n of [8_000, 32_000, 512_000]) {
			for (const run of [
				() => validateCreateEmployee({ ...hire, email: evil(n) }),
				() => validateDisableEmployee({ email: evil(n) }),
				() => validateCreateBackofficeUser({ ...bo, email: evil(n) }),
				() => validateCreateBackofficeUser({ ...bo, firstName: undefined, lastName: undefined, linkToEmployeeEmail: evil(n) }),
				() => validateAvailabilityEmail({ email: evil(n) }),
			]) {
				const r = refusal(run);
				expect(r.field).toMatch(/email|Email/);
				// Deterministic: the length cap refuses it, so no pattern ever sees the value. The wall bound is only a
				// safety net far above any load (the quadratic check took 2.4 s at 64 KB and minutes at 1 MB).
				expect(r.reason).toBe(`must be at most ${INPUT_LIMITS.email} characters`);
				expect(r.ms).toBeLessThan(1_000);
			}
		}
	});

	it('the e-mail shape check itself is linear (no length cap involved)', () => {
		const t0 = performance.now();
		expect(isEmailShape(evil(500_000))).toBe(false);
		// A safety net, not a benchmark: quadratic work on 1 MB would take minutes.
		expect(performance.now() - t0).toBeLessThan(1_000);
		for (const ok of ['a@b.c', 'a@.b.c', 'a@b..c', 'x.y+z@ex-ample.co.uk']) expect(isEmailShape(ok)).toBe(true);
		for (const bad of ['a@b.', 'a@.b', '@b.c', 'a@bc', 'a@b@c.d', 'a b@c.d', 'a@b.c ', '']) expect(isEmailShape(bad)).toBe(false);
	});

	it('every string field has a cap matching the form maxlength, checked before anything else', () => {
		const cases: Array<[string, Record<string, unknown>, string, number]> = [
			['firstName', hire, 'firstName', INPUT_LIMITS.firstName],
			['lastName', hire, 'lastName', INPUT_LIMITS.lastName],
			['adpEmployeeId', hire, 'adpEmployeeId', INPUT_LIMITS.adpEmployeeId],
			['emergencyContactName', hire, 'emergencyContactName', INPUT_LIMITS.emergencyContactName],
			['email', hire, 'email', INPUT_LIMITS.email],
			['phone', hire, 'phone', INPUT_LIMITS.phone],
			['emergencyContactPhone', hire, 'emergencyContactPhone', INPUT_LIMITS.phone],
			['backofficePassword', { ...hire, requiresBackoffice: true, backofficeUsername: 'jdoe' }, 'backofficePassword', INPUT_LIMITS.password],
		];
		expect(INPUT_LIMITS).toMatchObject({ firstName: 50, lastName: 100, adpEmployeeId: 32, emergencyContactName: 100, phone: 20 });
		for (const [key, base, field, max] of cases) {
			const r = refusal(() => validateCreateEmployee({ ...base, [key]: 'x'.repeat(max + 1) }));
			expect(r.field).toBe(field);
			expect(r.reason).toBe(`must be at most ${max} characters`);
			// 1 MB: refused by length first, fast
			const big = refusal(() => validateCreateEmployee({ ...base, [key]: `${'a.'.repeat(500_000)}@` }));
			expect(big.field).toBe(field);
			expect(big.reason).toBe(`must be at most ${max} characters`);
			expect(big.ms).toBeLessThan(1_000);
		}
		expect(refusal(() => validateCreateBackofficeUser({ ...bo, username: 'a'.repeat(1_000_000) })).field).toBe('username');
		expect(refusal(() => validateCreateBackofficeUser({ ...bo, password: 'a'.repeat(INPUT_LIMITS.password + 1) })).field).toBe('password');
		expect(refusal(() => validateCreateEmployee({ ...hire, permission: 'p'.repeat(1_000_000) })).field).toBe('permission');
		expect(refusal(() => validateCreateEmployee({ ...hire, availableSites: ['s'.repeat(1_000_000)] })).field).toBe('availableSites');
		expect(refusal(() => validateCreateEmployee({ ...hire, departments: ['d'.repeat(1_000_000)] })).field).toBe('departments.0');
	});

	it('single-line fields refuse CR/LF, NUL and invisible characters, naming the field', () => {
		for (const bad of ['Ja\nne', 'Ja\rne', 'Ja\0ne', 'Ja\u200bne', 'Ja\u202ene', 'Ja\u2028ne', 'Ja\tne', 'Ja\u007fne', 'Ja\ufeffne']) {
			for (const key of ['firstName', 'lastName', 'adpEmployeeId', 'emergencyContactName', 'permission']) {
				const r = refusal(() => validateCreateEmployee({ ...hire, [key]: bad }));
				expect(r.field).toBe(key);
				expect(r.reason).toMatch(/line break|control|invisible/);
			}
			expect(refusal(() => validateCreateEmployee({ ...hire, availableSites: [bad] })).field).toBe('availableSites');
			expect(refusal(() => validateCreateBackofficeUser({ ...bo, firstName: bad })).field).toBe('firstName');
			// Passwords: only what a browser could not type (controls, line breaks); format characters can be pasted.
			if (/[\p{Cc}\u2028\u2029]/u.test(bad)) {
				expect(refusal(() => validateCreateBackofficeUser({ ...bo, password: `abcd${bad}` })).field).toBe('password');
			}
		}
		// Surrounding whitespace is still trimmed as before; accented and non-Latin letters stay accepted.
		expect(validateCreateEmployee({ ...hire, firstName: ' José\n', lastName: 'Nguyễn 阮' })).toMatchObject({ firstName: 'José', lastName: 'Nguyễn 阮' });
	});
});
