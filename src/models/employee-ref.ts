/**
 * The reference to one employee, shared by every method that acts on one (get, disable, update, reactivate,
 * Backoffice access, upsert): exactly one of `posUserId`, `email` or `employeeId`. Validated with zod before
 * any request; anything else (no key, two keys, an unknown key) is a ValidationError naming the field(s).
 */
import { z } from 'zod/v4';
import { email, optional, parseWith, posUserId, refuse } from './validation';

/** An employee reference as callers give it: exactly one of the three keys. */
export interface EmployeeRefInput {
	/** The POS user ID (the login typed at the register). */
	posUserId?: number;
	/** The employee's e-mail (case-insensitive). Backoffice's e-mail list may leave inactive employees out. */
	email?: string;
	/** Backoffice's internal employee id (from a previous result or the roster links). */
	employeeId?: number;
}

/** A validated employee reference: exactly one key. */
export type EmployeeRef = { posUserId: number } | { email: string } | { employeeId: number };

/** The key names of a reference, in the order they are reported. */
export const EMPLOYEE_REF_KEYS = ['posUserId', 'email', 'employeeId'] as const;

/** The zod fields of a reference, to spread into an operation's input shape. */
export const employeeRefFields = {
	posUserId: posUserId.nullish(),
	email: optional(email),
	employeeId: z.number().int().positive().nullish(),
};

const refShape = z.strictObject(employeeRefFields);

/**
 * The reference inside a parsed input: exactly one key present (absent, null and blank count as absent).
 * Throws ValidationError whose `field` names the keys concerned: all three when none is given, the given ones
 * when there are several; with `raw` (the input as given), a single key sent blank is named alone.
 */
export function pickEmployeeRef(
	v: { posUserId?: number | null; email?: string | null; employeeId?: number | null },
	raw?: unknown,
): EmployeeRef {
	const given = EMPLOYEE_REF_KEYS.filter((k) => v[k] !== undefined && v[k] !== null);
	// One key was sent, but blank: name that key, not all three.
	const sent = raw !== null && typeof raw === 'object' ? EMPLOYEE_REF_KEYS.filter((k) => (raw as Record<string, unknown>)[k] != null) : [];
	if (given.length === 0 && sent.length === 1) refuse(sent[0], 'must not be empty');
	if (given.length !== 1) {
		const got = given.length === 0 ? 'none' : given.join(' and ');
		refuse((given.length === 0 ? EMPLOYEE_REF_KEYS : given).join(' / '), `exactly one of posUserId, email or employeeId is required (got ${got})`);
	}
	const key = given[0];
	if (key === 'posUserId') return { posUserId: v.posUserId as number };
	if (key === 'email') return { email: v.email as string };
	return { employeeId: v.employeeId as number };
}

/** Validate a bare employee reference (e.g. `disableEmployee`'s input). */
export function validateEmployeeRef(input: unknown): EmployeeRef {
	return parseWith(refShape, input, Object.keys(employeeRefFields), (v) => pickEmployeeRef(v, input));
}

/** A short description of a reference for messages: `posUserId=1001`, `email=a@b.co`, `employeeId=100`. */
export function describeRef(ref: EmployeeRef): string {
	if ('posUserId' in ref) return `posUserId=${ref.posUserId}`;
	if ('email' in ref) return `email=${ref.email}`;
	return `employeeId=${ref.employeeId}`;
}
