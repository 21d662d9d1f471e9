/** Finding the employee an operation acts on: by POS user ID (live search) or e-mail (the index), and its edit page. */
import { NotFoundError, UnexpectedPageError } from '../errors';
import { quote } from '../models/input-limits';
import { parseEditPage, type EditPage } from '../pages/employee-edit';
import { buildRosterPath, parseRoster } from '../pages/employee-list';
import type { OperationContext } from './context';

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
	throw new NotFoundError('employee', `no employee found with email=${quote(email)}`, email);
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
	if (!hit) throw new NotFoundError('employee', `no employee found with email=${quote(email)}`, email);
	return hit.employeeId;
}

/** Live, targeted roster search for one POS user id, inactive employees included (protocol B.3). */
export async function findByPosUserId(ctx: OperationContext, posUserId: number) {
	const res = await ctx.session.get(buildRosterPath({ posUserId, active: 'all' }));
	// Exact comparison: correct even if a tenant ignored the filter (protocol B.3).
	return parseRoster(res.body, res.path).find((r) => r.posUserId === posUserId);
}
