import { NotFoundError, UnexpectedPageError } from '../errors';
import type { DisableEmployeeInput, EmployeeDisabled } from '../models/api';
import { validateDisableEmployee } from '../models/schemas';
import { parseEditPage, type EditPage } from '../pages/employee-edit';
import type { OperationContext } from './context';
import { findByPosUserId, notAppliedError, postThenReadBack } from './write-outcome';

/**
 * Disables an employee found by POS user ID (targeted roster search) or e-mail (the `/user/create`
 * e-mail map, protocol A.9 / B.7): GET the edit form, re-post every field exactly as a browser would
 * with `employee[isActive]` omitted (presence binding, protocol A.0/A.7), then read the page back.
 * Already inactive -> nothing is posted.
 */
export async function disableEmployee(ctx: OperationContext, input: DisableEmployeeInput): Promise<EmployeeDisabled> {
	const v = validateDisableEmployee(input);
	const warnings: string[] = [];
	const before = await findEditPage(ctx, v);
	const employeeId = before.employeeId;
	const base = { employeeId, posUserId: before.posUserId ?? v.posUserId ?? 0, ...(before.email ? { email: before.email } : {}) };
	if (!before.isActive) {
		warnings.push(`employee ${employeeId} was already inactive; nothing was changed`);
		return { ...base, disabledAt: new Date(), alreadyInactive: true, warnings };
	}
	const form = before.form;
	form.remove('employee[isActive]');
	const update = {
		path: '/employee/update',
		pairs: form.pairs(),
		successPath: '/employee',
		action: `disabling employee ${employeeId}`,
		readBackPath: `/employee/edit/${employeeId}`,
		readBack: () => readEditPage(ctx, employeeId),
	};
	const { after, failure } = await postThenReadBack(ctx, update);
	if (after.isActive) {
		throw notAppliedError(
			update,
			failure,
			failure
				? `disabling employee ${employeeId} failed (${failure.message}); the employee is still active and the request was not re-sent`
				: `the disable of employee ${employeeId} was accepted but the employee is still active`,
		);
	}
	if (failure) warnings.push(`the disable request failed (${failure.message}) but reading back shows the employee inactive`);
	return { ...base, disabledAt: new Date(), alreadyInactive: false, warnings };
}

/**
 * The edit page of the employee to act on. Found by e-mail, the page must show that e-mail: the map may have
 * been read before the address moved to another employee, and acting on the old holder would disable the
 * wrong person. A mismatch refreshes the map once; still no match is NotFoundError.
 */
export async function findEditPage(ctx: OperationContext, key: { posUserId?: number; email?: string }): Promise<EditPage> {
	const employeeId = await resolveEmployeeId(ctx, key);
	const page = await readEditPage(ctx, employeeId);
	const email = key.email;
	if (email === undefined || sameEmail(page.email, email)) return page;
	await ctx.caches.index.loadEmails(ctx.session, true);
	const hit = ctx.caches.index.byEmail(email);
	if (hit && hit.employeeId !== employeeId) {
		const other = await readEditPage(ctx, hit.employeeId);
		if (sameEmail(other.email, email)) return other;
	}
	throw new NotFoundError('employee', `no employee found with email=${email}`, email);
}

/** The edit page of one employee; a page about another employee is UnexpectedPageError, never read as this one's. */
export async function readEditPage(ctx: OperationContext, employeeId: number): Promise<EditPage> {
	const path = `/employee/edit/${employeeId}`;
	const page = parseEditPage((await ctx.session.get(path)).body, path);
	if (page.employeeId !== employeeId) throw new UnexpectedPageError(path, `the edit page of employee ${page.employeeId}`);
	return page;
}

function sameEmail(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Employee id from a POS user ID (live targeted search) or an e-mail (index; refreshed once on a miss). */
export async function resolveEmployeeId(
	ctx: OperationContext,
	key: { posUserId?: number; email?: string },
): Promise<number> {
	if (key.posUserId !== undefined) {
		const row = await findByPosUserId(ctx, key.posUserId);
		if (!row) throw new NotFoundError('employee', `no employee found with posUserId=${key.posUserId}`, String(key.posUserId));
		return row.employeeId;
	}
	const email = key.email ?? '';
	const index = ctx.caches.index;
	const wasLoaded = index.hasEmails;
	await index.loadEmails(ctx.session);
	let hit = index.byEmail(email);
	// A map loaded earlier may predate the employee (created elsewhere): refresh it once before giving up.
	if (!hit && wasLoaded) {
		await index.loadEmails(ctx.session, true);
		hit = index.byEmail(email);
	}
	if (!hit) throw new NotFoundError('employee', `no employee found with email=${email}`, email);
	return hit.employeeId;
}
