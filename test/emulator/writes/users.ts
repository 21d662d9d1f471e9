import { positiveInt } from '../form';
import { resolveSites } from '../sites';
import type { BoUserRecord } from '../types';
import { fail, ok, postedEmployee, type WriteContext, type WriteOutcome } from './common';
import { DUPLICATE_MESSAGES } from './employee';

/** Flash for linking a BO user to an inactive employee; the captured substring is exact (A.9), the prefix assumed. */
export const INACTIVE_EMPLOYEE_MESSAGE =
	'Unable to create the user, please make sure that the related employee is active and try again.';

export const SITES_REQUIRED_MESSAGE = 'Accessible Sites requires no less than 1 valid selection.';

/**
 * `POST /user/insert` (A.9). Linked mode when `employee[isOnSiteEmployee]` is present (presence binding: `=0` also
 * means linked, A.0/E.6), standalone otherwise. Success 302 `/user/permissions/<id>?userIsNew=1`; failures 302
 * `/user/create?actionXfer=…` with an error flash. New users start with no sites, no template, no tokens (A.10).
 */
export function userInsert(ctx: WriteContext): WriteOutcome {
	const f = ctx.form;
	const state = ctx.state;
	const linked = f.has('employee[isOnSiteEmployee]');
	let employeeId: number | null = null;
	let firstName = '';
	let lastName = '';
	if (linked) {
		const e = postedEmployee(ctx, 'user[employeeId]');
		if (!e) return fail('/user/create', 'Please select a valid Employee.');
		if (!e.isActive) return fail('/user/create', INACTIVE_EMPLOYEE_MESSAGE);
		if (state.findUserByEmployeeId(e.id)) return fail('/user/create', 'That employee already has a Back Office user.');
		employeeId = e.id;
		firstName = e.firstName;
		lastName = e.lastName;
	} else {
		firstName = f.text('employee[firstName]');
		lastName = f.text('employee[lastName]');
		if (!firstName) return fail('/user/create', 'Please enter a valid First Name.');
		if (!lastName) return fail('/user/create', 'Please enter a valid Last Name.');
	}
	const email = f.text('employee[email]');
	if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return fail('/user/create', 'Please enter a valid Email.');
	const username = f.text('user[username]');
	if (!/^[A-Za-z]\w{2,63}$/.test(username)) return fail('/user/create', 'Please enter a valid Username.');
	const password = f.get('user[password]') ?? '';
	if (!password) return fail('/user/create', 'Please enter a valid Password.');
	if (password !== (f.get('user[confirmPassword]') ?? '')) return fail('/user/create', 'The passwords do not match.');
	if (state.usernameTaken(username)) return fail('/user/create', DUPLICATE_MESSAGES.username);
	if (state.emailTaken(email, { employeeId: employeeId ?? undefined })) return fail('/user/create', DUPLICATE_MESSAGES.email);
	const u: BoUserRecord = {
		id: state.nextUserId++,
		username,
		password,
		email,
		employeeId,
		firstName,
		lastName,
		isActive: true,
		templateId: null,
		tokens: [],
		siteIds: [],
	};
	state.users.push(u);
	// ASSUMPTION: the wording of the creation flash was never captured.
	return ok(`/user/permissions/${u.id}?userIsNew=1`, `${username} has been created successfully! Please setup their permissions.`);
}

/**
 * `POST /user/permissions/update` (A.10). No accessible site => 302 `/user/permissions/<id>?userIsNew=<posted>&actionXfer=…`
 * with the captured flash, nothing changes. Success 302 `/user`. Without any `perms[i][token]` the token set is kept.
 */
export function userPermissionsUpdate(ctx: WriteContext, requirePageLoad: boolean): WriteOutcome {
	const f = ctx.form;
	const id = positiveInt(f.get('userId'));
	const u = id === null ? undefined : ctx.state.getUser(id);
	if (!u || (requirePageLoad && !ctx.visited.has(`/user/permissions/${u.id}`))) return fail('/user', 'Unable to locate user');
	const siteIds = resolveSites(f, ctx.state, '');
	if (siteIds.length === 0) {
		return fail(`/user/permissions/${u.id}`, SITES_REQUIRED_MESSAGE, `userIsNew=${encodeURIComponent(f.get('userIsNew') ?? '')}&`);
	}
	u.siteIds = siteIds;
	const tpl = positiveInt(f.get('template'));
	if (tpl !== null && ctx.state.tenant.boTemplates.some((t) => t.id === tpl)) u.templateId = tpl;
	const indexes = f.captures(/^perms\[(\d+)\]\[token\]$/);
	if (indexes.length > 0) {
		const known = new Set(ctx.state.tenant.boTokens);
		u.tokens = indexes
			.filter((i) => f.has(`perms[${i}][isEnabled]`))
			.map((i) => f.get(`perms[${i}][token]`) ?? '')
			.filter((t) => known.has(t));
	}
	return ok('/user');
}
