import { UnexpectedPageError } from '../errors';
import { parsePosPermissionsPage, type PermissionFieldMeta } from '../pages/employee-permissions';
import { buildPosPermissionsPairs } from '../payloads/pos-permissions';
import type { OperationContext } from './context';
import { notAppliedError, postThenReadBack, sameSet } from './write-outcome';

/** A POS template as the permissions page lists it. */
export interface PosTemplate {
	id: number;
	name: string;
	grants: readonly number[];
	overrides: readonly number[];
}

/**
 * Step 2 of a create: POST the full permission matrix of `template` (protocol A.6), then read the
 * permissions page back. A post that was "accepted but silently ignored" (protocol A.0) cannot pass;
 * an ambiguous failure of the post is not re-sent but decided by the read-back.
 */
export async function applyPosTemplate(
	ctx: OperationContext,
	employeeId: number,
	template: PosTemplate,
	schema: readonly PermissionFieldMeta[],
	warnings: string[],
): Promise<void> {
	const schemaIds = schema.map((p) => p.id);
	// The page script sets the authority flag when every grant is on and no override is (protocol A.6).
	const authority = template.overrides.length === 0 && schemaIds.every((id) => template.grants.includes(id));
	const permPairs = buildPosPermissionsPairs({
		employeeId,
		templateId: template.id,
		schema,
		grants: template.grants,
		overrides: template.overrides,
		hasActionApprovalAuthority: authority,
	});
	// A permissions POST can be "accepted but silently ignored" (protocol A.0): verify on the page.
	const permPath = `/employee/permissions/${employeeId}`;
	const matches = (page: { granted: readonly number[]; overrides: readonly number[] }) =>
		sameSet(page.granted, template.grants) && sameSet(page.overrides, template.overrides);
	const update = {
		path: '/employee/permissions/update',
		pairs: permPairs,
		successPath: '/employee',
		action: `applying template '${template.name}' to employee ${employeeId}`,
		readBackPath: permPath,
		readBack: async () => {
			const page = parsePosPermissionsPage((await ctx.session.get(permPath)).body, permPath);
			// Never verify against another employee's permissions.
			if (page.employeeId !== employeeId) throw new UnexpectedPageError(permPath, `the permissions of employee ${page.employeeId}`);
			return page;
		},
		// The full matrix is an absolute state: re-sent (bounded) once the read-back shows it not applied.
		idempotent: true,
		applied: matches,
	};
	const { after: perms, failure: permFailure, resentAfter } = await postThenReadBack(ctx, update);
	for (const f of resentAfter) warnings.push(`a permissions request failed (${f.message}) and did not apply; it was sent again`);
	if (!matches(perms)) {
		throw notAppliedError(
			update,
			permFailure,
			`employee ${employeeId} was created but template '${template.name}' did not take effect` +
				(permFailure ? ` (the permissions request failed: ${permFailure.message})` : ''),
		);
	}
	if (permFailure) warnings.push(`the permissions request failed (${permFailure.message}) but reading them back shows '${template.name}' applied`);
}
