/** Dates as Backoffice writes them: `MM/DD/YYYY` (protocol A.3, A.7). Pure. */
import { ValidationError } from '../errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const BACKOFFICE_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isRealDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day <= daysInMonth;
}

function format(year: number, month: number, day: number): string {
	return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

function checked(year: number, month: number, day: number, field: string): string {
	if (!isRealDate(year, month, day)) throw new ValidationError(field, 'is not a real calendar date');
	if (year < MIN_YEAR || year > MAX_YEAR) throw new ValidationError(field, `must be a year between ${MIN_YEAR} and ${MAX_YEAR}`);
	return format(year, month, day);
}

/**
 * Convert a date input to Backoffice's `MM/DD/YYYY`. `YYYY-MM-DD` is taken as the calendar date written;
 * an ISO timestamp (`2026-05-01T09:00:00-05:00`) gives the calendar date written in it (its own offset),
 * never a UTC-shifted one; a `Date` gives its local calendar date. Impossible dates (2026-02-30) and
 * other formats are refused with a ValidationError naming `field`.
 */
export function toBackofficeDate(input: Date | string, field: string): string {
	if (input instanceof Date) {
		if (Number.isNaN(input.getTime())) throw new ValidationError(field, 'is an invalid Date');
		return checked(input.getFullYear(), input.getMonth() + 1, input.getDate(), field);
	}
	if (typeof input !== 'string') throw new ValidationError(field, 'must be a date (YYYY-MM-DD), an ISO timestamp or a Date');
	const text = input.trim();
	const date = ISO_DATE.exec(text);
	if (date) return checked(Number(date[1]), Number(date[2]), Number(date[3]), field);
	const stamp = ISO_TIMESTAMP.exec(text);
	if (stamp) {
		const year = Number(stamp[1]);
		const month = Number(stamp[2]);
		const day = Number(stamp[3]);
		if (Number.isNaN(Date.parse(text.replace(' ', 'T')))) throw new ValidationError(field, 'is not a valid ISO timestamp');
		return checked(year, month, day, field);
	}
	throw new ValidationError(field, 'must be a date in the form YYYY-MM-DD or an ISO timestamp (e.g. 2026-05-01)');
}

/** Parse Backoffice's `MM/DD/YYYY` into an ISO `YYYY-MM-DD`; undefined when empty or not a real date. */
export function parseBackofficeDate(text: string): string | undefined {
	const match = BACKOFFICE_DATE.exec(text.trim());
	if (!match) return undefined;
	const month = Number(match[1]);
	const day = Number(match[2]);
	const year = Number(match[3]);
	if (!isRealDate(year, month, day)) return undefined;
	return `${match[3]}-${match[1]}-${match[2]}`;
}

/** The ISO date `days` after an ISO `YYYY-MM-DD` date (calendar arithmetic in UTC, no time zone involved). */
export function addDaysIso(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const next = new Date(Date.UTC(y, m - 1, d + days));
	return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-${String(next.getUTCDate()).padStart(2, '0')}`;
}
