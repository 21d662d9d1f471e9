/** Reading Backoffice users: the list (`/user`), one user by id, username or linked employee, with its access. */
import { NotFoundError, UnexpectedPageError } from '../errors';
import type { BackofficeUser, BackofficeUserSummary, GetBackofficeUserInput } from '../models/api';
import { validateUserRef, type ValidatedUserRef } from '../models/backoffice-access-schema';
import { parseUserRows, type UserRow } from '../pages/user-list';
import { readBoPermissionsPage, siteNamesOfPage, templateNameOf } from './backoffice-access';
import type { OperationContext } from './context';
import { ALL_USERS_PATH } from './create-backoffice-user';
import { resolveEmployee } from './employee-lookup';

/** Every Backoffice user of `/user` (inactive included), columns read defensively (UnexpectedPageError otherwise). */
export async function listBackofficeUsers(ctx: OperationContext): Promise<BackofficeUserSummary[]> {
	return (await loadUserRows(ctx)).map(summary);
}

async function loadUserRows(ctx: OperationContext): Promise<UserRow[]> {
	const res = await ctx.session.get(ALL_USERS_PATH);
	return parseUserRows(res.body, '/user');
}

function summary(r: UserRow): BackofficeUserSummary {
	const out: BackofficeUserSummary = {
		userId: r.userId,
		username: r.username,
		email: r.email,
		firstName: r.firstName,
		lastName: r.lastName,
		isActive: r.isActive,
	};
	if (r.linkedEmployeeId !== undefined) out.linkedEmployeeId = r.linkedEmployeeId;
	return out;
}

/**
 * The user a reference names. By `userId` nothing is read unless `needRow` (its list row: e-mail and names); by
 * `username` or `employee` the list is read once. NotFoundError when no user matches.
 */
export async function findBackofficeUser(ctx: OperationContext, ref: ValidatedUserRef, needRow: boolean): Promise<{ userId: number; row?: UserRow }> {
	if ('userId' in ref && !needRow) return { userId: ref.userId };
	const employeeId = 'employee' in ref ? (await resolveEmployee(ctx, ref.employee)).employeeId : undefined;
	const rows = await loadUserRows(ctx);
	let row: UserRow | undefined;
	let what: string;
	if ('userId' in ref) {
		row = rows.find((r) => r.userId === ref.userId);
		what = `userId=${ref.userId}`;
	} else if ('username' in ref) {
		row = rows.find((r) => r.username.toLowerCase() === ref.username.toLowerCase());
		what = `username=${ref.username}`;
	} else {
		if (rows.length > 0 && rows.every((r) => r.linkedEmployeeId === undefined)) {
			throw new UnexpectedPageError('/user', 'a Backoffice user list that does not show linked employees');
		}
		row = rows.find((r) => r.linkedEmployeeId === employeeId);
		what = `a link to employee ${employeeId}`;
	}
	if (!row) throw new NotFoundError('backofficeUser', `no Backoffice user found with ${what}`, what);
	return { userId: row.userId, row };
}

/** One Backoffice user with its template (by token set), tokens and accessible sites. */
export async function getBackofficeUser(ctx: OperationContext, input: GetBackofficeUserInput): Promise<BackofficeUser> {
	const ref = validateUserRef(input);
	const { userId, row } = await findBackofficeUser(ctx, ref, true);
	const page = await readBoPermissionsPage(ctx, userId);
	const r = row as UserRow;
	return {
		userId,
		username: r.username,
		email: r.email,
		firstName: r.firstName,
		lastName: r.lastName,
		linkedEmployeeId: r.linkedEmployeeId ?? null,
		templateName: templateNameOf(page),
		tokens: [...page.enabledTokens],
		availableSites: siteNamesOfPage(page),
	};
}
