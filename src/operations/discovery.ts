import { NotFoundError, ValidationError } from '../errors';
import { quote } from '../models/input-limits';
import type { Department, Permission, PermissionScope, Site } from '../models/api';
import { parseCreatePage } from '../pages/employee-create';
import { buildRosterPath, parseRoster } from '../pages/employee-list';
import { parsePosPermissionsPage } from '../pages/employee-permissions';
import { parseBoPermissionsPage } from '../pages/user-permissions';
import { parseUserList } from '../pages/user-list';
import type { CreatePageModel, OperationContext, PosTemplateCache } from './context';

/** The create page (site tree + departments): ONE cached GET shared by sites and departments (protocol A.3). */
export async function loadCreatePage(ctx: OperationContext, refresh = false): Promise<CreatePageModel> {
	if (ctx.caches.createPage && !refresh) return ctx.caches.createPage;
	return ctx.caches.flights.run('createPage', async () => {
		const res = await ctx.session.get('/employee/create');
		ctx.caches.createPage = parseCreatePage(res.body, res.path);
		return ctx.caches.createPage;
	});
}

/** Every site the bot user can see. */
export async function listSites(ctx: OperationContext, refresh = false): Promise<Site[]> {
	const page = await loadCreatePage(ctx, refresh);
	return page.sites.map((s) => ({ ...s }));
}

/** Every department option of the create form. */
export async function listDepartments(ctx: OperationContext, refresh = false): Promise<Department[]> {
	const page = await loadCreatePage(ctx, refresh);
	return page.departments.map((d) => ({ id: d.id, name: d.name }));
}

/**
 * POS templates and the permission schema, read from the permissions page of any existing employee:
 * one already known to the index, else the first row of a one-row roster page (never the full roster).
 */
export async function loadPosTemplates(ctx: OperationContext, refresh = false): Promise<PosTemplateCache> {
	if (ctx.caches.posTemplates && !refresh) return ctx.caches.posTemplates;
	return ctx.caches.flights.run('posTemplates', () => fetchPosTemplates(ctx));
}

async function fetchPosTemplates(ctx: OperationContext): Promise<PosTemplateCache> {
	let employeeId = ctx.caches.index.anyEmployeeId();
	if (employeeId === undefined) {
		const res = await ctx.session.get(buildRosterPath({ active: 'all', limit: 1 }));
		employeeId = parseRoster(res.body, res.path)[0]?.employeeId;
	}
	if (employeeId === undefined) {
		throw new NotFoundError('permission', 'no employee exists on the tenant to read POS permission templates from');
	}
	const res = await ctx.session.get(`/employee/permissions/${employeeId}`);
	const page = parsePosPermissionsPage(res.body, res.path);
	ctx.caches.posTemplates = { templates: page.templates, schema: page.schema };
	return ctx.caches.posTemplates;
}

/** Backoffice templates, read from the permissions page of the first BO user on `/user`. */
export async function loadBoTemplates(ctx: OperationContext, refresh = false): Promise<Permission[]> {
	if (ctx.caches.boTemplates && !refresh) return ctx.caches.boTemplates;
	return ctx.caches.flights.run('boTemplates', () => fetchBoTemplates(ctx));
}

async function fetchBoTemplates(ctx: OperationContext): Promise<Permission[]> {
	const list = await ctx.session.get('/user');
	const first = parseUserList(list.body, list.path).users[0];
	if (!first) throw new NotFoundError('permission', 'no Backoffice user exists to read Backoffice templates from');
	const res = await ctx.session.get(`/user/permissions/${first.userId}`);
	const page = parseBoPermissionsPage(res.body, res.path);
	ctx.caches.boTemplates = page.templates.map((t) => ({
		id: t.id,
		name: t.name,
		scope: 'backoffice' as const,
		grants: [],
		overrides: [],
		tokens: [...t.tokens],
	}));
	return ctx.caches.boTemplates;
}

/** The permission templates of one scope. */
export async function listPermissions(ctx: OperationContext, scope: PermissionScope, refresh = false): Promise<Permission[]> {
	if (scope === 'backoffice') return (await loadBoTemplates(ctx, refresh)).map((p) => ({ ...p, tokens: [...p.tokens] }));
	const cache = await loadPosTemplates(ctx, refresh);
	return cache.templates.map((t) => ({
		id: t.id,
		name: t.name,
		scope: 'pos' as const,
		grants: [...t.grants].sort((a, b) => a - b),
		overrides: [...t.overrides].sort((a, b) => a - b),
		tokens: [],
	}));
}

/** The fallback template of the seeds' contract. */
export const FALLBACK_TEMPLATE = 'General User';

/**
 * Resolves a template name case-insensitively. Unknown names fall back to "General User" with a warning
 * (the seeds' documented behaviour) unless `onUnknownPermission` is `error`, or the fallback is missing too.
 */
export function resolveTemplate<T extends { name: string }>(
	templates: readonly T[],
	requested: string,
	onUnknown: 'fallback' | 'error',
	scope: PermissionScope,
): { template: T; warnings: string[] } {
	const key = requested.trim().toLowerCase();
	const exact = templates.find((t) => t.name.trim().toLowerCase() === key);
	if (exact) return { template: exact, warnings: [] };
	const available = templates.map((t) => t.name).join(', ');
	const fallback = templates.find((t) => t.name.trim().toLowerCase() === FALLBACK_TEMPLATE.toLowerCase());
	if (onUnknown === 'error' || !fallback) {
		throw new NotFoundError(
			'permission',
			`${scope === 'pos' ? 'POS' : 'Backoffice'} permission template '${quote(requested)}' not found. Available templates: ${available}`,
			requested,
		);
	}
	return {
		template: fallback,
		warnings: [`permission '${quote(requested)}' not found in tenant, falling back to '${FALLBACK_TEMPLATE}'`],
	};
}

/**
 * Department names to ids (exact, else case-insensitive); an unknown name is refused naming it (`<field>.<i>`) rather
 * than silently dropped.
 */
export function resolveDepartments(available: ReadonlyArray<{ id: number; name: string }>, names: readonly string[], field = 'departments'): number[] {
	return names.map((name, i) => {
		const d = available.find((x) => x.name === name) ?? available.find((x) => x.name.toLowerCase() === name.toLowerCase());
		if (!d) {
			throw new ValidationError(`${field}.${i}`, `unknown department '${quote(name)}'; available: ${available.map((x) => x.name).join(', ')}`);
		}
		return d.id;
	});
}
