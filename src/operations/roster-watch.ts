/**
 * Watching the roster for the polling trigger: one full-roster read (active and inactive employees, protocol A.2),
 * compared with the previous compact snapshot. The comparison is pure and linear in the number of employees.
 */
import type { EmployeeChanges, EmployeeEvent, EmployeeSummary, RosterSnapshot } from '../models/api';
import { diffFields, sameNameSet } from '../models/changes';
import { compactRoster, expandSnapshot, isComparableSnapshot } from '../models/roster-snapshot';
import { parseRoster, toEmployeeSummary } from '../pages/employee-list';
import { FULL_ROSTER_PATH } from './employee-index';
import type { OperationContext } from './context';

/** The roster columns an "employee changed" event reports, in this order. */
export const WATCHED_FIELDS = ['firstName', 'lastName', 'posUserId', 'phone', 'sites', 'accessLevel', 'departments'] as const;

const EQUAL = { sites: sameNameSet, departments: sameNameSet };

/**
 * The events between two reads of the whole roster, by ascending employee id:
 * - an id not in `previous`: `newEmployee`;
 * - `isActive` flipped: `employeeDeactivated` / `employeeReactivated` (changes: `isActive`);
 * - any watched column differs: `employeeChanged` (changes: those columns), also alongside a (de)activation;
 * - an id of `previous` missing from `current`: ASSUMPTION (protocol E.13; Backoffice deletes no employee) it lost
 *   its last site and is hidden by the roster, so `employeeChanged` with `sites` to `[]`; the employee stays in
 *   the next snapshot with no sites, so reappearing is a change too, never a second "new employee".
 */
export function detectEmployeeEvents(
	previous: ReadonlyMap<number, EmployeeSummary>,
	current: readonly EmployeeSummary[],
): { events: EmployeeEvent[]; employees: EmployeeSummary[] } {
	const employees = [...current].sort((a, b) => a.employeeId - b.employeeId);
	const seen = new Set<number>();
	const events: EmployeeEvent[] = [];
	const kept: EmployeeSummary[] = [];
	for (const employee of employees) {
		seen.add(employee.employeeId);
		kept.push(employee);
		const before = previous.get(employee.employeeId);
		if (before === undefined) {
			events.push({ event: 'newEmployee', employee });
			continue;
		}
		compare(before, employee, events);
	}
	for (const before of previous.values()) {
		if (seen.has(before.employeeId)) continue;
		const hidden = before.sites.length === 0 ? before : { ...before, sites: [] };
		if (hidden !== before) compare(before, hidden, events);
		kept.push(hidden);
	}
	events.sort((a, b) => a.employee.employeeId - b.employee.employeeId);
	kept.sort((a, b) => a.employeeId - b.employeeId);
	return { events, employees: kept };
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

/**
 * Compares a fresh roster with `previous` (pure): without a snapshot of the same origin this is the baseline.
 * `current` is every employee of a roster read from `origin`.
 */
export function compareRoster(origin: string, previous: RosterSnapshot | null | undefined, current: EmployeeSummary[]): EmployeeChanges {
	if (!isComparableSnapshot(previous, origin)) {
		const employees = [...current].sort((a, b) => a.employeeId - b.employeeId);
		return { baseline: true, events: [], snapshot: compactRoster(origin, employees), employees };
	}
	const { events, employees } = detectEmployeeEvents(expandSnapshot(previous), current);
	return { baseline: false, events, snapshot: compactRoster(origin, employees), employees };
}

/** One GET of the full roster, compared with `previous` (see {@link compareRoster}). */
export async function pollEmployeeChanges(
	ctx: OperationContext,
	origin: string,
	previous: RosterSnapshot | null | undefined,
): Promise<EmployeeChanges> {
	const res = await ctx.session.get(FULL_ROSTER_PATH);
	return compareRoster(origin, previous, parseRoster(res.body, res.path).map(toEmployeeSummary));
}
