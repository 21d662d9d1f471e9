/**
 * Shared zod (`zod/v4`) building blocks of the input validators: field rules with the reference library's
 * messages (protocol B.9) and the mapping of the first zod issue to ValidationError(field, reason).
 */
import Decimal from 'decimal.js';
import { z } from 'zod/v4';
import { ValidationError } from '../errors';
import type { MoneyInput } from './api';
import { toBackofficeDate } from './dates';
import { toMoney } from './money';

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

/** How an expected zod type is named in a reason. */
export const TYPE_NAMES: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
};

/** The raw input value at a zod issue path (to tell "missing" from "wrong type"). */
export function valueAt(input: unknown, path: PropertyKey[]): unknown {
	let current = input;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** A clear, secret-free reason for a zod issue. */
export function reasonOf(issue: z.core.$ZodIssue, input: unknown, shapeKeys: string[]): string {
	switch (issue.code) {
		case 'invalid_type': {
			const given = valueAt(input, issue.path);
			if (given === undefined) return 'is required';
			if (issue.expected === 'int') return 'must be a whole number';
			if (typeof given === 'number' && !Number.isFinite(given)) return 'must be a finite number';
			return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
		}
		case 'too_small':
			if (issue.origin === 'array' || issue.origin === 'set') return `must contain at least ${String(issue.minimum)} item(s)`;
			if (issue.origin === 'string') return 'must not be empty';
			return issue.inclusive ? `must be at least ${String(issue.minimum)}` : `must be greater than ${String(issue.minimum)}`;
		case 'too_big':
			if (issue.origin === 'int' || issue.origin === 'number') return 'is too large';
			return `must be at most ${String(issue.maximum)}`;
		case 'invalid_value':
			if (valueAt(input, issue.path) === undefined) return 'is required';
			return `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
		case 'unrecognized_keys': {
			const key = issue.keys[0];
			const near = shapeKeys.find((k) => k.toLowerCase() === key.toLowerCase());
			return `is not a supported field${near ? ` (did you mean ${near}?)` : ''}`;
		}
		default:
			return issue.message;
	}
}

/**
 * Parse `input` with `schema`, then run `post` (cross-field rules) on a clean result. Throws ValidationError
 * for the first problem, unknown keys first (a misspelt key would otherwise read as "x is required").
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, shapeKeys: string[]): z.output<S>;
export function parseWith<S extends z.ZodType, R>(schema: S, input: unknown, shapeKeys: string[], post: (value: z.output<S>) => R): R;
export function parseWith<S extends z.ZodType, R>(
	schema: S,
	input: unknown,
	shapeKeys: string[],
	post?: (value: z.output<S>) => R,
): z.output<S> | R {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		throw new ValidationError('input', 'must be an object');
	}
	const result = schema.safeParse(input);
	// Cross-field rules run only on a clean parse, outside zod (so they never see a half-parsed value).
	if (result.success) return post ? post(result.data) : result.data;
	const issues = result.error.issues;
	// An unknown key first: a misspelt field would otherwise surface as "x is required".
	const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
	const field =
		issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]].join('.') : issue.path.map(String).join('.') || 'input';
	throw new ValidationError(field, reasonOf(issue, input, shapeKeys));
}

/** A cross-field rule failed: ValidationError for `field`. */
export function refuse(field: string, reason: string): never {
	throw new ValidationError(field, reason);
}

/** The field names of an object schema (for "did you mean" hints). */
export function keysOf(schema: z.ZodObject): string[] {
	return Object.keys(schema.shape);
}
