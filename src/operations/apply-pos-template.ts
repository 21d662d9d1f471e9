import { UnexpectedPageError } from '../errors';
import { parsePosPermissionsPage, type PermissionFieldMeta, type PosPermissionsPage } from '../pages/employee-permissions';
import { buildPosPermissionsPairs } from '../payloads/pos-permissions';
import type { OperationContext } from './context';
import { absoluteState, type FieldMismatch, type Submission } from './form-submission';
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
	const update = templateSubmission(ctx, employeeId, template, schema, { granted: [], overrides: [] });
	const { after: perms, failure: permFailure, resentAfter } = await postThenReadBack(ctx, update);
	for (const f of resentAfter) warnings.push(`a permissions request failed (${f.message}) and did not apply; it was sent again`);
	if (update.verify(perms).length > 0) {
		throw notAppliedError(
			update,
			permFailure,
			`employee ${employeeId} was created but template '${template.name}' did not take effect` +
				(permFailure ? ` (the permissions request failed: ${permFailure.message})` : ''),
		);
	}
	if (permFailure) warnings.push(`the permissions request failed (${permFailure.message}) but reading them back shows '${template.name}' applied`);
}

/** Whether an employee's grants and overrides are exactly the template's. */
export function holdsTemplate(current: { granted: readonly number[]; overrides: readonly number[] }, template: PosTemplate): boolean {
	return sameSet(current.granted, template.grants) && sameSet(current.overrides, template.overrides);
}

/**
 * The full-matrix write of `template` (protocol A.6) as a submission: `before` is the matrix of the `current` grants
 * (so a plan names the permission fields that change), the read-back is the permissions page of the same employee,
 * and it holds when grants and overrides both equal the template's.
 */
export function templateSubmission(
	ctx: OperationContext,
	employeeId: number,
	template: PosTemplate,
	schema: readonly PermissionFieldMeta[],
	current: { granted: readonly number[]; overrides: readonly number[] },
): Submission<PosPermissionsPage> {
	const matrix = (grants: readonly number[], overrides: readonly number[]) =>
		buildPosPermissionsPairs({
			employeeId,
			templateId: template.id,
			schema,
			grants,
			overrides,
			// The page script sets the authority flag when every grant is on and no override is (protocol A.6).
			hasActionApprovalAuthority: overrides.length === 0 && schema.every((p) => grants.includes(p.id)),
		});
	const permPath = `/employee/permissions/${employeeId}`;
	const verify = (page: PosPermissionsPage): FieldMismatch[] =>
		holdsTemplate(page, template) ? [] : [{ field: 'permission', detail: `the grants are not those of '${template.name}'` }];
	return {
		phase: 'permission',
		path: '/employee/permissions/update',
		before: matrix(current.granted.filter((id) => schema.some((p) => p.id === id)), current.overrides.filter((id) => schema.some((p) => p.id === id))),
		pairs: matrix(template.grants, template.overrides),
		successPath: '/employee',
		action: `applying template '${template.name}' to employee ${employeeId}`,
		readBackPath: permPath,
		// A permissions POST can be "accepted but silently ignored" (protocol A.0): verify on the page.
		readBack: async () => {
			const page = parsePosPermissionsPage((await ctx.session.get(permPath)).body, permPath);
			// Never verify against another employee's permissions.
			if (page.employeeId !== employeeId) throw new UnexpectedPageError(permPath, `the permissions of employee ${page.employeeId}`);
			return page;
		},
		verify,
		...absoluteState(verify),
	};
}
