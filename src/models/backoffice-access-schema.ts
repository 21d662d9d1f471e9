/** Validation of the Backoffice user access operations: the user reference, get and update input (A.10). */
import { z } from 'zod/v4';
import { employeeRefFields, pickEmployeeRef, type EmployeeRef } from './employee-ref';
import { keysOf, optional, parseWith, permissionName, refuse, siteNames, username } from './validation';

/** A validated user reference: exactly one key. */
export type ValidatedUserRef = { userId: number } | { username: string } | { employee: EmployeeRef };

/** `updateBackofficeUserAccess` input after validation. */
export type ValidatedUpdateAccess = ValidatedUserRef & {
	permission?: string;
	availableSites?: string[] | 'all';
	dryRun: boolean;
};

const employeeShape = z.strictObject(employeeRefFields);

const refShape = {
	userId: z.number().int().positive().nullish(),
	username: optional(username),
	employee: employeeShape.nullish(),
};

const getShape = z.strictObject(refShape);
const updateShape = z.strictObject({
	...refShape,
	permission: optional(permissionName),
	availableSites: siteNames.optional(),
	dryRun: z.boolean().nullish(),
});

function finishRef(v: z.output<typeof getShape>): ValidatedUserRef {
	const given = (['userId', 'username', 'employee'] as const).filter((k) => v[k] !== undefined && v[k] !== null);
	if (given.length !== 1) {
		refuse('userId', `exactly one of userId, username or employee is required (got ${given.length === 0 ? 'none' : given.join(' and ')})`);
	}
	if (v.userId !== undefined && v.userId !== null) return { userId: v.userId };
	if (v.username !== undefined) return { username: v.username };
	try {
		return { employee: pickEmployeeRef(v.employee as z.output<typeof employeeShape>) };
	} catch (err) {
		// Name the field inside `employee` (e.g. `employee.posUserId / employee.email / employee.employeeId`).
		const field = (err as { field?: string }).field ?? 'posUserId';
		return refuse(field.split(' / ').map((f) => `employee.${f}`).join(' / '), (err as { reason?: string }).reason ?? String(err));
	}
}

/** Validate `getBackofficeUser` input: exactly one of `userId`, `username`, `employee` (itself exactly one key). */
export function validateUserRef(input: unknown): ValidatedUserRef {
	return parseWith(getShape, input, keysOf(getShape), finishRef);
}

/** Validate `updateBackofficeUserAccess` input: a user reference plus `permission` and/or `availableSites`. */
export function validateUpdateAccess(input: unknown): ValidatedUpdateAccess {
	return parseWith(updateShape, input, keysOf(updateShape), (v) => {
		const ref = finishRef({ userId: v.userId, username: v.username, employee: v.employee });
		if (v.permission === undefined && v.availableSites === undefined) {
			refuse('permission', 'give permission and/or availableSites: there is nothing to change');
		}
		const out: ValidatedUpdateAccess = { ...ref, dryRun: v.dryRun ?? false };
		if (v.permission !== undefined) out.permission = v.permission;
		if (v.availableSites !== undefined) out.availableSites = v.availableSites;
		return out;
	});
}
