/**
 * Finding the employee an operation acts on, from an EmployeeRef: one `resolveEmployee` (by POS user ID a live
 * roster search, by e-mail the `/user/create` e-mail map, by internal id nothing to look up) and `findEditPage`,
 * which adds the edit page and confirms it is the person referred to. Every one-employee operation starts here.
 */
import { BackofficeServerError, NotFoundError, UnexpectedPageError } from '../errors';
import { describeRef, type EmployeeRef } from '../models/employee-ref';
import { quote } from '../models/input-limits';
import { parseEditPage, type EditPage } from '../pages/employee-edit';
import { buildRosterPath, parseRoster, type RosterActiveFilter } from '../pages/employee-list';
import type { OperationContext } from './context';

/** Options of a lookup. */
export interface LookupOptions {
	/** Whether an inactive employee is a match (default true: reads, disable, reactivate want them). */
	includeInactive?: boolean;
}

/** The employee a reference resolved to. `isActive` is known only when the lookup saw it (roster row). */
export interface ResolvedEmployee {
	employeeId: number;
	posUserId?: number | null;
	isActive?: boolean;
}

/**
 * Resolves a reference to the internal employee id. By POS user ID: one targeted roster search, inactive
 * employees included, then the inactive check of `includeInactive`. By e-mail: the `/user/create` e-mail map
 * (loaded once per client, refreshed once on a miss when it was loaded earlier); that list leaves inactive
 * employees out (protocol E.7), so a miss says so and suggests the POS user ID. By employee id: no request.
 */
export async function resolveEmployee(ctx: OperationContext, ref: EmployeeRef, options: LookupOptions = {}): Promise<ResolvedEmployee> {
	const includeInactive = options.includeInactive ?? true;
	if ('employeeId' in ref) return { employeeId: ref.employeeId };
	if ('posUserId' in ref) {
		const row = await findByPosUserId(ctx, ref.posUserId);
		if (!row) throw notFound(ref);
		if (!row.isActive && !includeInactive) throw notFound(ref, `employee ${row.employeeId} with posUserId=${ref.posUserId} is inactive`);
		return { employeeId: row.employeeId, posUserId: row.posUserId, isActive: row.isActive };
	}
	const index = ctx.caches.index;
	const wasLoaded = index.hasEmails;
	await index.loadEmails(ctx.session);
	let hit = index.byEmail(ref.email);
	// A map loaded earlier may predate the employee (created elsewhere): refresh it once before giving up.
	if (!hit && wasLoaded) {
		await index.loadEmails(ctx.session, true);
		hit = index.byEmail(ref.email);
	}
	if (!hit) throw notFoundByEmail(ref.email, includeInactive);
	return { employeeId: hit.employeeId, ...(hit.posUserId !== undefined ? { posUserId: hit.posUserId } : {}) };
}

/**
 * The edit page of the employee referred to. Found by e-mail, the page must show that e-mail: the map may have
 * been read before the address moved to another employee, and acting on the old holder would change the wrong
 * person; a mismatch refreshes the map once, still no match is NotFoundError. With `includeInactive: false` an
 * inactive employee is NotFoundError.
 */
export async function findEditPage(ctx: OperationContext, ref: EmployeeRef, options: LookupOptions = {}): Promise<EditPage> {
	const includeInactive = options.includeInactive ?? true;
	const { employeeId } = await resolveEmployee(ctx, ref, options);
	let page = await readEditPage(ctx, employeeId);
	if ('email' in ref && !sameEmail(page.email, ref.email)) page = await confirmEmailHolder(ctx, ref.email, employeeId, includeInactive);
	if (!includeInactive && !page.isActive) throw notFound(ref, `employee ${page.employeeId} (${describeRef(ref)}) is inactive`);
	return page;
}

async function confirmEmailHolder(ctx: OperationContext, email: string, staleId: number, includeInactive: boolean): Promise<EditPage> {
	await ctx.caches.index.loadEmails(ctx.session, true);
	const hit = ctx.caches.index.byEmail(email);
	if (hit && hit.employeeId !== staleId) {
		const other = await readEditPage(ctx, hit.employeeId);
		if (sameEmail(other.email, email)) return other;
	}
	throw notFoundByEmail(email, includeInactive);
}

/** The edit page of one employee; a page about another employee is UnexpectedPageError, never read as this one's. */
export async function readEditPage(ctx: OperationContext, employeeId: number): Promise<EditPage> {
	const path = `/employee/edit/${employeeId}`;
	const page = parseEditPage(await getEmployeePage(ctx, path, employeeId), path);
	if (page.employeeId !== employeeId) throw new UnexpectedPageError(path, `the edit page of employee ${page.employeeId}`);
	return page;
}

/**
 * GET one of an employee's pages (edit, compensation, permissions). HTTP 404 is NotFoundError: an unknown internal
 * id (ASSUMPTION: the emulator answers 404; what the real server does for one was never captured, and any other
 * answer is an UnexpectedPageError from the page parser).
 */
export async function getEmployeePage(ctx: OperationContext, path: string, employeeId: number): Promise<string> {
	try {
		return (await ctx.session.get(path)).body;
	} catch (err) {
		if (err instanceof BackofficeServerError && err.status === 404) throw notFound({ employeeId });
		throw err;
	}
}

/** Live, targeted roster search for one POS user id, inactive employees included by default (protocol B.3). */
export async function findByPosUserId(ctx: OperationContext, posUserId: number, active: RosterActiveFilter = 'all') {
	const res = await ctx.session.get(buildRosterPath({ posUserId, active }));
	// Exact comparison: correct even if a tenant ignored the filter (protocol B.3).
	return parseRoster(res.body, res.path).find((r) => r.posUserId === posUserId);
}

function sameEmail(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function notFound(ref: EmployeeRef, message = `no employee found with ${describeRef(ref)}`): NotFoundError {
	const key = 'posUserId' in ref ? String(ref.posUserId) : 'email' in ref ? ref.email : String(ref.employeeId);
	return new NotFoundError('employee', message, key);
}

function notFoundByEmail(email: string, includeInactive: boolean): NotFoundError {
	const hint = includeInactive
		? ": Backoffice's e-mail list (/user/create) leaves inactive employees out, so an inactive employee cannot be found by e-mail; use the POS user ID instead"
		: '';
	return notFound({ email }, `no ${includeInactive ? '' : 'active '}employee found with email=${quote(email)}${hint}`);
}
