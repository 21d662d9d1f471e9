/**
 * The compact roster snapshot a polling trigger keeps between polls (n8n workflow static data is JSON stored with the
 * workflow, saved after each poll that emits): per employee only what a change needs to be described, with the
 * strings that repeat across employees (site lists, access levels, department lists) stored once. Pure.
 */
import type { EmployeeSummary, RosterSnapshot } from './api';

/** Separator of list values inside one interned string (the parser collapses whitespace, so never part of a site code or a department name). */
const LIST_SEPARATOR = '\n';

/** Employees by ascending id, as compact rows, with the interned strings. */
export function compactRoster(origin: string, employees: Iterable<EmployeeSummary>): RosterSnapshot {
	const strings: string[] = [];
	const refs = new Map<string, number>();
	const ref = (value: string): number => {
		let index = refs.get(value);
		if (index === undefined) {
			index = strings.length;
			strings.push(value);
			refs.set(value, index);
		}
		return index;
	};
	const rows: RosterSnapshot['rows'] = [];
	for (const e of employees) {
		rows.push([
			e.employeeId,
			e.posUserId,
			e.firstName,
			e.lastName,
			e.phone,
			ref(e.sites.join(LIST_SEPARATOR)),
			ref(e.accessLevel),
			ref(e.departments.join(LIST_SEPARATOR)),
			e.isActive ? 1 : 0,
		]);
	}
	rows.sort((a, b) => a[0] - b[0]);
	return { version: 1, origin, strings, rows };
}

/**
 * Whether `value` is an intact snapshot of this layout taken from `origin`. Anything else (another tenant, an older
 * layout, a damaged one) is not compared: the caller starts a new baseline rather than failing every poll.
 */
export function isComparableSnapshot(value: unknown, origin: string): value is RosterSnapshot {
	if (value === null || typeof value !== 'object') return false;
	const s = value as Partial<RosterSnapshot>;
	if (s.version !== 1 || s.origin !== origin || !Array.isArray(s.strings) || !Array.isArray(s.rows)) return false;
	const n = s.strings.length;
	const ref = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < n;
	return s.rows.every(
		(r) => Array.isArray(r) && r.length === 9 && typeof r[0] === 'number' && typeof r[2] === 'string' && typeof r[3] === 'string' && ref(r[5]) && ref(r[6]) && ref(r[7]),
	);
}

type Row = RosterSnapshot['rows'][number];

/** One row of a snapshot as a summary. Throws on a damaged snapshot (a reference out of range). */
export function expandRow(row: Row, strings: readonly string[]): EmployeeSummary {
	const text = (index: number): string => {
		const value = strings[index];
		if (typeof value !== 'string') throw new RangeError(`roster snapshot: string reference ${index} out of range`);
		return value;
	};
	const list = (index: number): string[] => {
		const value = text(index);
		return value === '' ? [] : value.split(LIST_SEPARATOR);
	};
	const [employeeId, posUserId, firstName, lastName, phone, sites, access, departments, active] = row;
	return {
		employeeId,
		posUserId,
		firstName,
		lastName,
		phone,
		sites: list(sites),
		accessLevel: text(access),
		departments: list(departments),
		isActive: active === 1,
	};
}

/** The employees of a snapshot by id. */
export function expandSnapshot(snapshot: RosterSnapshot): Map<number, EmployeeSummary> {
	return new Map(snapshot.rows.map((row) => [row[0], expandRow(row, snapshot.strings)]));
}

/**
 * Whether two rows (each with its snapshot's strings) hold exactly the same values: the fast path of a poll, where
 * nearly every employee is unchanged. Lists in another order are not the same here (the caller then compares sets).
 */
export function sameRow(a: Row, aStrings: readonly string[], b: Row, bStrings: readonly string[]): boolean {
	return (
		a[0] === b[0] &&
		a[1] === b[1] &&
		a[2] === b[2] &&
		a[3] === b[3] &&
		a[4] === b[4] &&
		a[8] === b[8] &&
		aStrings[a[5]] === bStrings[b[5]] &&
		aStrings[a[6]] === bStrings[b[6]] &&
		aStrings[a[7]] === bStrings[b[7]]
	);
}
