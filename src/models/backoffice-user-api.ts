/** Public types of the Backoffice user access operations (protocol A.9, A.10): get, list, update access. */
import type { Changes, PlannedRequest } from './changes';
import type { EmployeeRefInput } from './employee-ref';

/** Which Backoffice user: exactly one of `userId`, `username` or `employee` (the employee it is linked to). */
export interface BackofficeUserRef {
	userId?: number;
	/** Case-insensitive. */
	username?: string;
	/** The employee the user is linked to: exactly one of posUserId, email, employeeId. */
	employee?: EmployeeRefInput;
}

/** Input of `getBackofficeUser`. */
export type GetBackofficeUserInput = BackofficeUserRef;

/** A Backoffice user with its access, as its permissions page and the user list show it. */
export interface BackofficeUser {
	userId: number;
	username: string;
	email: string;
	firstName: string;
	lastName: string;
	/** Internal id of the linked employee; null for a standalone user. */
	linkedEmployeeId: number | null;
	/** The Backoffice template whose token set equals the user's enabled tokens, else null. */
	templateName: string | null;
	/** Enabled permission tokens, in the page's order. */
	tokens: string[];
	/** Accessible site names (sorted), or `'all'`. */
	availableSites: string[] | 'all';
}

/** One row of the Backoffice user list (`/user`). */
export interface BackofficeUserSummary {
	userId: number;
	username: string;
	email: string;
	firstName: string;
	lastName: string;
	/** Internal id of the linked employee, null for a standalone user; absent when the list does not show it. */
	linkedEmployeeId?: number | null;
	isActive: boolean;
}

/** Input of `updateBackofficeUserAccess`: the user, then what to change (absent = keep). */
export interface UpdateBackofficeUserAccessInput extends BackofficeUserRef {
	/** Backoffice template name (case-insensitive); unknown names follow `onUnknownPermission`. */
	permission?: string;
	/** Site names (exact) or `'all'`. */
	availableSites?: string[] | 'all';
	/** Plan only: nothing is posted; the result lists the request that would be sent. */
	dryRun?: boolean;
}

/** Result of `updateBackofficeUserAccess`. */
export interface BackofficeUserAccessUpdated {
	userId: number;
	username: string;
	/** Each changed field as `{ from, to }` (`permission`: template names; `availableSites`: names or `'all'`). */
	changes: Changes;
	/** Whether a change was posted (false when nothing differs and for a dry run). */
	updated: boolean;
	dryRun: boolean;
	/** Dry run: the request that would be sent (phase `backofficeAccess`, changed form field names; empty when nothing differs). */
	plannedRequests?: PlannedRequest[];
	/** As read back (dry run: as it is now). */
	templateName: string | null;
	availableSites: string[] | 'all';
	warnings: string[];
}
