/** Shapes of the emulator's tenant data (fixtures/tenants/*.json) and live state. Test-only code. */

export interface Region {
	id: number;
	name: string;
}

export interface District {
	id: number;
	name: string;
	regionId: number;
}

export interface SiteData {
	id: number;
	name: string;
	shortCode: string;
	/** null on flat tenants. */
	districtId: number | null;
}

export interface Department {
	id: number;
	name: string;
}

export interface PosPermission {
	id: number;
	label: string;
	description: string;
}

export interface PosTemplate {
	id: number;
	name: string;
	grants: number[];
	overrides: number[];
}

export interface PosPermissionGroup {
	slug: string;
	title: string;
	ids: number[];
}

export interface BoTemplate {
	id: number;
	name: string;
	tokens: string[];
}

export interface WageRecord {
	isHourly: boolean;
	/** Two decimals, e.g. "15.50". */
	regularRate: string;
	overtimeEligible: boolean;
	overtimeRate: string | null;
	/** MM/DD/YYYY */
	effectiveDate: string;
	/** MM/DD/YYYY, null for the current record. */
	endDate: string | null;
	siteId: number | null;
}

export interface EmployeeRecord {
	id: number;
	credentialId: number;
	posUserId: number;
	pin: string;
	firstName: string;
	lastName: string;
	/** Exactly as typed. */
	phone: string;
	email: string;
	departmentIds: number[];
	/** MM/DD/YYYY */
	startDate: string;
	isActive: boolean;
	/** Resolved set of granted site ids, sorted. */
	siteIds: number[];
	posGrants: number[];
	posOverrides: number[];
	hasActionApprovalAuthority: boolean;
	/** Oldest first. */
	wages: WageRecord[];
	adpEmployeeId: string;
	emergencyContactName: string;
	emergencyContactPhone: string;
}

export interface BoUserRecord {
	id: number;
	username: string;
	password: string;
	email: string;
	employeeId: number | null;
	firstName: string;
	lastName: string;
	isActive: boolean;
	templateId: number | null;
	tokens: string[];
	/** Resolved set of accessible site ids, sorted. */
	siteIds: number[];
}

export interface TenantData {
	name: string;
	companyName: string;
	hierarchical: boolean;
	regions: Region[];
	districts: District[];
	sites: SiteData[];
	departments: Department[];
	posPermissions: PosPermission[];
	posPermissionGroups: PosPermissionGroup[];
	/** Second rendering of a permission in its group (id 1 "Manager Approval"). */
	posPermissionAliases: Record<string, { label: string; description: string }>;
	posTemplates: PosTemplate[];
	boTokens: string[];
	boTemplates: BoTemplate[];
	bot: { username: string; password: string; displayName: string };
	nextEmployeeId: number;
	nextCredentialId: number;
	nextUserId: number;
	employees: EmployeeRecord[];
	users: BoUserRecord[];
}

/** Ordered form pairs, as posted (repeated keys kept). */
export type FormPairs = Array<[string, string]>;
