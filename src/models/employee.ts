/**
 * The read surface's models: `Employee` (getEmployee), `EmployeeSummary` (searchEmployees, findEmployee) and
 * their inputs. Money leaves as a string with two decimals; dates as `YYYY-MM-DD`. Re-exported by `./api`.
 */
import type { EmployeeRefInput } from './employee-ref';

/** Which optional pages `getEmployee` reads besides the edit page. */
export type EmployeeInclude = 'compensation' | 'permissions';

/** Input of `getEmployee`: an employee reference plus the pages to read. */
export interface GetEmployeeInput extends EmployeeRefInput {
	/** Default `['compensation', 'permissions']`; `[]` reads the edit page only. */
	include?: EmployeeInclude[];
}

/** One row of the compensation history (protocol A.8). */
export interface WageRecord {
	/** `Hourly` or `Salary`, as the page shows it. */
	wageType: string;
	/** Two decimals, e.g. "17.25". */
	wageRate: string;
	overtimeEligible: boolean;
	/** Two decimals, or null when the cell is empty. */
	overtimeWageRate: string | null;
	/** `YYYY-MM-DD`, or null when the cell is empty. */
	effectiveDate: string | null;
	/** `YYYY-MM-DD`, or null for the current record. */
	endDate: string | null;
	/** The end-date cell is present and empty. */
	isCurrent: boolean;
}

/** The wage in force: the first current row of the history. */
export interface CurrentWage {
	wageRate: string;
	overtimeEligible: boolean;
	overtimeWageRate: string | null;
	effectiveDate: string | null;
}

/** An employee's POS permission level (protocol A.6). */
export interface EmployeePermissionLevel {
	/**
	 * The template whose grant AND override sets both equal the employee's (the first in the page's order when two
	 * templates have the same sets, e.g. Manager and General Manager on WashU); null when none does.
	 */
	templateName: string | null;
	/** The employee has grants and no template matches them. */
	isCustom: boolean;
	/** Sorted. */
	grantedPermissionIds: number[];
	/** Sorted. */
	overridePermissionIds: number[];
}

/** One employee as `getEmployee` reads it. The POS PIN is never returned. */
export interface Employee {
	employeeId: number;
	posUserId: number | null;
	firstName: string;
	lastName: string;
	/** Null when empty. */
	email: string | null;
	/** Digits of the stored phone, or null when empty. */
	phone: string | null;
	isActive: boolean;
	/** `YYYY-MM-DD`, or null when the page has none. */
	startDate: string | null;
	/** Department names, page order. */
	departments: string[];
	/** Site names (sorted), or `'all'`. */
	availableSites: string[] | 'all';
	adpEmployeeId: string | null;
	emergencyContactName: string | null;
	/** Digits, or null when empty. */
	emergencyContactPhone: string | null;
	/** With `include` compensation: the current wage, or null when no row is current (a disabled employee). */
	currentWage?: CurrentWage | null;
	/** With `include` compensation: every wage record, newest first. */
	wageHistory?: WageRecord[];
	/** With `include` permissions. */
	permission?: EmployeePermissionLevel;
}

/** Which employees a roster search lists. */
export type EmployeeStatusFilter = 'active' | 'inactive' | 'all';

/** Input of `searchEmployees`: the server's own roster filters (protocol A.2). */
export interface SearchEmployeesInput {
	/** Case-insensitive prefix. */
	firstName?: string;
	/** Case-insensitive prefix. */
	lastName?: string;
	/** Exact. */
	posUserId?: number;
	/** Default `'active'` (as the server's). */
	active?: EmployeeStatusFilter;
	/** Most rows returned (the server's page size). Default 10000. */
	limit?: number;
}

/** Input of `findEmployee`. */
export interface FindEmployeeInput {
	firstName: string;
	lastName: string;
	/** Tie-break when several employees have the name: the last 10 digits must match. */
	phone?: string;
	/** Default `'active'`. */
	active?: EmployeeStatusFilter;
}

/** One roster row. */
export interface EmployeeSummary {
	employeeId: number;
	posUserId: number | null;
	firstName: string;
	lastName: string;
	/** Digits, or null when empty. */
	phone: string | null;
	/** Site short codes as the roster shows them (e.g. `CAROL`). */
	sites: string[];
	/** The roster's "Access" column: a template name, `Custom` or `None`. */
	accessLevel: string;
	departments: string[];
	isActive: boolean;
}
