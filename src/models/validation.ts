/**
 * Shared zod (`zod/v4`) building blocks of the input validators: field rules with the reference library's
 * messages (protocol B.9). The mapping of zod issues to ValidationError is in `./zod-issues` (re-exported).
 */
import Decimal from 'decimal.js';
import { z } from 'zod/v4';
import { ValidationError } from '../errors';
import type { MoneyInput } from './api';
import { toBackofficeDate } from './dates';
import { toMoney } from './money';
import { checkText, INPUT_LIMITS, isEmailShape, phoneDigits, singleLineProblem } from './input-limits';
import { TYPE_NAMES } from './zod-issues';

/**
 * B.9: `^[^@\s]+@[^@\s]+\.[^@\s]+$`, kept for reference. It backtracks quadratically on inputs such as
 * `a@a.a.a.…@`: validation uses the linear {@link isEmailShape} instead, after the length cap.
 */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** B.9 / A.9: the Backoffice username pattern. */
export const USERNAME_PATTERN = /^[A-Za-z]\w{2,63}$/;
/** The department every employee gets (B.4). */
export const DEFAULT_DEPARTMENT = 'Greeter';

type Ctx = z.RefinementCtx;

/** Add a custom zod issue with `message` (the reason) and abort this value. */
export function fail(ctx: Ctx, message: string): never {
	ctx.addIssue({ code: 'custom', message });
	return z.NEVER;
}

/** Run a converter that throws ValidationError and turn its reason into a zod issue. */
export function viaConverter<T>(convert: (value: never) => T) {
	return (value: unknown, ctx: Ctx): T => {
		try {
			return convert(value as never);
		} catch (error) {
			if (error instanceof ValidationError) return fail(ctx, error.reason);
			throw error;
		}
	};
}

/** Required single-line text: trimmed, not empty, at most `max` characters, no control or invisible characters. */
export const requiredText = (max: number = INPUT_LIMITS.name) =>
	z.string().transform((s, ctx) => {
		const c = checkText(s, max);
		if ('problem' in c) return fail(ctx, c.problem);
		if (c.text === '') return fail(ctx, 'must not be empty');
		return c.text;
	});

/** Optional single-line text: absent, null or blank means "not given"; otherwise as {@link requiredText}. */
export const optionalText = (max: number) =>
	z
		.string()
		.nullish()
		.transform((s, ctx) => {
			const c = checkText(s ?? '', max);
			if ('problem' in c) return fail(ctx, c.problem);
			return c.text === '' ? undefined : c.text;
		});

/** Phone: every non-digit stripped, 9 or 10 digits left (B.9); yields the digits. */
export const phone = z.string().transform((s, ctx) => {
	const p = phoneDigits(s);
	return 'problem' in p ? fail(ctx, p.problem) : p.digits;
});

/** E-mail: trimmed, at most 254 characters (checked first), B.9's shape ({@link isEmailShape}). */
export const email = z.string().transform((s, ctx) => {
	const t = s.trim();
	if (t.length > INPUT_LIMITS.email) return fail(ctx, `must be at most ${INPUT_LIMITS.email} characters`);
	const problem = singleLineProblem(t);
	if (problem) return fail(ctx, problem);
	if (!isEmailShape(t)) return fail(ctx, 'must contain a valid @domain.tld');
	return t;
});

/** POS user id: a positive whole number (the form has `min=1`). */
export const posUserId = z.number().int().positive();

/** POS PIN: a whole number 10000-99999 (B.9). */
export const pin = z
	.number()
	.int()
	.refine((n) => n >= 10000 && n <= 99999, { message: 'must be a 5-digit number between 10000 and 99999' });

/** Money: Decimal, decimal string or number, checked by `toMoney` (two decimals at most). */
export const money = z.unknown().transform(
	viaConverter((v: unknown) => {
		if (v === undefined || v === null) throw new ValidationError('', 'is required');
		if (typeof v !== 'string' && typeof v !== 'number' && !Decimal.isDecimal(v)) {
			throw new ValidationError('', 'must be a number, a decimal string such as "15.50" or a Decimal');
		}
		return toMoney(v as MoneyInput, '');
	}),
);

/** Date: ISO date, ISO timestamp or Date, converted to `MM/DD/YYYY` by `toBackofficeDate`. */
export const date = z.unknown().transform(
	viaConverter((v: unknown) => {
		if (!(v instanceof Date) && typeof v !== 'string') {
			throw new ValidationError('', 'must be a date (YYYY-MM-DD), an ISO timestamp or a Date');
		}
		return toBackofficeDate(v, '');
	}),
);

/** Sites: `'all'` or a non-empty list of names (trimmed, de-duplicated). */
export const siteNames = z.unknown().transform((v, ctx): string[] | 'all' => {
	if (v === 'all') return 'all';
	if (!Array.isArray(v)) return fail(ctx, "must be 'all' or a list of site names");
	if (v.length === 0) return fail(ctx, "must contain at least one site name (or be 'all')");
	const names: string[] = [];
	for (const [i, item] of v.entries()) {
		if (typeof item !== 'string' || item.trim() === '') return fail(ctx, `item ${i} must be a non-empty site name`);
		const c = checkText(item, INPUT_LIMITS.name);
		if ('problem' in c) return fail(ctx, `item ${i} ${c.problem}`);
		if (!names.includes(c.text)) names.push(c.text);
	}
	return names;
});

/** Backoffice username: USERNAME_PATTERN (B.9), length checked first. */
export const username = z.string().transform((s, ctx) => {
	const t = s.trim();
	// The length first (the pattern's own limit, same message), so the pattern never runs on a huge value.
	if (t.length > INPUT_LIMITS.username || !USERNAME_PATTERN.test(t)) {
		return fail(ctx, 'must start with a letter and contain 3-64 letters, digits or underscores');
	}
	return t;
});

/** Absent, null or blank means "not given"; otherwise the inner schema's rules (first issue forwarded). */
export function optional<T>(inner: z.ZodType<T>) {
	return z.unknown().transform((v, ctx): T | undefined => {
		if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
		const result = inner.safeParse(v);
		if (result.success) return result.data;
		const issue = result.error.issues[0];
		if (issue.code === 'invalid_type') return fail(ctx, `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`);
		return fail(ctx, issue.message);
	});
}

/** A password up to `max` characters: present and not blank; never trimmed, never echoed. */
export const passwordOf = (max: number) =>
	z.string().transform((s, ctx) => {
		if (s.length > max) return fail(ctx, `must be at most ${max} characters`);
		if (s.trim() === '') return fail(ctx, 'must not be empty');
		// A browser cannot type these into a password input (it strips line breaks): nobody could log in with it.
		if (/[\p{Cc}\u2028\u2029]/u.test(s)) return fail(ctx, 'must not contain line breaks or control characters');
		return s;
	});

/** Backoffice user password (at most 128 characters, no control characters); never trimmed, never echoed. */
export const password = passwordOf(INPUT_LIMITS.password);

/** Template name: required text. */
export const permissionName = requiredText(200);

export { checkText, INPUT_LIMITS, isEmailShape, MAX_QUOTED, phoneDigits, quote, singleLineProblem } from './input-limits';
export { TYPE_NAMES, keysOf, parseWith, reasonOf, refuse, valueAt } from './zod-issues';
