/**
 * Input validation (zod, `zod/v4`) with the reference library's rules (protocol B.9). Every validator
 * throws ValidationError for the FIRST problem, naming the camelCase field and a clear reason; unknown
 * keys are refused; secret values are never repeated in a reason. Runs before any request.
 */
import Decimal from 'decimal.js';
import { z } from 'zod/v4';
import { SonnysBackofficeError, ValidationError } from '../errors';
import type { MoneyInput, PermissionScope } from './api';
import { toBackofficeDate } from './dates';
import { defaultOvertimeRate, MAX_MONEY, toMoney } from './money';

/** B.9: `^[^@\s]+@[^@\s]+\.[^@\s]+$`. */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** B.9 / A.9: the Backoffice username pattern. */
export const USERNAME_PATTERN = /^[A-Za-z]\w{2,63}$/;
/** The department every employee gets (B.4). */
export const DEFAULT_DEPARTMENT = 'Greeter';

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, message: string): never {
	ctx.addIssue({ code: 'custom', message });
	return z.NEVER;
}

/** Run a converter that throws ValidationError and turn its reason into a zod issue. */
function viaConverter<T>(convert: (value: never) => T) {
	return (value: unknown, ctx: Ctx): T => {
		try {
			return convert(value as never);
		} catch (error) {
			if (error instanceof ValidationError) return fail(ctx, error.reason);
			throw error;
		}
	};
}

const requiredText = (max?: number) =>
	z.string().transform((s, ctx) => {
		const t = s.trim();
		if (t === '') return fail(ctx, 'must not be empty');
		if (max !== undefined && t.length > max) return fail(ctx, `must be at most ${max} characters`);
		return t;
	});

/** Optional text: absent, null or blank means "not given". */
const optionalText = (max: number) =>
	z
		.string()
		.nullish()
		.transform((s, ctx) => {
			const t = s?.trim() ?? '';
			if (t === '') return undefined;
			if (t.length > max) return fail(ctx, `must be at most ${max} characters`);
			return t;
		});

const phone = z.string().transform((s, ctx) => {
	const digits = s.replace(/\D/g, '');
	if (digits.length < 9 || digits.length > 10) return fail(ctx, 'must be 9 or 10 digits after symbols are stripped');
	return digits;
});

const email = z.string().transform((s, ctx) => {
	const t = s.trim();
	if (!EMAIL_PATTERN.test(t)) return fail(ctx, 'must contain a valid @domain.tld');
	return t;
});

const posUserId = z.number().int().positive();

const pin = z
	.number()
	.int()
	.refine((n) => n >= 10000 && n <= 99999, { message: 'must be a 5-digit number between 10000 and 99999' });

const money = z.unknown().transform(
	viaConverter((v: unknown) => {
		if (v === undefined || v === null) throw new ValidationError('', 'is required');
		if (typeof v !== 'string' && typeof v !== 'number' && !Decimal.isDecimal(v)) {
			throw new ValidationError('', 'must be a number, a decimal string such as "15.50" or a Decimal');
		}
		return toMoney(v as MoneyInput, '');
	}),
);

const date = z.unknown().transform(
	viaConverter((v: unknown) => {
		if (!(v instanceof Date) && typeof v !== 'string') {
			throw new ValidationError('', 'must be a date (YYYY-MM-DD), an ISO timestamp or a Date');
		}
		return toBackofficeDate(v, '');
	}),
);

const siteNames = z.unknown().transform((v, ctx): string[] | 'all' => {
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

const username = z.string().transform((s, ctx) => {
	const t = s.trim();
	if (!USERNAME_PATTERN.test(t)) {
		return fail(ctx, 'must start with a letter and contain 3-64 letters, digits or underscores');
	}
	return t;
});

/** Absent, null or blank means "not given"; otherwise the inner schema's rules (first issue forwarded). */
function optional<T>(inner: z.ZodType<T>) {
	return z.unknown().transform((v, ctx): T | undefined => {
		if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
		const result = inner.safeParse(v);
		if (result.success) return result.data;
		const issue = result.error.issues[0];
		if (issue.code === 'invalid_type') return fail(ctx, `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`);
		return fail(ctx, issue.message);
	});
}

const password = z.string().refine((s) => s.length > 0 && s.trim() !== '', { message: 'must not be empty' });

const permissionName = requiredText(200);

// ---------- error mapping ----------

const TYPE_NAMES: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
};

function valueAt(input: unknown, path: PropertyKey[]): unknown {
	let current = input;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

function reasonOf(issue: z.core.$ZodIssue, input: unknown, shapeKeys: string[]): string {
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

function parseWith<S extends z.ZodType>(schema: S, input: unknown, shapeKeys: string[]): z.output<S>;
function parseWith<S extends z.ZodType, R>(schema: S, input: unknown, shapeKeys: string[], post: (value: z.output<S>) => R): R;
function parseWith<S extends z.ZodType, R>(
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
function refuse(field: string, reason: string): never {
	throw new ValidationError(field, reason);
}

function keysOf(schema: z.ZodObject): string[] {
	return Object.keys(schema.shape);
}

// ---------- createEmployee ----------

/** `createEmployee` input after validation and normalisation. */
export interface ValidatedCreateEmployee {
	/** Trimmed. */
	firstName: string;
	lastName: string;
	/** Digits only (9 or 10). */
	phone: string;
	/** Trimmed. */
	email: string;
	posUserId: number;
	wageRate: Decimal;
	/** Given, or wageRate x 1.5 rounded half up to cents. */
	overtimeWageRate: Decimal;
	/** `MM/DD/YYYY`. */
	startDate: string;
	/** Trimmed, de-duplicated names, or `'all'`. */
	availableSites: string[] | 'all';
	/** Template name, trimmed. */
	permission: string;
	posPin?: number;
	/** Trimmed, de-duplicated, "Greeter" appended once (B.4). */
	departments: string[];
	adpEmployeeId?: string;
	emergencyContactName?: string;
	/** Digits only. */
	emergencyContactPhone?: string;
	requiresBackoffice: boolean;
	backofficeUsername?: string;
	backofficePassword?: string;
}

const createEmployeeShape = z.strictObject({
	firstName: requiredText(50),
	lastName: requiredText(100),
	phone,
	email,
	posUserId,
	wageRate: money,
	startDate: date,
	availableSites: siteNames,
	permission: permissionName,
	posPin: pin.nullish(),
	overtimeWageRate: z.unknown().optional(),
	departments: z.array(requiredText(100)).nullish(),
	adpEmployeeId: optionalText(32),
	emergencyContactName: optionalText(100),
	emergencyContactPhone: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null || s.trim() === '') return undefined;
			const digits = s.replace(/\D/g, '');
			if (digits.length < 9 || digits.length > 10) return fail(ctx, 'must be 9 or 10 digits after symbols are stripped');
			return digits;
		}),
	requiresBackoffice: z.boolean().nullish(),
	backofficeUsername: optional(username),
	backofficePassword: password.nullish(),
});

function finishCreateEmployee(v: z.output<typeof createEmployeeShape>): ValidatedCreateEmployee {
	let overtime: Decimal;
	if (v.overtimeWageRate === undefined || v.overtimeWageRate === null || v.overtimeWageRate === '') {
		overtime = defaultOvertimeRate(v.wageRate);
		if (overtime.greaterThan(MAX_MONEY)) {
			refuse('wageRate', 'is too large: the default overtime rate (1.5x) would exceed 999999999.99');
		}
	} else {
		const given = v.overtimeWageRate;
		if (typeof given !== 'string' && typeof given !== 'number' && !Decimal.isDecimal(given)) {
			refuse('overtimeWageRate', 'must be a number, a decimal string such as "23.25" or a Decimal');
		}
		overtime = toMoney(given as MoneyInput, 'overtimeWageRate');
	}
	const requiresBackoffice = v.requiresBackoffice ?? false;
	if (requiresBackoffice && v.backofficeUsername === undefined) {
		refuse('backofficeUsername', 'is required when requiresBackoffice is true');
	}
	const departments: string[] = [];
	for (const d of v.departments ?? []) if (!departments.includes(d)) departments.push(d);
	if (!departments.includes(DEFAULT_DEPARTMENT)) departments.push(DEFAULT_DEPARTMENT);
	const out: ValidatedCreateEmployee = {
		firstName: v.firstName,
		lastName: v.lastName,
		phone: v.phone,
		email: v.email,
		posUserId: v.posUserId,
		wageRate: v.wageRate,
		overtimeWageRate: overtime,
		startDate: v.startDate,
		availableSites: v.availableSites,
		permission: v.permission,
		departments,
		requiresBackoffice,
	};
	if (v.posPin !== undefined && v.posPin !== null) out.posPin = v.posPin;
	if (v.adpEmployeeId !== undefined) out.adpEmployeeId = v.adpEmployeeId;
	if (v.emergencyContactName !== undefined) out.emergencyContactName = v.emergencyContactName;
	if (v.emergencyContactPhone !== undefined) out.emergencyContactPhone = v.emergencyContactPhone;
	if (requiresBackoffice) {
		out.backofficeUsername = v.backofficeUsername;
		if (v.backofficePassword !== undefined && v.backofficePassword !== null) out.backofficePassword = v.backofficePassword;
	}
	return out;
}

/** Validate and normalise `createEmployee` input (B.4, B.9). Throws ValidationError for the first problem. */
export function validateCreateEmployee(input: unknown): ValidatedCreateEmployee {
	return parseWith(createEmployeeShape, input, keysOf(createEmployeeShape), finishCreateEmployee);
}

// ---------- disableEmployee ----------

/** `disableEmployee` input after validation: exactly one key. */
export type ValidatedDisableEmployee = { posUserId: number; email?: undefined } | { email: string; posUserId?: undefined };

const disableShape = z.strictObject({
	posUserId: posUserId.nullish(),
	email: optional(email),
});

function finishDisable(v: z.output<typeof disableShape>): ValidatedDisableEmployee {
	const hasPos = v.posUserId !== undefined && v.posUserId !== null;
	const hasEmail = v.email !== undefined && v.email !== null;
	if (hasPos === hasEmail) {
		refuse('posUserId', `exactly one of posUserId or email is required (got ${hasPos ? 'both' : 'neither'})`);
	}
	return hasPos ? { posUserId: v.posUserId as number } : { email: v.email as string };
}

/** Validate `disableEmployee` input: exactly one of `posUserId` / `email` (B.5, B.9). */
export function validateDisableEmployee(input: unknown): ValidatedDisableEmployee {
	return parseWith(disableShape, input, keysOf(disableShape), finishDisable);
}

// ---------- createBackofficeUser ----------

/** `createBackofficeUser` input after validation. */
export interface ValidatedCreateBackofficeUser {
	/** `linked` (one link key) or `standalone` (first and last name). */
	mode: 'linked' | 'standalone';
	username: string;
	/** Trimmed. */
	email: string;
	permission: string;
	password?: string;
	linkToEmployeePosUserId?: number;
	/** Trimmed. */
	linkToEmployeeEmail?: string;
	firstName?: string;
	lastName?: string;
	/** Default `'all'`. */
	availableSites: string[] | 'all';
}

const boShape = z.strictObject({
	username,
	email,
	permission: permissionName,
	password: password.nullish(),
	linkToEmployeePosUserId: posUserId.nullish(),
	linkToEmployeeEmail: optional(email),
	firstName: optionalText(50),
	lastName: optionalText(100),
	availableSites: optional(siteNames),
});

function finishBackofficeUser(v: z.output<typeof boShape>): ValidatedCreateBackofficeUser {
	const linkPos = v.linkToEmployeePosUserId !== undefined && v.linkToEmployeePosUserId !== null;
	const linkEmail = v.linkToEmployeeEmail !== undefined && v.linkToEmployeeEmail !== null;
	const named = v.firstName !== undefined || v.lastName !== undefined;
	const issue = refuse;
	if ((linkPos || linkEmail) && named) {
		return issue(
			linkPos ? 'linkToEmployeePosUserId' : 'linkToEmployeeEmail',
			'provide either linkToEmployeePosUserId / linkToEmployeeEmail or firstName+lastName, not both',
		);
	}
	if (linkPos && linkEmail) return issue('linkToEmployeeEmail', 'provide only one of linkToEmployeePosUserId or linkToEmployeeEmail');
	if (!linkPos && !linkEmail && !named) {
		return issue('linkToEmployeePosUserId', 'provide linkToEmployeePosUserId / linkToEmployeeEmail or firstName+lastName');
	}
	if (!linkPos && !linkEmail) {
		if (v.firstName === undefined) return issue('firstName', 'is required for a standalone user (firstName and lastName)');
		if (v.lastName === undefined) return issue('lastName', 'is required for a standalone user (firstName and lastName)');
	}
	const out: ValidatedCreateBackofficeUser = {
		mode: linkPos || linkEmail ? 'linked' : 'standalone',
		username: v.username,
		email: v.email,
		permission: v.permission,
		availableSites: v.availableSites ?? 'all',
	};
	if (v.password !== undefined && v.password !== null) out.password = v.password;
	if (linkPos) out.linkToEmployeePosUserId = v.linkToEmployeePosUserId as number;
	if (linkEmail) out.linkToEmployeeEmail = v.linkToEmployeeEmail as string;
	if (out.mode === 'standalone') {
		out.firstName = v.firstName;
		out.lastName = v.lastName;
	}
	return out;
}

/** Validate `createBackofficeUser` input: linked xor standalone (B.8, B.9). */
export function validateCreateBackofficeUser(input: unknown): ValidatedCreateBackofficeUser {
	return parseWith(boShape, input, keysOf(boShape), finishBackofficeUser);
}

// ---------- client options ----------

/** Client options with defaults applied. */
export interface ResolvedClientOptions {
	/** Lower-cased DNS label. */
	subdomain: string;
	username: string;
	password: string;
	/** `https://<subdomain>.sonnyscontrols.com` unless overridden; no trailing slash. */
	baseUrl: string;
	timeoutMs: number;
	userAgent?: string;
	onUnknownPermission: 'fallback' | 'error';
	maxRetries: number;
	maxResponseBytes: number;
}

/** Defaults of the client options. */
export const CLIENT_DEFAULTS = {
	timeoutMs: 30_000,
	onUnknownPermission: 'fallback',
	maxRetries: 3,
	maxResponseBytes: 20 * 1024 * 1024,
} as const;

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts allowed over plain http. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
	const parts = host.split('.');
	return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

const optionsShape = z.strictObject({
	subdomain: z.string().transform((s, ctx) => {
		const t = s.trim().toLowerCase();
		if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(t)) {
			return fail(ctx, 'must be a plain DNS label such as "washu" (letters, digits and hyphens; not a URL)');
		}
		return t;
	}),
	username: requiredText(),
	password,
	baseUrl: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null || s.trim() === '') return undefined;
			let url: URL;
			try {
				url = new URL(s.trim());
			} catch {
				return fail(ctx, 'must be an absolute URL such as https://washu.sonnyscontrols.com');
			}
			if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(ctx, 'must use https');
			if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
				return fail(ctx, 'must use https unless the host is loopback (127.0.0.0/8, ::1, localhost)');
			}
			if (url.username !== '' || url.password !== '') return fail(ctx, 'must not contain credentials');
			if (url.search !== '' || url.hash !== '') return fail(ctx, 'must not contain a query or fragment');
			return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
		}),
	timeoutMs: z.number().positive().nullish(),
	userAgent: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null || s.trim() === '') return undefined;
			if (/[\r\n\0]/.test(s)) return fail(ctx, 'must not contain line breaks');
			return s.trim();
		}),
	onUnknownPermission: z.enum(['fallback', 'error']).nullish(),
	maxRetries: z.number().int().min(0).max(10).nullish(),
	maxResponseBytes: z.number().int().positive().nullish(),
});

const optionsSchema = optionsShape.transform(
	(v): ResolvedClientOptions => ({
		subdomain: v.subdomain,
		username: v.username,
		password: v.password,
		baseUrl: v.baseUrl ?? `https://${v.subdomain}.sonnyscontrols.com`,
		timeoutMs: v.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
		...(v.userAgent !== undefined ? { userAgent: v.userAgent } : {}),
		onUnknownPermission: v.onUnknownPermission ?? CLIENT_DEFAULTS.onUnknownPermission,
		maxRetries: v.maxRetries ?? CLIENT_DEFAULTS.maxRetries,
		maxResponseBytes: v.maxResponseBytes ?? CLIENT_DEFAULTS.maxResponseBytes,
	}),
);

/** Validate client options and apply defaults. The password is checked for presence only, never echoed. */
export function validateClientOptions(input: unknown): ResolvedClientOptions {
	return parseWith(optionsSchema, input, keysOf(optionsShape));
}

// ---------- availability helpers and listPermissions ----------

const posAvailabilityShape = z.strictObject({ posUserId });
const emailAvailabilityShape = z.strictObject({ email, refresh: z.boolean().nullish() });
const phoneAvailabilityShape = z.strictObject({
	phone: z.string().transform((s, ctx) => {
		const digits = s.replace(/\D/g, '');
		if (digits === '') return fail(ctx, 'must contain digits');
		return digits;
	}),
	refresh: z.boolean().nullish(),
});
const listPermissionsShape = z.strictObject({ scope: z.enum(['pos', 'backoffice']), refresh: z.boolean().nullish() });

/** Validate `isPosUserIdAvailable` input. */
export function validateAvailabilityPosUserId(input: unknown): { posUserId: number } {
	return parseWith(posAvailabilityShape, input, keysOf(posAvailabilityShape));
}

/** Validate `isEmailAvailable` input; the e-mail comes back trimmed and lower-cased (comparison form, B.3). */
export function validateAvailabilityEmail(input: unknown): { email: string; refresh: boolean } {
	const v = parseWith(emailAvailabilityShape, input, keysOf(emailAvailabilityShape));
	return { email: v.email.toLowerCase(), refresh: v.refresh ?? false };
}

/** Validate `isPhoneAvailable` input; the phone comes back as digits (comparison form, B.3). */
export function validateAvailabilityPhone(input: unknown): { phone: string; refresh: boolean } {
	const v = parseWith(phoneAvailabilityShape, input, keysOf(phoneAvailabilityShape));
	return { phone: v.phone, refresh: v.refresh ?? false };
}

/** Validate `listPermissions` input. */
export function validateListPermissions(input: unknown): { scope: PermissionScope; refresh: boolean } {
	const v = parseWith(listPermissionsShape, input, keysOf(listPermissionsShape));
	return { scope: v.scope, refresh: v.refresh ?? false };
}

/** True when `error` is a ValidationError (for callers that branch without importing the class). */
export function isValidationError(error: unknown): error is ValidationError {
	return error instanceof ValidationError || (error instanceof SonnysBackofficeError && error.code === 'VALIDATION_ERROR');
}
