import { ValidationError } from '../../../src/errors';

/** Input fields whose values are never repeated in an error (passwords, PINs). */
export const SECRET_FIELDS = new Set(['password', 'backofficePassword', 'posPin']);

/** The value as an error may quote it: JSON text, or nothing for a secret field. */
function quote(field: string, value: unknown): string {
	if (SECRET_FIELDS.has(field)) return '(value not shown)';
	return JSON.stringify(typeof value === 'string' ? value : describe(value));
}

/** Option value of the "All Sites" entry of the site pickers (see `methods/loadOptions.ts`). */
export const ALL_SITES = '__all__';

const ALL_SITES_WORDS = new Set([ALL_SITES, 'all', 'all sites']);

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value;
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A required text parameter, trimmed. Numbers from expressions are accepted as their decimal text. */
export function readText(value: unknown, field: string, required: boolean): string | undefined {
	if (isBlank(value)) {
		if (required) throw new ValidationError(field, 'is required');
		return undefined;
	}
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new ValidationError(field, `must be text, got ${describe(value)}`);
}

/** A password as given (never trimmed: spaces may belong to it); `undefined` when empty, so one is generated. */
export function readSecret(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A whole number given as a number or as digits (expressions often yield strings). */
export function readInteger(value: unknown, field: string, required: boolean): number | undefined {
	if (isBlank(value)) {
		if (required) throw new ValidationError(field, 'is required');
		return undefined;
	}
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined || !/^\d+$/.test(text)) {
		throw new ValidationError(field, `must be a positive whole number, got ${quote(field, value)}`);
	}
	const n = Number(text);
	if (!Number.isSafeInteger(n) || n <= 0) throw new ValidationError(field, `must be a positive whole number, got ${quote(field, text)}`);
	return n;
}

/**
 * Money stays decimal text: "15.50" is passed on as "15.50" and the client parses it as a Decimal. A number
 * from an expression is converted with `String()`, the shortest text that round-trips, never re-rounded here.
 */
export function readMoney(value: unknown, field: string, required: boolean): string | undefined {
	if (isBlank(value)) {
		if (required) throw new ValidationError(field, 'is required');
		return undefined;
	}
	let text: string;
	if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else if (typeof value === 'string') text = value.trim().replace(/^\$/, '');
	else throw new ValidationError(field, `must be an amount such as "15.50", got ${describe(value)}`);
	if (!/^\d+(\.\d+)?$/.test(text)) {
		throw new ValidationError(field, `must be an amount such as "15.50", got ${quote(field, String(value))}`);
	}
	return text;
}

function isLuxonDateTime(value: unknown): value is { isValid: boolean; toISODate(): string | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function'
	);
}

function calendarDateIn(date: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
		.formatToParts(date)
		.reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
	return `${parts.year}-${parts.month}-${parts.day}`;
}

function checkCalendarDate(iso: string, field: string, original: unknown): string {
	const [y, m, d] = iso.split('-').map(Number);
	const probe = new Date(Date.UTC(y, m - 1, d));
	if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
		throw new ValidationError(field, `is not a real date: ${JSON.stringify(String(original))}`);
	}
	return iso;
}

/**
 * A start date as a calendar date `YYYY-MM-DD`. Accepts the editor's date picker value and ISO strings
 * (the date part is taken as written, so no time zone can shift the day), `MM/DD/YYYY` as Backoffice shows
 * dates, Luxon DateTimes from expressions (`$now`, `DateTime.fromISO(...)`: their own zone) and JS Dates
 * (read in the workflow's time zone).
 */
export function readCalendarDate(value: unknown, field: string, timeZone: string): string {
	if (isBlank(value)) throw new ValidationError(field, 'is required');
	if (isLuxonDateTime(value)) {
		const iso = value.isValid ? value.toISODate() : null;
		if (!iso) throw new ValidationError(field, 'is an invalid date');
		return iso;
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new ValidationError(field, 'is an invalid date');
		return calendarDateIn(value, timeZone);
	}
	if (typeof value === 'string') {
		const text = value.trim();
		const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
		if (iso) return checkCalendarDate(iso[1], field, value);
		const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
		if (us) return checkCalendarDate(`${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`, field, value);
	}
	throw new ValidationError(
		field,
		`must be a date such as "2026-05-01" (ISO) or "05/01/2026", got ${JSON.stringify(typeof value === 'string' ? value : describe(value))}`,
	);
}

/**
 * A list of names from a multi-select, an expression yielding an array, or a comma-separated string.
 * `knownNames` (lazy) keeps a name that itself contains a comma, e.g. a site called "Main St, North", whole.
 */
export async function readNameList(
	value: unknown,
	field: string,
	knownNames?: () => Promise<string[]>,
): Promise<string[]> {
	if (isBlank(value)) return [];
	let names: string[];
	if (Array.isArray(value)) {
		names = value.map((v, index) => {
			if (typeof v === 'string') return v.trim();
			if (typeof v === 'number') return String(v);
			throw new ValidationError(`${field}.${index}`, `must be a name, got ${describe(v)}`);
		});
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (text.includes(',') && knownNames && (await knownNames()).includes(text)) names = [text];
		else names = text.split(',').map((s) => s.trim());
	} else {
		throw new ValidationError(field, `must be a list of names or a comma-separated text, got ${describe(value)}`);
	}
	const unique: string[] = [];
	for (const name of names) if (name !== '' && !unique.includes(name)) unique.push(name);
	return unique;
}

/** Sites as the client takes them: `'all'` for the "All Sites" choice, else the names. Never empty. */
export async function readSites(
	value: unknown,
	field: string,
	knownNames: () => Promise<string[]>,
): Promise<string[] | 'all'> {
	const names = await readNameList(value, field, knownNames);
	const wantsAll = names.filter((n) => ALL_SITES_WORDS.has(n.toLowerCase()));
	if (wantsAll.length > 0) {
		// Granting every site when specific ones were also picked would be a guess either way: refuse.
		if (names.length > wantsAll.length) {
			throw new ValidationError(field, 'choose either "All Sites" or specific sites, not both');
		}
		return 'all';
	}
	if (names.length === 0) throw new ValidationError(field, 'choose at least one site, or "All Sites"');
	return names;
}


/** The named keys of an object (absent keys stay absent). */
export function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> {
	const out = {} as Pick<T, K>;
	for (const key of keys) if (key in object) out[key] = object[key];
	return out;
}

/** A copy without the keys whose value is undefined (so that they stay absent in the client's input). */
export function dropUndefined<T extends object>(object: T): Partial<T> {
	return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}
