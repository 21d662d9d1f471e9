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
import { TYPE_NAMES } from './zod-issues';

/** B.9: `^[^@\s]+@[^@\s]+\.[^@\s]+$`. */
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

/** Required text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max?: number) =>
	z.string().transform((s, ctx) => {
		const t = s.trim();
		if (t === '') return fail(ctx, 'must not be empty');
		if (max !== undefined && t.length > max) return fail(ctx, `must be at most ${max} characters`);
		return t;
	});

/** Optional text: absent, null or blank means "not given". */
export const optionalText = (max: number) =>
	z
		.string()
		.nullish()
		.transform((s, ctx) => {
			const t = s?.trim() ?? '';
			if (t === '') return undefined;
			if (t.length > max) return fail(ctx, `must be at most ${max} characters`);
			return t;
		});

/** Phone: every non-digit stripped, 9 or 10 digits left (B.9); yields the digits. */
export const phone = z.string().transform((s, ctx) => {
	const digits = s.replace(/\D/g, '');
	if (digits.length < 9 || digits.length > 10) return fail(ctx, 'must be 9 or 10 digits after symbols are stripped');
	return digits;
});

/** E-mail: trimmed, must match EMAIL_PATTERN (B.9). */
export const email = z.string().transform((s, ctx) => {
	const t = s.trim();
	if (!EMAIL_PATTERN.test(t)) return fail(ctx, 'must contain a valid @domain.tld');
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
		if (!names.includes(item.trim())) names.push(item.trim());
	}
	return names;
});

/** Backoffice username: USERNAME_PATTERN (B.9). */
export const username = z.string().transform((s, ctx) => {
	const t = s.trim();
	if (!USERNAME_PATTERN.test(t)) {
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

/** Password: present and not blank; never trimmed, never echoed. */
export const password = z.string().refine((s) => s.length > 0 && s.trim() !== '', { message: 'must not be empty' });

/** Template name: required text. */
export const permissionName = requiredText(200);

export { TYPE_NAMES, keysOf, parseWith, reasonOf, refuse, valueAt } from './zod-issues';
