/**
 * The one description of a change used by every operation that reports one (update, reactivate, create-or-update,
 * Backoffice access, the trigger): for each field that differs, `{ from, to }`. Secret fields are masked.
 */

/** One changed field: the value before and the value after. */
export interface FieldChange<T = unknown> {
	from: T;
	to: T;
}

/** Changed fields by name. */
export type Changes = Record<string, FieldChange>;

/** What a secret field's value is shown as in a change (never the value itself). */
export const MASKED = '*****';

/** Options of {@link diffFields}. */
export interface DiffOptions<K extends string> {
	/** Fields whose values are secrets: a change shows `{ from: '*****', to: '*****' }`. */
	secret?: readonly K[];
	/** Equality per field; default {@link sameValue}. */
	equal?: Partial<Record<K, (a: unknown, b: unknown) => boolean>>;
}

/**
 * The fields of `after` (only those named in `fields` and present in `after`) whose value differs from `before`'s,
 * as `{ from, to }`, in the order of `fields`. Linear in the size of the values.
 */
export function diffFields<K extends string>(
	before: Partial<Record<K, unknown>>,
	after: Partial<Record<K, unknown>>,
	fields: readonly K[],
	options: DiffOptions<K> = {},
): Changes {
	const changes: Changes = {};
	for (const field of fields) {
		if (!(field in after) || after[field] === undefined) continue;
		const equal = options.equal?.[field] ?? sameValue;
		if (equal(before[field], after[field])) continue;
		changes[field] = options.secret?.includes(field)
			? { from: MASKED, to: MASKED }
			: { from: before[field] ?? null, to: after[field] ?? null };
	}
	return changes;
}

/**
 * Structural equality for change detection: primitives by value (`null` and `undefined` alike), Decimal-like values
 * by `toString()`, arrays in order, plain objects by their keys. Use a custom `equal` for order-free sets.
 */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a == null || b == null) return a == null && b == null;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((v, i) => sameValue(v, b[i]));
	}
	if (typeof a === 'object' && typeof b === 'object') {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		if (ka.length === 0 && kb.length === 0) return String(a) === String(b);
		if (ka.length !== kb.length) return false;
		return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
	}
	return false;
}

/** Order-free equality of two lists of names, case-insensitive and trimmed (sites, departments). */
export function sameNameSet(a: unknown, b: unknown): boolean {
	if (!Array.isArray(a) || !Array.isArray(b)) return sameValue(a, b);
	const norm = (xs: unknown[]) => [...new Set(xs.map((x) => String(x).trim().toLowerCase()))].sort();
	return sameValue(norm(a), norm(b));
}

/** A request a write would send, as a dry run reports it (the names of the fields it changes, never a value). */
export interface PlannedRequest {
	/** The phase the request belongs to, e.g. `properties`, `compensation`, `permission`, `create`. */
	phase: string;
	method: 'POST';
	/** Form action, e.g. `/employee/update`. */
	path: string;
	/** Names of the form fields whose submitted values would change, in body order. Never values. */
	fields: string[];
}
