import type { BoUserRecord, EmployeeRecord, SiteData, TenantData } from './types';
import { digits } from './form';

/** Options that change server behaviour where the protocol leaves a question open (Part E). */
export interface StateOptions {
	/** ASSUMPTION (E.7): whether `/user/create` lists inactive employees in its dropdown. Default false. */
	userCreateListsInactiveEmployees?: boolean;
}

/**
 * The live tenant: structure plus employees and Backoffice users, with the lookups and mutations the write handlers
 * and tests need. Everything is in memory; a new emulator starts from a deep copy of the tenant data.
 */
export class EmulatorState {
	readonly tenant: TenantData;
	readonly employees: EmployeeRecord[];
	readonly users: BoUserRecord[];
	nextEmployeeId: number;
	nextCredentialId: number;
	nextUserId: number;
	readonly options: Required<StateOptions>;

	constructor(tenant: TenantData, options: StateOptions = {}) {
		this.tenant = structuredClone(tenant);
		this.employees = this.tenant.employees;
		this.users = this.tenant.users;
		this.nextEmployeeId = tenant.nextEmployeeId;
		this.nextCredentialId = tenant.nextCredentialId;
		this.nextUserId = tenant.nextUserId;
		this.options = { userCreateListsInactiveEmployees: options.userCreateListsInactiveEmployees ?? false };
	}

	get hierarchical(): boolean {
		return this.tenant.hierarchical;
	}

	get sites(): SiteData[] {
		return this.tenant.sites;
	}

	getEmployee(id: number): EmployeeRecord | undefined {
		return this.employees.find((e) => e.id === id);
	}

	findEmployeeByPosUserId(posUserId: number): EmployeeRecord | undefined {
		return this.employees.find((e) => e.posUserId === posUserId);
	}

	findEmployeeByEmail(email: string): EmployeeRecord | undefined {
		const e = email.trim().toLowerCase();
		return e ? this.employees.find((x) => x.email.trim().toLowerCase() === e) : undefined;
	}

	findEmployeesByName(firstName: string, lastName: string): EmployeeRecord[] {
		const f = firstName.toLowerCase();
		const l = lastName.toLowerCase();
		return this.employees.filter((e) => e.firstName.toLowerCase() === f && e.lastName.toLowerCase() === l);
	}

	getUser(id: number): BoUserRecord | undefined {
		return this.users.find((u) => u.id === id);
	}

	findUserByUsername(username: string): BoUserRecord | undefined {
		const u = username.trim().toLowerCase();
		return this.users.find((x) => x.username.toLowerCase() === u);
	}

	findUserByEmployeeId(employeeId: number): BoUserRecord | undefined {
		return this.users.find((u) => u.employeeId === employeeId);
	}

	private siteIndex?: Map<number, SiteData>;

	siteById(id: number): SiteData | undefined {
		this.siteIndex ??= new Map(this.tenant.sites.map((s) => [s.id, s]));
		return this.siteIndex.get(id);
	}

	allSiteIds(): number[] {
		return this.tenant.sites.map((s) => s.id).sort((a, b) => a - b);
	}

	/** Site names of an employee's granted set, sorted: handy for assertions. */
	siteNames(siteIds: number[]): string[] {
		return siteIds.map((id) => this.siteById(id)?.name ?? `#${id}`).sort();
	}

	/** Duplicate checks. Disabled employees keep POS id, e-mail and phone reserved (protocol A.7, E.7). */
	posUserIdTaken(posUserId: number, exceptEmployeeId?: number): boolean {
		return this.employees.some((e) => e.posUserId === posUserId && e.id !== exceptEmployeeId);
	}

	/** E-mail must be unique among employees and Backoffice users (create-form help text, protocol A.3). */
	emailTaken(email: string, except: { employeeId?: number; userId?: number } = {}): boolean {
		const e = email.trim().toLowerCase();
		if (!e) return false;
		return (
			this.employees.some((x) => x.id !== except.employeeId && x.email.trim().toLowerCase() === e) ||
			this.users.some(
				(u) =>
					u.id !== except.userId &&
					(except.employeeId === undefined || u.employeeId !== except.employeeId) &&
					u.email.trim().toLowerCase() === e,
			)
		);
	}

	phoneTaken(phone: string, exceptEmployeeId?: number): boolean {
		const d = digits(phone);
		if (!d) return false;
		return this.employees.some((x) => x.id !== exceptEmployeeId && digits(x.phone) === d);
	}

	usernameTaken(username: string): boolean {
		return this.findUserByUsername(username) !== undefined;
	}

	private templateKeys?: Array<[string, string]>;

	/**
	 * The roster's "Access" column: the first template whose grant set equals the employee's exactly (overrides
	 * ignored), `None` when nothing is granted, else `Custom` (protocol A.6, ASSUMPTION E.10).
	 */
	accessName(e: EmployeeRecord): string {
		if (e.posGrants.length === 0) return 'None';
		const g = [...e.posGrants].sort((a, b) => a - b).join(',');
		this.templateKeys ??= this.tenant.posTemplates.map((x) => [[...x.grants].sort((a, b) => a - b).join(','), x.name]);
		return this.templateKeys.find(([k]) => k === g)?.[1] ?? 'Custom';
	}

	/** Current wage record (empty end date), if any. */
	currentWage(e: EmployeeRecord) {
		return e.wages.find((w) => w.endDate === null);
	}

	/** The bot's display name for the user menu. */
	displayNameOf(userId: number): string {
		const u = this.getUser(userId);
		return u ? `${u.firstName} ${u.lastName}`.trim() : this.tenant.bot.displayName;
	}
}
