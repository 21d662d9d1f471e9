/** `updateBackofficeUserAccess`: change a Backoffice user's template and/or accessible sites (protocol A.10). */
import type { BackofficeUserAccessUpdated, Permission, UpdateBackofficeUserAccessInput } from '../models/api';
import { validateUpdateAccess } from '../models/backoffice-access-schema';
import { diffFields } from '../models/changes';
import { resolveSiteNames } from '../payloads/site-availability';
import { sameSites } from '../payloads/user-permissions';
import { applyBoAccess, planBoAccess, plannedAccessRequest, readBoPermissionsPage, sameTokens, siteNamesOfPage, templateNameOf, type BoAccessTarget } from './backoffice-access';
import { findBackofficeUser } from './backoffice-users';
import type { OperationContext } from './context';
import { resolveTemplate } from './discovery';

/**
 * Find the user -> load its permissions page -> resolve the template (from the page's own list) and the sites ->
 * compare -> post once only when something differs (never on a dry run) -> read back and verify.
 * Requests: the page, the post, the read-back, plus the user list when found by username or employee.
 */
export async function updateBackofficeUserAccess(ctx: OperationContext, input: UpdateBackofficeUserAccessInput): Promise<BackofficeUserAccessUpdated> {
	const v = validateUpdateAccess(input);
	const warnings: string[] = [];
	const { userId } = await findBackofficeUser(ctx, v, false);
	const page = await readBoPermissionsPage(ctx, userId);
	const target: BoAccessTarget = {};
	let template: Permission | undefined;
	if (v.permission !== undefined) {
		const resolved = resolveTemplate(page.templates, v.permission, ctx.onUnknownPermission, 'backoffice');
		warnings.push(...resolved.warnings);
		template = resolved.template;
		target.template = template;
	}
	if (v.availableSites !== undefined) target.sites = resolveSiteNames(page.tree, v.availableSites);

	const before = { permission: templateNameOf(page), availableSites: siteNamesOfPage(page) };
	const changes = diffFields(
		before,
		{ permission: template?.name, availableSites: v.availableSites },
		['permission', 'availableSites'],
		{
			equal: {
				permission: () => !template || sameTokens(template.tokens, page.enabledTokens),
				availableSites: () => target.sites === undefined || sameSites(page, target.sites, page.availableSites),
			},
		},
	);
	const username = page.username ?? '';
	const base = { userId, username, changes, dryRun: v.dryRun, warnings };
	const changed = Object.keys(changes).length > 0;
	// Planning validates the body too (e.g. a user left without any site), so a dry run fails where the run would.
	const plan = changed ? planBoAccess(ctx, page, target) : undefined;
	if (!plan || v.dryRun) {
		return {
			...base,
			updated: false,
			...(v.dryRun ? { plannedRequests: plan ? [plannedAccessRequest(plan)] : [] } : {}),
			templateName: before.permission,
			availableSites: before.availableSites,
		};
	}
	const { after, warnings: late } = await applyBoAccess(ctx, plan);
	warnings.push(...late);
	return { ...base, updated: true, templateName: template?.name ?? templateNameOf(after), availableSites: siteNamesOfPage(after) };
}
