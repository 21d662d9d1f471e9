/** Validation of `createBackofficeUser` input (protocol B.8, B.9): linked xor standalone. */
import { z } from 'zod/v4';
import type { CreateBackofficeUserInput } from './api';
import { email, INPUT_LIMITS, keysOf, optional, optionalText, parseWith, password, permissionName, posUserId, refuse, siteNames, username } from './validation';

/** `createBackofficeUser` input after validation: names and e-mails trimmed, `availableSites` defaulted. */
export interface ValidatedCreateBackofficeUser extends Omit<CreateBackofficeUserInput, 'availableSites'> {
	/** `linked` (one link key) or `standalone` (first and last name). */
	mode: 'linked' | 'standalone';
	/** Default `'all'`. */
	availableSites: string[] | 'all';
}

const boShape = z.strictObject({
	username,
	email,
	permission: permissionName,
	password: password.nullish(),
	linkToEmployeePosUserId: posUserId.nullish(),
	linkToEmployeeEmail: optional(email),
	firstName: optionalText(INPUT_LIMITS.firstName),
	lastName: optionalText(INPUT_LIMITS.lastName),
	availableSites: optional(siteNames),
});

function finishBackofficeUser(v: z.output<typeof boShape>): ValidatedCreateBackofficeUser {
	const linkPos = v.linkToEmployeePosUserId !== undefined && v.linkToEmployeePosUserId !== null;
	const linkEmail = v.linkToEmployeeEmail !== undefined && v.linkToEmployeeEmail !== null;
	const named = v.firstName !== undefined || v.lastName !== undefined;
	const issue = refuse;
	if ((linkPos || linkEmail) && named) {
		return issue(
			linkPos ? 'linkToEmployeePosUserId' : 'linkToEmployeeEmail',
			'provide either linkToEmployeePosUserId / linkToEmployeeEmail or firstName+lastName, not both',
		);
	}
	if (linkPos && linkEmail) return issue('linkToEmployeeEmail', 'provide only one of linkToEmployeePosUserId or linkToEmployeeEmail');
	if (!linkPos && !linkEmail && !named) {
		return issue('linkToEmployeePosUserId', 'provide linkToEmployeePosUserId / linkToEmployeeEmail or firstName+lastName');
	}
	if (!linkPos && !linkEmail) {
		if (v.firstName === undefined) return issue('firstName', 'is required for a standalone user (firstName and lastName)');
		if (v.lastName === undefined) return issue('lastName', 'is required for a standalone user (firstName and lastName)');
	}
	const out: ValidatedCreateBackofficeUser = {
		mode: linkPos || linkEmail ? 'linked' : 'standalone',
		username: v.username,
		email: v.email,
		permission: v.permission,
		availableSites: v.availableSites ?? 'all',
	};
	if (v.password !== undefined && v.password !== null) out.password = v.password;
	if (linkPos) out.linkToEmployeePosUserId = v.linkToEmployeePosUserId as number;
	if (linkEmail) out.linkToEmployeeEmail = v.linkToEmployeeEmail as string;
	if (out.mode === 'standalone') {
		out.firstName = v.firstName;
		out.lastName = v.lastName;
	}
	return out;
}

/** Validate `createBackofficeUser` input: linked xor standalone (B.8, B.9). */
export function validateCreateBackofficeUser(input: unknown): ValidatedCreateBackofficeUser {
	return parseWith(boShape, input, keysOf(boShape), finishBackofficeUser);
}
