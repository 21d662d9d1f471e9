/**
 * Watching the roster for the polling trigger: one full-roster read (active and inactive employees, protocol A.2),
 * compared with the previous compact snapshot. The comparison is pure and linear in the number of employees.
 */
import type { RosterChanges, EmployeeEvent, EmployeeSummary, RosterSnapshot } from '../models/api';
import { diffFields, sameNameSet } from '../models/changes';
import { compactRoster, expandRow, isComparableSnapshot, sameRow } from '../models/roster-snapshot';
import { parseRoster } from '../pages/employee-list';
import { FULL_ROSTER_PATH } from './employee-index';
import type { OperationContext } from './context';
import { toEmployeeSummary } from './search-employees';

/** The roster columns an "employee changed" event reports, in this order. */
export const WATCHED_FIELDS = ['firstName', 'lastName', 'posUserId', 'phone', 'sites', 'accessLevel', 'departments'] as const;

const EQUAL = { sites: sameNameSet, departments: sameNameSet };

/**
 * Compares a fresh roster with `previous` (pure): without a snapshot of the same origin this is the baseline.
 * `current` is every employee of a roster read from `origin`. Events, by ascending employee id:
 * - an id not in `previous`: `newEmployee`;
 * - `isActive` flipped: `employeeDeactivated` / `employeeReactivated` (changes: `isActive`);
 * - any watched column differs: `employeeChanged` (changes: those columns), also alongside a (de)activation;
 * - an id of `previous` missing from `current`: ASSUMPTION (protocol E.13; Backoffice deletes no employee) it lost
 *   its last site and is hidden by the roster, so `employeeChanged` with `sites` to `[]`; the employee stays in
 *   the next snapshot with no sites, so reappearing is a change too, never a second "new employee".
 * Linear: rows are compared as stored, and only a row that differs is expanded and diffed field by field.
 */
export function compareRoster(origin: string, previous: RosterSnapshot | null | undefined, current: readonly EmployeeSummary[]): RosterChanges {
	let employees = [...current].sort((a, b) => a.employeeId - b.employeeId);
	let snapshot = compactRoster(origin, employees);
	if (!isComparableSnapshot(previous, origin)) return { baseline: true, events: [], snapshot, employees };
	const before = new Map(previous.rows.map((row) => [row[0], row]));
	const events: EmployeeEvent[] = [];
	snapshot.rows.forEach((row, i) => {
		const old = before.get(row[0]);
		before.delete(row[0]);
		if (old === undefined) events.push({ event: 'newEmployee', employee: employees[i] });
		else if (!sameRow(old, previous.strings, row, snapshot.strings)) compare(expandRow(old, previous.strings), employees[i], events);
	});
	if (before.size > 0) {
		const hidden = [...before.values()].map((row) => {
			const employee = expandRow(row, previous.strings);
			if (employee.sites.length === 0) return employee;
			const now = { ...employee, sites: [] };
			compare(employee, now, events);
			return now;
		});
		employees = [...employees, ...hidden].sort((a, b) => a.employeeId - b.employeeId);
		snapshot = compactRoster(origin, employees);
		events.sort((a, b) => a.employee.employeeId - b.employee.employeeId);
	}
	return { baseline: false, events, snapshot, employees };
}

function compare(before: EmployeeSummary, after: EmployeeSummary, events: EmployeeEvent[]): void {
	if (before.isActive !== after.isActive) {
		events.push({
			event: after.isActive ? 'employeeReactivated' : 'employeeDeactivated',
			employee: after,
			changes: { isActive: { from: before.isActive, to: after.isActive } },
			previous: before,
		});
	}
	const changes = diffFields<(typeof WATCHED_FIELDS)[number]>(before, after, WATCHED_FIELDS, { equal: EQUAL });
	if (Object.keys(changes).length > 0) events.push({ event: 'employeeChanged', employee: after, changes, previous: before });
}

/** One GET of the full roster, compared with `previous` (see {@link compareRoster}). */
export async function pollEmployeeChanges(
	ctx: OperationContext,
	origin: string,
	previous: RosterSnapshot | null | undefined,
): Promise<RosterChanges> {
	const res = await ctx.session.get(FULL_ROSTER_PATH);
	return compareRoster(origin, previous, parseRoster(res.body, res.path).map(toEmployeeSummary));
}
