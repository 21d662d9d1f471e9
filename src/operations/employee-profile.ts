/** Pure mappings of the read surface: edit page -> profile, wage history -> current wage, grants -> template name. */
import type { Permission } from '../models/api';
import type { CurrentWage, Employee, EmployeePermissionLevel, WageRecord } from '../models/employee';
import { parseBackofficeDate } from '../models/dates';
import type { EditPage } from '../pages/employee-edit';

/** The profile part of `Employee`, read from the edit page by the protocol's profile rules (B.7). */
export type EmployeeProfile = Omit<Employee, 'currentWage' | 'wageHistory' | 'permission'>;

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const digitsOrNull = (s: string): string | null => orNull(s.replace(/\D/g, ''));

/**
 * The profile of an edit page: the start date from `value` else `data-value` (the form model reads both, A.7),
 * sites by the A.3.1 polarity rules the A.3.2 encoder writes (ids mapped to names through the page's own tree,
 * sorted), departments by name, empty fields null. The POS PIN on the page is never copied.
 */
export function toEmployeeProfile(page: EditPage): EmployeeProfile {
	const names = new Map(page.tree.sites.map((s) => [s.id, s.name]));
	const sites = page.availableSites;
	return {
		employeeId: page.employeeId,
		posUserId: page.posUserId,
		firstName: page.firstName.trim(),
		lastName: page.lastName.trim(),
		email: orNull(page.email),
		phone: digitsOrNull(page.phone),
		isActive: page.isActive,
		startDate: page.startDate === null ? null : (parseBackofficeDate(page.startDate) ?? null),
		departments: page.departments.map((d) => d.name),
		availableSites:
			sites === 'all' ? 'all' : sites.map((id) => names.get(id) ?? String(id)).sort((a, b) => a.localeCompare(b)),
		adpEmployeeId: orNull(page.adpEmployeeId),
		emergencyContactName: orNull(page.emergencyContactName),
		emergencyContactPhone: digitsOrNull(page.emergencyContactPhone),
	};
}

/** The first current row of a history (newest first), or null (a disabled employee may have none, A.8). */
export function currentWageOf(history: WageRecord[]): CurrentWage | null {
	const row = history.find((w) => w.isCurrent);
	if (!row) return null;
	return { wageRate: row.wageRate, overtimeEligible: row.overtimeEligible, overtimeWageRate: row.overtimeWageRate, effectiveDate: row.effectiveDate };
}

const sortedSet = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
const sameSet = (a: number[], b: number[]) => String(sortedSet(a)) === String(sortedSet(b));

/**
 * Names an employee's permission level: the first template (page order) whose grant set AND override set both
 * equal the employee's; else `templateName` null, with `isCustom` true when the employee has any grant.
 * Stricter than the reference (grants only, A.6): a Cashier whose approvals were changed is not a Cashier.
 */
export function namePermissionLevel(templates: Permission[], granted: number[], overrides: number[]): EmployeePermissionLevel {
	const match = templates.find((t) => sameSet(t.grants, granted) && sameSet(t.overrides, overrides));
	return {
		templateName: match?.name ?? null,
		isCustom: !match && granted.length > 0,
		grantedPermissionIds: sortedSet(granted),
		overridePermissionIds: sortedSet(overrides),
	};
}
