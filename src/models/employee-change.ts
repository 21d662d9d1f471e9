/**
 * The public contract of the change surface (issue 11): `updateEmployee`, `reactivateEmployee` and their results.
 * Re-exported by `./api`; the zod schema is `./update-schema`.
 */
import type { Changes, PlannedRequest } from './changes';
import type { DateInput, MoneyInput } from './api';
import type { EmployeeRefInput } from './employee-ref';

/** Changes of `updateEmployee` / `reactivateEmployee`: any of these (absent = unchanged), validated as on create. */
export interface EmployeeChanges {
	firstName?: string;
	lastName?: string;
	/** 9 or 10 digits once every non-digit is stripped. */
	phone?: string;
	/** Must be unused by any other employee. */
	email?: string;
	/** Department names (replace the current ones); "Greeter" is always included. */
	departments?: string[];
	/** Site names (exact) or `'all'`: replaces the current site access. */
	availableSites?: string[] | 'all';
	/** `''` clears it. */
	adpEmployeeId?: string;
	/** `''` clears it. */
	emergencyContactName?: string;
	/** `''` clears it. */
	emergencyContactPhone?: string;
	/** New 5-digit POS PIN. Shown as `'*****'` in `changes`. */
	posPin?: number;
	/** New hourly wage: a new wage record (protocol A.8). */
	wageRate?: MoneyInput;
	/** Default: 1.5 x wageRate when the current record is overtime-eligible; given = eligible. Needs wageRate. */
	overtimeWageRate?: MoneyInput;
	/** Default today; a date not after the latest record's is clamped to the day after it (with a warning). Needs wageRate. */
	wageEffectiveDate?: DateInput;
	/** POS permission template name (the full matrix is written, A.6). */
	permission?: string;
}

/** Input of `updateEmployee`: one employee reference and at least one change. */
export interface UpdateEmployeeInput extends EmployeeRefInput {
	changes: EmployeeChanges;
	/** Validate and read, return what would be written, write nothing. */
	dryRun?: boolean;
}

/** Input of `reactivateEmployee`: one employee reference, optional changes applied in the same run. */
export interface ReactivateEmployeeInput extends EmployeeRefInput {
	changes?: EmployeeChanges;
	/** Validate and read, return what would be written, write nothing. */
	dryRun?: boolean;
}

/** What an update wrote (or, in a dry run, would write). */
export type ChangeApplied = 'properties' | 'compensation' | 'permission' | 'activated';

/** Result of `updateEmployee`. */
export interface EmployeeUpdated {
	employeeId: number;
	posUserId: number | null;
	/** What was written, in order (empty in a dry run and when nothing needed writing). */
	changesApplied: ChangeApplied[];
	/** For each changed field, `{ from, to }` (the PIN as `'*****'`). */
	changes: Changes;
	/** True when every change already held: nothing was (or would be) written. */
	unchanged: boolean;
	/** ISO date of the new wage record, when one was (or would be) written. */
	wageEffectiveDate?: string;
	warnings: string[];
	dryRun: boolean;
	/** The phases that write (or would write), in order. */
	phases: ChangeApplied[];
	/** Dry run: the requests that would be sent, in order (method, path, names of the changed fields). */
	plannedRequests?: PlannedRequest[];
}

/** Result of `reactivateEmployee`. */
export interface EmployeeReactivated extends EmployeeUpdated {
	/** The employee was already active: the activation posted nothing. */
	alreadyActive: boolean;
}
