/** Validation of the client options and of the small availability / listPermissions inputs (protocol B.9). */
import { z } from 'zod/v4';
import { SonnysBackofficeError, ValidationError } from '../errors';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';
import { isLoopbackHost } from '../transport/loopback';
import type { PermissionScope } from './api';
import { email, fail, INPUT_LIMITS, keysOf, parseWith, phone, posUserId, requiredText } from './validation';

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
	/** 1-8. */
	maxSessions: number;
}

/** Defaults of the client options. */
export const CLIENT_DEFAULTS = {
	timeoutMs: 30_000,
	onUnknownPermission: 'fallback',
	maxRetries: DEFAULT_RETRY_POLICY.maxRetries,
	maxResponseBytes: 20 * 1024 * 1024,
	maxSessions: 1,
} as const;

/** Most Backoffice sessions one client opens (what a tenant tolerates is unknown: see README, "Concurrency"). */
export const MAX_SESSIONS = 8;

export { isLoopbackHost };

const optionsShape = z.strictObject({
	subdomain: z.string().transform((s, ctx) => {
		if (s.length > 255) return fail(ctx, 'must be at most 63 characters');
		const t = s.trim().toLowerCase();
		if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(t)) {
			return fail(ctx, 'must be a plain DNS label such as "washu" (letters, digits and hyphens; not a URL)');
		}
		return t;
	}),
	username: requiredText(INPUT_LIMITS.botUsername),
	// The bot password is only checked for presence and size (never echoed, never trimmed).
	password: z.string().transform((s, ctx) => {
		if (s.length > INPUT_LIMITS.botPassword) return fail(ctx, `must be at most ${INPUT_LIMITS.botPassword} characters`);
		return s.trim() === '' ? fail(ctx, 'must not be empty') : s;
	}),
	baseUrl: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null || s.trim() === '') return undefined;
			if (s.length > 2048) return fail(ctx, 'must be at most 2048 characters');
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
			if (s.length > 512) return fail(ctx, 'must be at most 512 characters');
			if (/[\r\n\0]/.test(s)) return fail(ctx, 'must not contain line breaks');
			return s.trim();
		}),
	onUnknownPermission: z.enum(['fallback', 'error']).nullish(),
	maxRetries: z.number().int().min(0).max(10).nullish(),
	maxResponseBytes: z.number().int().positive().nullish(),
	maxSessions: z.number().int().min(1).max(MAX_SESSIONS).nullish(),
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
		maxSessions: v.maxSessions ?? CLIENT_DEFAULTS.maxSessions,
	}),
);

const ORIGIN_SHAPES = { subdomain: optionsShape.pick({ subdomain: true }), baseUrl: optionsShape.pick({ baseUrl: true }) };

/**
 * The tenant origin: `https://<subdomain>.sonnyscontrols.com`, or `baseUrl` when it passes the option rules (https
 * unless loopback, no credentials, query or fragment) and is an origin without a path. Throws ValidationError.
 */
export function resolveBaseUrl(subdomain: string, baseUrl?: string): string {
	let url: URL;
	if (baseUrl === undefined || baseUrl.trim() === '') {
		const v = parseWith(ORIGIN_SHAPES.subdomain, { subdomain }, ['subdomain']);
		url = new URL(`https://${v.subdomain}.sonnyscontrols.com`);
	} else {
		url = new URL(parseWith(ORIGIN_SHAPES.baseUrl, { baseUrl }, ['baseUrl']).baseUrl as string);
	}
	if (url.pathname !== '/' && url.pathname !== '') throw new ValidationError('baseUrl', 'must be an origin without a path');
	return url.origin;
}

/** Validate client options and apply defaults. The password is checked for presence only, never echoed. */
export function validateClientOptions(input: unknown): ResolvedClientOptions {
	return parseWith(optionsSchema, input, keysOf(optionsShape));
}

// ---------- availability helpers and listPermissions ----------

const posAvailabilityShape = z.strictObject({ posUserId });
const emailAvailabilityShape = z.strictObject({ email, refresh: z.boolean().nullish() });
// The same rule as createEmployee's phone (B.9): a number a hire would be refused for is not "available".
const phoneAvailabilityShape = z.strictObject({ phone, refresh: z.boolean().nullish() });
const refreshShape = z.strictObject({ refresh: z.boolean().nullish() });
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

/** Validate the options of `listSites` / `listDepartments`: absent, or `{ refresh?: boolean }`. */
export function validateRefreshOption(input: unknown): { refresh: boolean } {
	if (input === undefined) return { refresh: false };
	const v = parseWith(refreshShape, input, keysOf(refreshShape));
	return { refresh: v.refresh ?? false };
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
