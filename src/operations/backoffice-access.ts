/**
 * Applying a Backoffice user's access (protocol A.10): load `/user/permissions/<id>`, round-trip its form with the
 * chosen template tokens and sites, post once, read the page back and compare. Used by both creates and the update.
 */
import { OutcomeUnknownError, UnexpectedPageError } from '../errors';
import type { Permission } from '../models/api';
import type { PlannedRequest } from '../models/changes';
import { parseBoPermissionsPage, type BoPermissionsPage } from '../pages/user-permissions';
import { buildBoPermissionsPairs, sameSites } from '../payloads/user-permissions';
import { resolveSiteNames, siteNamesOf } from '../payloads/site-availability';
import type { OperationContext } from './context';
import { absoluteState, planOf, submitAndVerify, type FieldMismatch, type Submission } from './form-submission';
import { afterAcceptedWrite } from './write-outcome';

/** The form action of the Backoffice permissions page (A.10). */
export const BO_PERMISSIONS_UPDATE = '/user/permissions/update';

/** What to give a Backoffice user; an absent key keeps what the page shows. */
export interface BoAccessTarget {
	template?: Permission;
	sites?: number[] | 'all';
}

/**
 * The permissions page of Backoffice user `userId` (`path` may carry the `?userIsNew=1` of the insert's redirect).
 * A page about another user is UnexpectedPageError, never read as this one's.
 */
export async function readBoPermissionsPage(ctx: OperationContext, userId: number, path = `/user/permissions/${userId}`): Promise<BoPermissionsPage> {
	const page = parseBoPermissionsPage((await ctx.session.get(path)).body, path.split('?')[0]);
	if (page.userId !== userId) throw new UnexpectedPageError(path.split('?')[0], `the permissions of Backoffice user ${page.userId}`);
	return page;
}

/** Whether two token lists enable the same tokens (order and repeats ignored). */
export function sameTokens(a: readonly string[], b: readonly string[]): boolean {
	const sa = new Set(a);
	const sb = new Set(b);
	return sa.size === sb.size && [...sa].every((t) => sb.has(t));
}

/** The template whose token set equals the enabled tokens of `page`, else null. */
export function templateNameOf(page: Pick<BoPermissionsPage, 'templates' | 'enabledTokens'>): string | null {
	return page.templates.find((t) => sameTokens(t.tokens, page.enabledTokens))?.name ?? null;
}

/** Accessible sites of a page as names (sorted) or `'all'`. */
export function siteNamesOfPage(page: BoPermissionsPage): string[] | 'all' {
	return siteNamesOf(page.tree, page.availableSites);
}

/** The phase name of the access write in plans and messages. */
export const ACCESS_PHASE = 'backofficeAccess';

/** A planned access change: the changed caller fields, and the submission (its plan via `planOf`). */
export interface AccessPlan {
	/** `permission` and/or `availableSites`: what differs from the page. */
	fields: string[];
	submission: Submission<BoPermissionsPage>;
}

/** Plans `target` on `page` (consuming its form): nothing is sent. */
export function planBoAccess(ctx: OperationContext, page: BoPermissionsPage, target: BoAccessTarget): AccessPlan {
	const fields: string[] = [];
	if (target.template && !sameTokens(target.template.tokens, page.enabledTokens)) fields.push('permission');
	if (target.sites !== undefined && !sameSites(page, target.sites, page.availableSites)) fields.push('availableSites');
	const before = page.form.pairs();
	const pairs = buildBoPermissionsPairs(page, {
		...(target.template ? { templateId: target.template.id, tokens: target.template.tokens } : {}),
		...(target.sites !== undefined ? { sites: target.sites } : {}),
	});
	const userId = page.userId;
	const verify = (after: BoPermissionsPage): FieldMismatch[] => {
		const wrong: FieldMismatch[] = [];
		if (target.template && !sameTokens(after.enabledTokens, target.template.tokens)) {
			const got = templateNameOf(after) ?? `${after.enabledTokens.length} tokens matching no template`;
			wrong.push({ field: 'permission', detail: `${got} instead of '${target.template.name}'` });
		}
		if (target.sites !== undefined && !sameSites(after, target.sites, after.availableSites)) {
			const want = siteNamesOf(after.tree, target.sites);
			wrong.push({ field: 'availableSites', detail: `${JSON.stringify(siteNamesOfPage(after))} instead of ${JSON.stringify(want)}` });
		}
		return wrong;
	};
	return {
		fields,
		submission: {
			phase: ACCESS_PHASE,
			path: BO_PERMISSIONS_UPDATE,
			before,
			pairs,
			successPath: '/user',
			action: `applying Backoffice access to user ${userId}`,
			readBackPath: `/user/permissions/${userId}`,
			readBack: () => readBoPermissionsPage(ctx, userId),
			verify,
			// The whole matrix and the site controls: the same body gives the same state.
			...absoluteState(verify),
		},
	};
}

/**
 * The dry-run plan of the access step of a create: the new user's page does not exist yet, so the fields are those
 * a fresh user's page (every region denied, no token, A.10) changes for `sites` and a template.
 */
export function plannedAccessForNewUser(withTemplate: boolean, sites: readonly string[] | 'all'): PlannedRequest {
	const siteFields = sites === 'all' ? ['isAllRegionsAllowed', 'disabledRegions[]'] : ['disabledRegions[]', 'siteIds[]'];
	return { phase: ACCESS_PHASE, method: 'POST', path: BO_PERMISSIONS_UPDATE, fields: [...siteFields, ...(withTemplate ? ['template', 'perms[i][isEnabled]'] : [])] };
}

/** The dry-run plan of an access change. */
export function plannedAccessRequest(plan: AccessPlan): PlannedRequest {
	return planOf(plan.submission);
}

/**
 * POST the planned body once and read the page back: the read-back decides (A.0 "accepted but silently ignored").
 * A refusal (e.g. the "Accessible Sites requires no less than 1 valid selection." flash) throws
 * RejectedByServerError; a read-back that does not show the target throws VerificationError naming what differs.
 */
export async function applyBoAccess(ctx: OperationContext, plan: AccessPlan): Promise<{ after: BoPermissionsPage; warnings: string[] }> {
	return submitAndVerify(ctx, plan.submission);
}

/** What the read-back of a create shows. */
export interface AppliedAccess {
	permissionApplied: string | null;
	sitesGranted: string[] | 'all';
	/** An ambiguous failure of the post that the read-back proved harmless. */
	warnings: string[];
}

/**
 * The access step of a create, right after the insert: load the page the insert redirects to, apply `template` and
 * `siteNames`, read back. Any failure says the user exists ("Backoffice user 3312102 was created; its access was not
 * applied: ..."), so nobody re-runs the insert; a bare transport, page or login error becomes OutcomeUnknownError.
 */
export async function applyAccessAfterInsert(
	ctx: OperationContext,
	userId: number,
	want: { template?: Permission; siteNames: readonly string[] | 'all' },
): Promise<AppliedAccess> {
	try {
		// Where the insert redirects to (A.9); a browser follows it.
		const page = await readBoPermissionsPage(ctx, userId, `/user/permissions/${userId}?userIsNew=1`);
		// The page's own template list is the fresh one: match the cached template by id, else by name.
		const template = want.template
			? (page.templates.find((t) => t.id === want.template?.id) ?? page.templates.find((t) => t.name.toLowerCase() === want.template?.name.toLowerCase()) ?? want.template)
			: undefined;
		const target: BoAccessTarget = { sites: resolveSiteNames(page.tree, want.siteNames) };
		if (template) target.template = template;
		const { after, warnings } = await applyBoAccess(ctx, planBoAccess(ctx, page, target));
		return { permissionApplied: template?.name ?? templateNameOf(after), sitesGranted: siteNamesOfPage(after), warnings };
	} catch (err) {
		const how = err instanceof OutcomeUnknownError ? 'its access may not have been applied' : 'its access was not applied';
		// Failure contract 4: after the accepted insert a bare transport, page or login error becomes OutcomeUnknownError.
		throw afterAcceptedWrite(err, `Backoffice user ${userId} was created; ${how}: `);
	}
}
