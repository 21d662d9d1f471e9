/** Input validation (zod) of the read surface: getEmployee, searchEmployees, findEmployee. Runs before any request. */
import { z } from 'zod/v4';
import type { EmployeeInclude, EmployeeStatusFilter } from './employee';
import { employeeRefFields, pickEmployeeRef, type EmployeeRef } from './employee-ref';
import { fail, keysOf, optionalText, parseWith, posUserId, requiredText } from './validation';

/** The pages `getEmployee` reads by default. */
export const DEFAULT_EMPLOYEE_INCLUDE: readonly EmployeeInclude[] = ['compensation', 'permissions'];

const include = z
	.array(z.enum(['compensation', 'permissions']))
	.nullish()
	.transform((v): EmployeeInclude[] => (v === undefined || v === null ? [...DEFAULT_EMPLOYEE_INCLUDE] : [...new Set(v)]));

const getShape = z.strictObject({ ...employeeRefFields, include });

/** `getEmployee` input after validation. */
export interface ValidatedGetEmployee {
	ref: EmployeeRef;
	include: EmployeeInclude[];
}

/** Validate `getEmployee` input: exactly one employee key, `include` a list of `compensation` / `permissions`. */
export function validateGetEmployee(input: unknown): ValidatedGetEmployee {
	return parseWith(getShape, input, keysOf(getShape), (v) => ({ ref: pickEmployeeRef(v, input), include: v.include }));
}

const status = z
	.enum(['active', 'inactive', 'all'])
	.nullish()
	.transform((v): EmployeeStatusFilter => v ?? 'active');

const searchShape = z.strictObject({
	firstName: optionalText(50),
	lastName: optionalText(100),
	posUserId: posUserId.nullish().transform((v) => v ?? undefined),
	active: status,
	limit: z
		.number()
		.int()
		.positive()
		.max(10000)
		.nullish()
		.transform((v) => v ?? 10000),
});

/** `searchEmployees` input after validation (names trimmed, blank = absent). */
export type ValidatedSearchEmployees = z.output<typeof searchShape>;

/** Validate `searchEmployees` input: optional name prefixes, exact POS id, status, limit 1-10000. */
export function validateSearchEmployees(input: unknown): ValidatedSearchEmployees {
	return parseWith(searchShape, input ?? {}, keysOf(searchShape));
}

const findShape = z.strictObject({
	firstName: requiredText(50),
	lastName: requiredText(100),
	phone: z
		.string()
		.nullish()
		.transform((s, ctx) => {
			if (s === undefined || s === null || s.trim() === '') return undefined;
			const digits = s.replace(/\D/g, '');
			if (digits.length < 9 || digits.length > 15) return fail(ctx, 'must contain 9 to 15 digits');
			return digits;
		}),
	active: status,
});

/** `findEmployee` input after validation (names trimmed, phone as digits). */
export type ValidatedFindEmployee = z.output<typeof findShape>;

/** Validate `findEmployee` input: first and last name required, phone optional. */
export function validateFindEmployee(input: unknown): ValidatedFindEmployee {
	return parseWith(findShape, input, keysOf(findShape));
}
