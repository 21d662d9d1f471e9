/**
 * Input validation (zod, `zod/v4`) with the reference library's rules (protocol B.9). Every validator
 * throws ValidationError for the FIRST problem, naming the camelCase field and a clear reason; unknown
 * keys are refused; secret values are never repeated in a reason. Runs before any request.
 * Client options and the small availability/listPermissions inputs live in `./client-options`.
 */
import Decimal from 'decimal.js';
import { z } from 'zod/v4';
import type { MoneyInput } from './api';
import { employeeRefFields, pickEmployeeRef, type EmployeeRef } from './employee-ref';
import { defaultOvertimeRate, MAX_MONEY, toMoney } from './money';
import {
	date,
	email,
	fail,
	INPUT_LIMITS,
	keysOf,
	money,
	optional,
	optionalText,
	parseWith,
	password,
	permissionName,
	phone,
	phoneDigits,
	pin,
	posUserId,
	refuse,
	requiredText,
	siteNames,
	username,
	DEFAULT_DEPARTMENT,
} from './validation';

export { DEFAULT_DEPARTMENT, EMAIL_PATTERN, USERNAME_PATTERN } from './validation';
export * from './client-options';

// ---------- createEmployee ----------

/** `createEmployee` input after validation and normalisation. */
export interface ValidatedCreateEmployee {
	/** Trimmed. */
	firstName: string;
	lastName: string;
	/** Digits only (9 or 10). */
	phone: string;
	/** Trimmed. */
	email: string;
	posUserId: number;
	wageRate: Decimal;
	/** Given, or wageRate x 1.5 rounded half up to cents. */
	overtimeWageRate: Decimal;
	/** `MM/DD/YYYY`. */
	startDate: string;
	/** Trimmed, de-duplicated names, or `'all'`. */
	availableSites: string[] | 'all';
	/** Template name, trimmed. */
	permission: string;
	posPin?: number;
	/** Trimmed, de-duplicated, "Greeter" appended once (B.4). */
	departments: string[];
	adpEmployeeId?: string;
	emergencyContactName?: string;
	/** Digits only. */
	emergencyContactPhone?: string;
	requiresBackoffice: boolean;
	backofficeUsername?: string;
	backofficePassword?: string;
	/** Backoffice template name (only with requiresBackoffice). */
	backofficePermission?: string;
	/** Backoffice user's sites (only with requiresBackoffice); default the employee's `availableSites`. */
	backofficeSites?: string[] | 'all';
	/** Validate and read, write nothing. */
	dryRun: boolean;
	/** Skip downloading the roster for the phone pre-flight (see `CreateEmployeeInput.skipPhonePreflight`). */
	skipPhonePreflight: boolean;
}

/**
 * The rules of the employee fields that create and update share (B.9): one definition serves both, so an update
 * refuses exactly what a create refuses.
 */
export const employeeFieldRules = {
	firstName: requiredText(INPUT_LIMITS.firstName),
	lastName: requiredText(INPUT_LIMITS.lastName),
	phone,
	email,
	wageRate: money,
	availableSites: siteNames,
	permission: permissionName,
	posPin: pin,
	department: requiredText(100),
	/** Maximum lengths of the optional texts (the form's maxlength). */
	adpEmployeeIdMaxLength: INPUT_LIMITS.adpEmployeeId,
	emergencyContactNameMaxLength: INPUT_LIMITS.emergencyContactName,
	/** 9 or 10 digits once symbols are stripped (like `phone`). */
	emergencyContactPhone: phone,
} as const;

const createEmployeeShape = z.strictObject({
	firstName: employeeFieldRules.firstName,
	lastName: employeeFieldRules.lastName,
	phone,
	email,
	posUserId,
	wageRate: employeeFieldRules.wageRate,
	startDate: date,
	availableSites: employeeFieldRules.availableSites,
	permission: employeeFieldRules.permission,
	posPin: employeeFieldRules.posPin.nullish(),
	overtimeWageRate: z.unknown().optional(),
	departments: z.array(employeeFieldRules.department).nullish(),
	adpEmployeeId: optionalText(employeeFieldRules.adpEmployeeIdMaxLength),
	emergencyContactName: optionalText(employeeFieldRules.emergencyContactNameMaxLength),
	emergencyContactPhone: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null || s.trim() === '') return undefined;
			const p = phoneDigits(s);
			return 'problem' in p ? fail(ctx, p.problem) : p.digits;
		}),
	requiresBackoffice: z.boolean().nullish(),
	backofficeUsername: optional(username),
	backofficePassword: password.nullish(),
	backofficePermission: optional(permissionName),
	backofficeSites: siteNames.optional(),
	dryRun: z.boolean().nullish(),
	skipPhonePreflight: z.boolean().nullish(),
});

function finishCreateEmployee(v: z.output<typeof createEmployeeShape>): ValidatedCreateEmployee {
	let overtime: Decimal;
	if (v.overtimeWageRate === undefined || v.overtimeWageRate === null || v.overtimeWageRate === '') {
		overtime = defaultOvertimeRate(v.wageRate);
		if (overtime.greaterThan(MAX_MONEY)) {
			refuse('wageRate', 'is too large: the default overtime rate (1.5x) would exceed 999999999.99');
		}
	} else {
		const given = v.overtimeWageRate;
		if (typeof given !== 'string' && typeof given !== 'number' && !Decimal.isDecimal(given)) {
			refuse('overtimeWageRate', 'must be a number, a decimal string such as "23.25" or a Decimal');
		}
		overtime = toMoney(given as MoneyInput, 'overtimeWageRate');
	}
	const requiresBackoffice = v.requiresBackoffice ?? false;
	if (requiresBackoffice && v.backofficeUsername === undefined) {
		refuse('backofficeUsername', 'is required when requiresBackoffice is true');
	}
	const departments: string[] = [];
	for (const d of v.departments ?? []) if (!departments.includes(d)) departments.push(d);
	if (!departments.includes(DEFAULT_DEPARTMENT)) departments.push(DEFAULT_DEPARTMENT);
	const out: ValidatedCreateEmployee = {
		firstName: v.firstName,
		lastName: v.lastName,
		phone: v.phone,
		email: v.email,
		posUserId: v.posUserId,
		wageRate: v.wageRate,
		overtimeWageRate: overtime,
		startDate: v.startDate,
		availableSites: v.availableSites,
		permission: v.permission,
		departments,
		requiresBackoffice,
		dryRun: v.dryRun ?? false,
		skipPhonePreflight: v.skipPhonePreflight ?? false,
	};
	if (v.posPin !== undefined && v.posPin !== null) out.posPin = v.posPin;
	if (v.adpEmployeeId !== undefined) out.adpEmployeeId = v.adpEmployeeId;
	if (v.emergencyContactName !== undefined) out.emergencyContactName = v.emergencyContactName;
	if (v.emergencyContactPhone !== undefined) out.emergencyContactPhone = v.emergencyContactPhone;
	if (requiresBackoffice) {
		out.backofficeUsername = v.backofficeUsername;
		if (v.backofficePassword !== undefined && v.backofficePassword !== null) out.backofficePassword = v.backofficePassword;
		if (v.backofficePermission !== undefined) out.backofficePermission = v.backofficePermission;
		out.backofficeSites = v.backofficeSites ?? v.availableSites;
	} else if (v.backofficePermission !== undefined || v.backofficeSites !== undefined) {
		refuse(v.backofficePermission !== undefined ? 'backofficePermission' : 'backofficeSites', 'is only used with requiresBackoffice: true');
	}
	return out;
}

/** Validate and normalise `createEmployee` input (B.4, B.9). Throws ValidationError for the first problem. */
export function validateCreateEmployee(input: unknown): ValidatedCreateEmployee {
	return parseWith(createEmployeeShape, input, keysOf(createEmployeeShape), finishCreateEmployee);
}

// ---------- disableEmployee ----------

/** `disableEmployee` input after validation: exactly one key (an EmployeeRef). */
export type ValidatedDisableEmployee = EmployeeRef & { dryRun: boolean };

const disableShape = z.strictObject({ ...employeeRefFields, dryRun: z.boolean().nullish() });

/** Validate `disableEmployee` input: exactly one of `posUserId` / `email` / `employeeId` (B.5, B.9). */
export function validateDisableEmployee(input: unknown): ValidatedDisableEmployee {
	return parseWith(disableShape, input, keysOf(disableShape), (v) => ({ ...pickEmployeeRef(v, input), dryRun: v.dryRun ?? false }));
}

export { validateCreateBackofficeUser, type ValidatedCreateBackofficeUser } from './backoffice-user-schema';
