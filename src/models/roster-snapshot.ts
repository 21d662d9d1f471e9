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

/** Whether `value` is a snapshot of this layout taken from `origin` (anything else is not compared). */
export function isComparableSnapshot(value: unknown, origin: string): value is RosterSnapshot {
	if (value === null || typeof value !== 'object') return false;
	const s = value as Partial<RosterSnapshot>;
	return s.version === 1 && s.origin === origin && Array.isArray(s.strings) && Array.isArray(s.rows);
}

/** The employees of a snapshot by id. Throws on a damaged snapshot (a reference out of range). */
export function expandSnapshot(snapshot: RosterSnapshot): Map<number, EmployeeSummary> {
	const { strings } = snapshot;
	const text = (index: number): string => {
		const value = strings[index];
		if (typeof value !== 'string') throw new RangeError(`roster snapshot: string reference ${index} out of range`);
		return value;
	};
	const list = (index: number): string[] => {
		const value = text(index);
		return value === '' ? [] : value.split(LIST_SEPARATOR);
	};
	const byId = new Map<number, EmployeeSummary>();
	for (const [employeeId, posUserId, firstName, lastName, phone, sites, access, departments, active] of snapshot.rows) {
		byId.set(employeeId, {
			employeeId,
			posUserId,
			firstName,
			lastName,
			phone,
			sites: list(sites),
			accessLevel: text(access),
			departments: list(departments),
			isActive: active === 1,
		});
	}
	return byId;
}
