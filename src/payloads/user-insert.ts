/** `POST /user/insert` body (protocol A.9). Pure. */
import type { Pairs } from '../html/form';

/** A Backoffice user linked to an existing (active) employee. */
export interface LinkedUserInsert {
	/** Optional discriminant. */
	mode?: 'linked';
	employeeId: number;
	email: string;
	username: string;
	password: string;
}

/** A standalone Backoffice user (not an employee of the wash). */
export interface StandaloneUserInsert {
	/** Optional discriminant. */
	mode?: 'standalone';
	firstName: string;
	lastName: string;
	email: string;
	username: string;
	password: string;
}

/**
 * The user insert body in the form's field order. Linked: `employee[isOnSiteEmployee]=1`,
 * `user[employeeId]`, `employee[email]`, `user[username]`, `user[password]`, `user[confirmPassword]`.
 * Standalone: `isOnSiteEmployee` is NOT sent at all (presence binding would read `=0` as "Yes", E.6),
 * then names, e-mail, username and the password twice.
 */
export function buildUserInsertPairs(user: LinkedUserInsert | StandaloneUserInsert): Pairs {
	const credentials: Pairs = [
		['user[username]', user.username],
		['user[password]', user.password],
		['user[confirmPassword]', user.password],
	];
	if (user.mode === 'linked' || (user.mode === undefined && 'employeeId' in user)) {
		const linked = user as LinkedUserInsert;
		return [
			['employee[isOnSiteEmployee]', '1'],
			['user[employeeId]', String(linked.employeeId)],
			['employee[email]', linked.email],
			...credentials,
		];
	}
	const standalone = user as StandaloneUserInsert;
	return [
		['employee[firstName]', standalone.firstName],
		['employee[lastName]', standalone.lastName],
		['employee[email]', standalone.email],
		...credentials,
	];
}
