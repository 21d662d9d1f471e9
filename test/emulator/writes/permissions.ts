import { employeeNotFound, ok, postedEmployee, type WriteContext, type WriteOutcome } from './common';

/**
 * `POST /employee/permissions/update` (A.6). The matrix applies only when every permission of the schema is posted
 * (`permissions[N][id]` for each N); otherwise the post is accepted and ignored (captured: the minimal post returned
 * 302 `/employee` and changed nothing). Grants and overrides use presence binding. ASSUMPTION (E.9): an override is
 * kept only for a granted permission and never for permission 1, so the page's hidden
 * `permissions[1][requiresOverride]=0` is harmless.
 */
export function employeePermissionsUpdate(ctx: WriteContext): WriteOutcome {
	const f = ctx.form;
	const e = postedEmployee(ctx, 'employeeId');
	if (!e) return employeeNotFound();
	const schema = ctx.state.tenant.posPermissions.map((p) => p.id);
	const full = schema.every((n) => f.has(`permissions[${n}][id]`));
	if (!full) return ok('/employee');
	const grants = schema.filter((n) => f.has(`permissions[${n}][hasGrantAccess]`));
	const overrides = grants.filter((n) => n !== 1 && f.has(`permissions[${n}][requiresOverride]`));
	e.posGrants = grants;
	e.posOverrides = overrides;
	e.hasActionApprovalAuthority = grants.includes(1);
	return ok('/employee');
}
