/**
 * Validation of the `changes` of `updateEmployee` / `reactivateEmployee`: every field with the same rule as in
 * `createEmployee` (`employeeFieldRules`), checked before any request. Absent (or null) = unchanged; for the optional
 * texts (ADP id, emergency contact) an empty string clears the field.
 */
import { z } from 'zod/v4';
import { ValidationError } from '../errors';
import type { EmployeeChanges } from './employee-change';
import { defaultOvertimeRate, MAX_MONEY } from './money';
import { employeeRefFields, pickEmployeeRef, type EmployeeRef } from './employee-ref';
import { employeeFieldRules as rules } from './schemas';
import { date, DEFAULT_DEPARTMENT, fail, keysOf, money, optional, parseWith, refuse } from './validation';

/** Text that may be cleared: absent/null = unchanged, blank = clear. */
function clearable(max: number) {
	return z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null) return undefined;
			const t = s.trim();
			if (t.length > max) return fail(ctx, `must be at most ${max} characters`);
			return t;
		});
}

// Exactly the fields of the public `EmployeeChanges` (checked by `satisfies`): the input type and this schema cannot drift.
const changesShape = z.strictObject({
	firstName: rules.firstName.nullish(),
	lastName: rules.lastName.nullish(),
	/** Yields the digits. */
	phone: rules.phone.nullish(),
	email: rules.email.nullish(),
	/** Trimmed; de-duplicated and "Greeter" appended once by `finish` (as on create). */
	departments: z.array(rules.department).nullish(),
	availableSites: z.unknown().transform((v, ctx) => {
		if (v === undefined || v === null) return undefined;
		const parsed = rules.availableSites.safeParse(v);
		return parsed.success ? parsed.data : fail(ctx, parsed.error.issues[0].message);
	}),
	/** `''` clears. */
	adpEmployeeId: clearable(rules.adpEmployeeIdMaxLength),
	/** `''` clears. */
	emergencyContactName: clearable(rules.emergencyContactNameMaxLength),
	/** Digits, or `''` to clear. */
	emergencyContactPhone: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null) return undefined;
			if (s.trim() === '') return '';
			const parsed = rules.emergencyContactPhone.safeParse(s);
			return parsed.success ? parsed.data : fail(ctx, parsed.error.issues[0].message);
		}),
	posPin: rules.posPin.nullish(),
	wageRate: optional(money),
	/** Given explicitly (forces overtime eligibility). */
	overtimeWageRate: optional(money),
	/** `MM/DD/YYYY`. */
	wageEffectiveDate: optional(date),
	permission: rules.permission.nullish(),
} satisfies Record<keyof EmployeeChanges, z.ZodType>);

type ParsedChanges = z.output<typeof changesShape>;

/**
 * `changes` after validation and normalisation (only the fields given): the fields of `EmployeeChanges` with the
 * types the schema yields (texts trimmed, phones as digits, money as Decimal, the wage date as `MM/DD/YYYY`).
 */
export type ValidatedChanges = { [K in keyof ParsedChanges]?: NonNullable<ParsedChanges[K]> };

/** The field names `changes` accepts, in the order results report them. */
export const CHANGE_FIELDS = keysOf(changesShape) as Array<keyof ValidatedChanges>;

function finish(v: z.output<typeof changesShape>, requireOne: boolean): ValidatedChanges {
	const out: ValidatedChanges = {};
	for (const key of CHANGE_FIELDS) {
		const value = (v as Record<string, unknown>)[key];
		if (value !== undefined && value !== null) (out as Record<string, unknown>)[key] = value;
	}
	if (out.departments) {
		const names: string[] = [];
		for (const d of out.departments) if (!names.includes(d)) names.push(d);
		if (!names.includes(DEFAULT_DEPARTMENT)) names.push(DEFAULT_DEPARTMENT);
		out.departments = names;
	}
	if (out.wageRate === undefined) {
		if (out.overtimeWageRate !== undefined) refuse('changes.overtimeWageRate', 'requires changes.wageRate (a new wage record carries both)');
		if (out.wageEffectiveDate !== undefined) refuse('changes.wageEffectiveDate', 'requires changes.wageRate');
	} else if (out.overtimeWageRate === undefined && defaultOvertimeRate(out.wageRate).greaterThan(MAX_MONEY)) {
		refuse('changes.wageRate', 'is too large: the default overtime rate (1.5x) would exceed 999999999.99');
	}
	if (requireOne && Object.keys(out).length === 0) {
		refuse('changes', `must contain at least one change (${CHANGE_FIELDS.join(', ')})`);
	}
	return out;
}

/**
 * Validate `changes` (B.9 rules, as on create). `requireOne`: an empty set is a ValidationError (update); a
 * reactivation may come without changes. Field names in errors are `changes.<field>`.
 */
export function validateChanges(input: unknown, requireOne: boolean): ValidatedChanges {
	if (input === undefined || input === null) {
		if (requireOne) refuse('changes', `is required: at least one of ${CHANGE_FIELDS.join(', ')}`);
		return {};
	}
	try {
		return parseWith(changesShape, input, keysOf(changesShape), (v) => finish(v, requireOne));
	} catch (err) {
		throw prefixField(err);
	}
}

/** Errors name `changes.<field>`: the caller's path to the value. */
function prefixField(err: unknown): unknown {
	if (err instanceof ValidationError && !err.field.startsWith('changes')) {
		return new ValidationError(err.field === 'input' ? 'changes' : `changes.${err.field}`, err.reason);
	}
	return err;
}

/** `updateEmployee` / `reactivateEmployee` input after validation. */
export interface ValidatedEmployeeChange {
	ref: EmployeeRef;
	changes: ValidatedChanges;
	dryRun: boolean;
}

const changeInputShape = z.strictObject({ ...employeeRefFields, changes: z.unknown(), dryRun: z.boolean().nullish() });

/**
 * Validate an update (`requireChanges`: at least one change) or a reactivation (changes optional): exactly one
 * employee reference, the changes with the create rules, `dryRun` a boolean. Before any request.
 */
export function validateEmployeeChange(input: unknown, requireChanges: boolean): ValidatedEmployeeChange {
	return parseWith(changeInputShape, input, keysOf(changeInputShape), (v) => ({
		ref: pickEmployeeRef(v, input),
		changes: validateChanges(v.changes, requireChanges),
		dryRun: v.dryRun ?? false,
	}));
}
