/**
 * The public contract of the core client: options, method inputs and results.
 * The TypeScript counterpart of the reference library's Milestone-1 API (the protocol material's client reference, Part B),
 * in camelCase. Zod schemas in `src/models/` validate these inputs; keep both in step.
 */
import type Decimal from 'decimal.js';
import type {
	BackofficeUser,
	BackofficeUserAccessUpdated,
	BackofficeUserSummary,
	GetBackofficeUserInput,
	UpdateBackofficeUserAccessInput,
} from './backoffice-user-api';

export type * from './backoffice-user-api';
import type { Employee, EmployeeSummary, FindEmployeeInput, GetEmployeeInput, SearchEmployeesInput } from './employee';
import type { EmployeeRefInput } from './employee-ref';
import type { Changes, PlannedRequest } from './changes';
import type { EmployeeUpserted, UpsertEmployeeInput } from './upsert';
import type { EmployeeReactivated, EmployeeUpdated, ReactivateEmployeeInput, UpdateEmployeeInput } from './employee-change';

export type { EmployeeRef, EmployeeRefInput } from './employee-ref';
export type * from './employee';
export type * from './employee-change';

/** Options of `new SonnysBackofficeClient(...)`. */
export interface SonnysBackofficeClientOptions {
	/** Tenant subdomain, a plain DNS label: `washu` for `https://washu.sonnyscontrols.com`. */
	subdomain: string;
	/** Backoffice bot user name. */
	username: string;
	/** Backoffice bot user password. Never logged. */
	password: string;
	/** Overrides the base URL (emulator, reverse proxy). Must be https unless the host is loopback. */
	baseUrl?: string;
	/** Per-request timeout in milliseconds. Default 30000. */
	timeoutMs?: number;
	/** Custom User-Agent header. */
	userAgent?: string;
	/**
	 * What to do with a POS permission template name the tenant does not have:
	 * `fallback` (default, as the seeds document) uses "General User" and adds a warning; `error` throws NotFoundError.
	 */
	onUnknownPermission?: 'fallback' | 'error';
	/** Retries of idempotent GETs on connection errors, 429 and 5xx. Default 3. 0 disables. */
	maxRetries?: number;
	/** Largest response body accepted, in bytes. Default 20 MiB. */
	maxResponseBytes?: number;
	/**
	 * Backoffice sessions of the bot user that concurrent calls may run on, 1-8. Default 1. Each session has its own
	 * cookie jar; all share the caches and the checks on unique values. When the server turns out to allow one
	 * session per user, the client falls back to one session and says so in a warning.
	 */
	maxSessions?: number;
}

/** Money as callers give it: a Decimal, a decimal string ("15.50") or a number. Stored as Decimal, never float. */
export type MoneyInput = Decimal | string | number;

/** A date as callers give it: a Date or an ISO string (`2026-05-01` or a full timestamp). */
export type DateInput = Date | string;

/** Input of `createEmployee`. */
export interface CreateEmployeeInput {
	firstName: string;
	lastName: string;
	/** 9 or 10 digits once every non-digit is stripped. */
	phone: string;
	email: string;
	/** Caller-assigned POS login id, unique per tenant (disabled employees keep theirs reserved). */
	posUserId: number;
	/** Hourly wage in dollars. */
	wageRate: MoneyInput;
	startDate: DateInput;
	/** Site names (exact, as Backoffice shows them) or `'all'`. */
	availableSites: string[] | 'all';
	/** POS permission template name, case-insensitive. */
	permission: string;
	/** 5-digit POS PIN (10000-99999); generated when absent. */
	posPin?: number;
	/** Overtime hourly wage; default wageRate x 1.5 rounded to cents. */
	overtimeWageRate?: MoneyInput;
	/** Department names; "Greeter" is always included. */
	departments?: string[];
	adpEmployeeId?: string;
	emergencyContactName?: string;
	emergencyContactPhone?: string;
	/** Also create a linked Backoffice user. */
	requiresBackoffice?: boolean;
	/** Required when requiresBackoffice. */
	backofficeUsername?: string;
	/** Generated (12 characters) when absent. */
	backofficePassword?: string;
	/**
	 * Backoffice permission template of the linked user (the `permission` above is the POS template). Unknown names
	 * follow `onUnknownPermission`. When absent the user gets its sites but no Backoffice permission (a warning says so).
	 */
	backofficePermission?: string;
	/** Sites the Backoffice user can access: names or `'all'`. Default: the employee's `availableSites`. */
	backofficeSites?: string[] | 'all';
	/**
	 * Skip the phone pre-flight's download of the whole roster (default false: the full pre-flight, as the reference
	 * library does). Backoffice has no phone filter, so on a large tenant the check costs the full roster (~9.7 MB on
	 * 5,000 employees) on a cold client. When skipped, a roster already cached by this client is still consulted, and
	 * the POS ID and e-mail pre-flights run as usual; otherwise Backoffice's own duplicate check decides, and whether
	 * it refuses a duplicate phone on insert was never observed (protocol E.1): a duplicate phone may be created.
	 */
	skipPhonePreflight?: boolean;
}

/** `createEmployee` input with the preview switch: `dryRun: true` validates, resolves, checks, writes nothing. */
export type CreateEmployeeDryRunInput = CreateEmployeeInput & { dryRun?: boolean };

/** Result of `createEmployee({ ..., dryRun: true })`: what would be created. No PIN or password (none is generated). */
export interface EmployeeCreatePreview {
	dryRun: true;
	posUserId: number;
	firstName: string;
	lastName: string;
	email: string;
	/** The POS template that would be applied (after any fallback). */
	permissionApplied: string;
	/** Site names that would be granted (`'all'` for every site). */
	sitesGranted: string[] | 'all';
	departments: string[];
	wageSite: string;
	wageRate: string;
	overtimeWageRate: string;
	/** Every field from `null` to its new value (the PIN and password as `'*****'`). */
	changes: Changes;
	/** The requests that would be sent, in order (method, path, names of the fields). */
	plannedRequests: PlannedRequest[];
	warnings: string[];
}

/** Result of `createEmployee`. */
export interface EmployeeCreated {
	employeeId: number;
	posUserId: number;
	/** The POS PIN (given or generated). Backoffice never shows it again. */
	posPin: number;
	firstName: string;
	lastName: string;
	email: string;
	backofficeUserId?: number;
	backofficeUsername?: string;
	/** The Backoffice password (given or generated). Backoffice never shows it again. */
	backofficePassword?: string;
	/** The Backoffice template the read-back shows (null: no template's token set matches). */
	backofficePermissionApplied?: string | null;
	/** The Backoffice user's accessible sites as read back. */
	backofficeSitesGranted?: string[] | 'all';
	/** Name of the POS template applied (after any fallback). */
	permissionApplied: string;
	/** Site names granted, as read back from Backoffice. */
	sitesGranted: string[];
	departments: string[];
	/** Site name the wage is attributed to. */
	wageSite: string;
	/** Wage as a string with two decimals, e.g. "15.50". */
	wageRate: string;
	overtimeWageRate: string;
	warnings: string[];
}

/** Input of `disableEmployee`: exactly one of `posUserId`, `email` or `employeeId` (an EmployeeRef). */
export interface DisableEmployeeInput extends EmployeeRefInput {
	/** Validate and read, return what would be written, write nothing. */
	dryRun?: boolean;
}

/** Result of `disableEmployee`. */
export interface EmployeeDisabled {
	employeeId: number;
	/** POS user id of the disabled employee (read from Backoffice when looked up by e-mail). */
	posUserId: number;
	email?: string;
	/** When the disable was verified, UTC. */
	disabledAt: Date;
	/** True when the employee was already inactive (nothing was posted). */
	alreadyInactive: boolean;
	warnings: string[];
	dryRun: boolean;
	/** `{ isActive: { from: true, to: false } }` when the employee is (or would be) disabled. */
	changes: Changes;
	/** Dry run: the request that would be sent (method, path, names of the changed fields). */
	plannedRequests?: PlannedRequest[];
}

/** Input of `createBackofficeUser`: linked (one link key) or standalone (first and last name). */
export interface CreateBackofficeUserInput {
	/** `^[A-Za-z]\w{2,63}$` */
	username: string;
	email: string;
	/** Backoffice template name, case-insensitive; applied right after the insert. Unknown names follow `onUnknownPermission`. */
	permission: string;
	/** Generated (12 characters) when absent. */
	password?: string;
	linkToEmployeePosUserId?: number;
	linkToEmployeeEmail?: string;
	firstName?: string;
	lastName?: string;
	/** Sites the user can access (names or `'all'`), applied right after the insert. Default 'all'. */
	availableSites?: string[] | 'all';
}

/** Result of `createBackofficeUser`. */
export interface BackofficeUserCreated {
	userId: number;
	username: string;
	/** The password (given or generated). Backoffice never shows it again. */
	password: string;
	email: string;
	linkedEmployeeId?: number;
	/** The template the read-back shows (the requested one, or its fallback). */
	permissionApplied: string;
	/** Accessible sites as read back: names (sorted) or `'all'`. */
	sitesGranted: string[] | 'all';
	warnings: string[];
}

/** A site the bot user can see. Region and district are null on flat tenants. */
export interface Site {
	id: number;
	name: string;
	/** Short code shown in the roster and wage-site select (e.g. `FIESTA`), when known. */
	shortCode?: string;
	districtId: number | null;
	districtName: string | null;
	regionId: number | null;
	regionName: string | null;
}

/** What happened to an employee between two roster reads. */
export type EmployeeEventType = 'newEmployee' | 'employeeDeactivated' | 'employeeReactivated' | 'employeeChanged';

/** One event of {@link SonnysBackofficeClientApi.pollEmployeeChanges}: the employee as now, and what changed. */
export interface EmployeeEvent {
	event: EmployeeEventType;
	/** The employee as the roster shows it now. */
	employee: EmployeeSummary;
	/**
	 * `{ from, to }` per changed field (models/changes.ts): `isActive` for (de)activations; the roster columns
	 * (`firstName`, `lastName`, `posUserId`, `phone`, `sites`, `accessLevel`, `departments`) for changes.
	 * Absent for new employees.
	 */
	changes?: Record<string, { from: unknown; to: unknown }>;
	/**
	 * The employee as the previous read showed it (absent for new employees), so that a filter can match what an
	 * employee was as well as what it is (someone moved away from a site).
	 */
	previous?: EmployeeSummary;
}

/**
 * The compact roster snapshot a poll compares with (JSON-safe, for n8n's workflow static data). Treat as opaque;
 * `version` changes when the layout does.
 */
export interface RosterSnapshot {
	version: 1;
	/** The Backoffice origin the roster came from: a snapshot of another tenant is never compared. */
	origin: string;
	/** Repeated strings (site lists, access levels, department lists), referenced by index from `rows`. */
	strings: string[];
	/**
	 * One row per employee, by ascending employee id:
	 * `[employeeId, posUserId, firstName, lastName, phone, sitesRef, accessRef, departmentsRef, active]`
	 * (`active` 1 or 0). An employee who vanished from the roster (no site left, protocol E.13) stays, with no sites.
	 */
	rows: Array<[number, number | null, string, string, string | null, number, number, number, 0 | 1]>;
}

/** Result of `pollEmployeeChanges`. */
export interface RosterChanges {
	/** True when no comparable previous snapshot was given: this read is the baseline and `events` is empty. */
	baseline: boolean;
	/** Events, by ascending employee id; a (de)activation comes before a change of the same employee. */
	events: EmployeeEvent[];
	/** The snapshot to keep for the next poll. */
	snapshot: RosterSnapshot;
	/** Every employee of this read (active and inactive), by ascending employee id. */
	employees: EmployeeSummary[];
}

/** A department option of the employee form (protocol A.3). */
export interface Department {
	id: number;
	name: string;
}

/** Which templates: POS (employee permissions) or Backoffice (user permissions). */
export type PermissionScope = 'pos' | 'backoffice';

/** A permission template. POS templates carry numeric grant/override ids; Backoffice ones carry tokens. */
export interface Permission {
	id: number;
	name: string;
	scope: PermissionScope;
	/** POS: granted permission ids, sorted. Backoffice: empty. */
	grants: number[];
	/** POS: ids that require manager approval, sorted. Backoffice: empty. */
	overrides: number[];
	/** Backoffice: enabled permission tokens. POS: empty. */
	tokens: string[];
}

/** Options of the cached discovery methods. */
export interface RefreshOption {
	/** Bypass the client's cache and re-fetch. */
	refresh?: boolean;
}

/** Input of `listPermissions`. */
export interface ListPermissionsInput extends RefreshOption {
	scope: PermissionScope;
}

/** Input of `isPosUserIdAvailable`. */
export interface PosUserIdAvailabilityInput {
	posUserId: number;
}

/** Input of `isEmailAvailable`. */
export interface EmailAvailabilityInput extends RefreshOption {
	email: string;
}

/** Input of `isPhoneAvailable`. */
export interface PhoneAvailabilityInput extends RefreshOption {
	phone: string;
}

/** The methods of `SonnysBackofficeClient` (the class in `src/client.ts` implements this). */
export interface SonnysBackofficeClientApi {
	/** Log in now (normally lazy). Throws AuthenticationError on bad credentials; never retried. */
	login(): Promise<void>;
	createEmployee(input: CreateEmployeeInput & { dryRun: true }): Promise<EmployeeCreatePreview>;
	createEmployee(input: CreateEmployeeInput & { dryRun?: false }): Promise<EmployeeCreated>;
	createEmployee(input: CreateEmployeeDryRunInput): Promise<EmployeeCreated | EmployeeCreatePreview>;
	disableEmployee(input: DisableEmployeeInput): Promise<EmployeeDisabled>;
	// Read surface (issue 10)
	getEmployee(input: GetEmployeeInput): Promise<Employee>;
	searchEmployees(input?: SearchEmployeesInput): Promise<EmployeeSummary[]>;
	findEmployee(input: FindEmployeeInput): Promise<EmployeeSummary>;
	// Changes (issue 11)
	updateEmployee(input: UpdateEmployeeInput): Promise<EmployeeUpdated>;
	reactivateEmployee(input: ReactivateEmployeeInput): Promise<EmployeeReactivated>;
	// Sync at scale (issue 13)
	upsertEmployee(input: UpsertEmployeeInput): Promise<EmployeeUpserted>;
	createBackofficeUser(input: CreateBackofficeUserInput): Promise<BackofficeUserCreated>;
	getBackofficeUser(input: GetBackofficeUserInput): Promise<BackofficeUser>;
	listBackofficeUsers(): Promise<BackofficeUserSummary[]>;
	updateBackofficeUserAccess(input: UpdateBackofficeUserAccessInput): Promise<BackofficeUserAccessUpdated>;
	listSites(options?: RefreshOption): Promise<Site[]>;
	listDepartments(options?: RefreshOption): Promise<Department[]>;
	listPermissions(options: ListPermissionsInput): Promise<Permission[]>;
	isPosUserIdAvailable(input: PosUserIdAvailabilityInput): Promise<boolean>;
	isEmailAvailable(input: EmailAvailabilityInput): Promise<boolean>;
	isPhoneAvailable(input: PhoneAvailabilityInput): Promise<boolean>;
	/**
	 * One full-roster read (active and inactive employees) compared with `previous`: who is new, deactivated,
	 * reactivated or changed. Without a comparable `previous` the read is the baseline (no events).
	 */
	pollEmployeeChanges(previous?: RosterSnapshot | null): Promise<RosterChanges>;
	/** Release the connection pool. Idempotent. Also `[Symbol.asyncDispose]`. */
	close(): Promise<void>;
}
