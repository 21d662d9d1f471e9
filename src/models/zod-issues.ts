/** The first zod issue of an input as ValidationError(field, reason): clear, camelCase, never echoing a value. */
import { z } from 'zod/v4';
import { ValidationError } from '../errors';

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
/** As above, then `post` (cross-field rules) on the clean result, whose value is returned. */
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
