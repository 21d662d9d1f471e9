import { DuplicateError } from '../errors';
import { generatePassword } from '../generators';
import type { BackofficeUserCreated, CreateBackofficeUserInput, Permission } from '../models/api';
import { validateCreateBackofficeUser } from '../models/schemas';
import { parseUserList } from '../pages/user-list';
import { resolveSiteNames } from '../payloads/site-availability';
import { buildUserInsertPairs } from '../payloads/user-insert';
import { applyAccessAfterInsert } from './backoffice-access';
import type { OperationContext } from './context';
import { loadBoTemplates, loadCreatePage, resolveTemplate } from './discovery';
import { findEditPage, resolveEmployee } from './employee-lookup';
import { reconcileLostCreate } from './reconcile';
import { idFromLocation, isAmbiguousFailure, rejectionFromResponse } from './write-outcome';

const USER_ID_IN_LOCATION = /^\/user\/(permissions|edit)\/(\d+)$/;

/** Every Backoffice user, inactive included (their usernames stay taken). */
export const ALL_USERS_PATH = '/user?limit=10000&active=all';

/**
 * The Backoffice users whose username is `username` (case-insensitive), or undefined when the list does
 * not show usernames (then only the server's duplicate flash can tell).
 */
export async function findUserByUsername(
	ctx: OperationContext,
	username: string,
): Promise<{ userId: number } | null | undefined> {
	const users = parseUserList((await ctx.session.get(ALL_USERS_PATH)).body, ALL_USERS_PATH).users;
	if (users.length > 0 && users.every((u) => u.username === undefined)) return undefined;
	return users.find((u) => u.username?.toLowerCase() === username.toLowerCase()) ?? null;
}

/**
 * Pre-flight of every `/user/insert`: a taken username fails with DuplicateError before anything is written.
 * It also makes the reconciliation after a lost insert response sound: a user found by that username
 * afterwards can only be the one just created.
 */
export async function assertUsernameFree(ctx: OperationContext, username: string): Promise<void> {
	const taken = await findUserByUsername(ctx, username);
	if (taken) throw new DuplicateError('username', username, `username=${username} is already taken by Backoffice user ${taken.userId}`);
}

/**
 * Creates a Backoffice user, standalone or linked to an existing employee (protocol A.9), then applies its template
 * and accessible sites (A.10) and reads them back. Template and site names are checked before the insert.
 */
export async function createBackofficeUser(
	ctx: OperationContext,
	input: CreateBackofficeUserInput,
): Promise<BackofficeUserCreated> {
	const v = validateCreateBackofficeUser(input);
	const warnings: string[] = [];
	const template = await resolveBoTemplate(ctx, v.permission, warnings);
	await checkSiteNames(ctx, v.availableSites);
	const employeeId = await linkedEmployeeId(ctx, v.linkToEmployeePosUserId, v.linkToEmployeeEmail);
	const release = ctx.caches.index.claim({ username: v.username });
	try {
		await assertUsernameFree(ctx, v.username);
		return await insertUser(ctx, v, employeeId, template, warnings);
	} finally {
		release();
	}
}

/** A Backoffice template by name (cached list); unknown names follow `onUnknownPermission`. */
export async function resolveBoTemplate(ctx: OperationContext, name: string, warnings: string[]): Promise<Permission> {
	const resolved = resolveTemplate(await loadBoTemplates(ctx), name, ctx.onUnknownPermission, 'backoffice');
	warnings.push(...resolved.warnings);
	return resolved.template;
}

/** Unknown site names fail before the insert (the cached create page lists the tenant's sites). */
export async function checkSiteNames(ctx: OperationContext, names: readonly string[] | 'all'): Promise<void> {
	if (names !== 'all') resolveSiteNames(await loadCreatePage(ctx), names);
}

/**
 * The employee to link: by POS id a live search; by e-mail the `/user/create` map. A map read before this call
 * may be stale (the address moved to another employee since): then the edit page confirms the holder (one GET),
 * so the account is never linked to the wrong person.
 */
async function linkedEmployeeId(ctx: OperationContext, posUserId?: number, email?: string): Promise<number | undefined> {
	if (posUserId !== undefined) return (await resolveEmployee(ctx, { posUserId })).employeeId;
	if (email === undefined) return undefined;
	if (!ctx.caches.index.hasEmails) return (await resolveEmployee(ctx, { email })).employeeId;
	return (await findEditPage(ctx, { email })).employeeId;
}

async function insertUser(
	ctx: OperationContext,
	v: ReturnType<typeof validateCreateBackofficeUser>,
	employeeId: number | undefined,
	template: Permission,
	warnings: string[],
): Promise<BackofficeUserCreated> {
	const password = v.password ?? generatePassword();
	const pairs = buildUserInsertPairs(
		employeeId !== undefined
			? { employeeId, email: v.email, username: v.username, password }
			: { firstName: v.firstName ?? '', lastName: v.lastName ?? '', email: v.email, username: v.username, password },
	);
	const userId = await postUserInsert(ctx, pairs, v.username, v.email, warnings);
	const applied = await applyAccessAfterInsert(ctx, userId, { template, siteNames: v.availableSites });
	warnings.push(...applied.warnings);
	return {
		userId,
		username: v.username,
		password,
		email: v.email,
		...(employeeId !== undefined ? { linkedEmployeeId: employeeId } : {}),
		permissionApplied: applied.permissionApplied ?? template.name,
		sitesGranted: applied.sitesGranted,
		warnings,
	};
}

/**
 * The linked-user step of `createEmployee` (`requiresBackoffice`): insert, then apply `template` (none: sites only,
 * with a warning) and `siteNames`. The caller has run {@link assertUsernameFree}.
 */
export async function createLinkedUser(
	ctx: OperationContext,
	args: { employeeId: number; username: string; password?: string; email: string; template?: Permission; siteNames: readonly string[] | 'all' },
): Promise<{ userId: number; password: string; permissionApplied: string | null; sitesGranted: string[] | 'all'; warnings: string[] }> {
	const warnings: string[] = [];
	const password = args.password ?? generatePassword();
	const pairs = buildUserInsertPairs({
		employeeId: args.employeeId,
		email: args.email,
		username: args.username,
		password,
	});
	const userId = await postUserInsert(ctx, pairs, args.username, args.email, warnings);
	const applied = await applyAccessAfterInsert(ctx, userId, { template: args.template, siteNames: args.siteNames });
	warnings.push(...applied.warnings);
	if (!args.template) {
		warnings.push(`no Backoffice template was requested (backofficePermission): Backoffice user ${userId} has its sites but no Backoffice permissions`);
	}
	return { userId, password, permissionApplied: applied.permissionApplied, sitesGranted: applied.sitesGranted, warnings };
}

/** POST /user/insert once; after an ambiguous failure look the username up on /user instead of re-sending. */
async function postUserInsert(
	ctx: OperationContext,
	pairs: Array<[string, string]>,
	username: string,
	email: string,
	warnings: string[],
): Promise<number> {
	let failure: unknown;
	try {
		const res = await ctx.session.post('/user/insert', pairs);
		const id = idFromLocation(res.location, USER_ID_IN_LOCATION);
		if (id !== undefined) return id;
		failure = await rejectionFromResponse(ctx, `Backoffice user '${username}'`, res, { username, email });
	} catch (err) {
		failure = err;
	}
	if (failure instanceof DuplicateError || !isAmbiguousFailure(failure)) throw failure;
	const cause = failure as Error;
	// Sound because the username was free before the insert (assertUsernameFree): a user found now is ours.
	const userId = await reconcileLostCreate<number>(
		`creating Backoffice user '${username}'`,
		`the Backoffice user list (${ALL_USERS_PATH}) for username '${username}'`,
		cause,
		async () => {
			const found = await findUserByUsername(ctx, username);
			if (found) return { kind: 'found', value: found.userId };
			return found === undefined ? { kind: 'unclear', why: 'the user list does not show usernames' } : { kind: 'absent' };
		},
	);
	warnings.push(`the create request failed (${cause.message}) but Backoffice user ${userId} exists; it was not re-sent`);
	return userId;
}
