/** `POST /employee/permissions/update` body: the full matrix (protocol A.6). Pure. */
import { ValidationError } from '../errors';
import type { Pairs } from '../html/form';
import type { PermissionFieldMeta } from '../pages/employee-permissions';

/** What the permissions body is built from. */
export interface PosPermissionsInput {
	employeeId: number;
	/** Informational for the server (the dropdown always renders blank); the matrix is what counts. */
	templateId: number;
	/** Every permission of the tenant's matrix (from the permissions page). */
	schema: readonly PermissionFieldMeta[];
	grants: readonly number[];
	overrides: readonly number[];
	hasActionApprovalAuthority: boolean;
}

/**
 * The full matrix: `employeeId`, `templateId`, `hasActionApprovalAuthority` (`1`/`0`), then for EVERY schema
 * entry in id order `permissions[N][id]`, `[label]`, `[description]`, plus `[hasGrantAccess]=1` only when
 * granted and `[requiresOverride]=1` only when an override (absent = off: presence binding, A.0). A body
 * without the matrix is accepted and silently ignored by the server (A.6), so an empty schema is refused,
 * as is a grant or override id the schema does not have.
 */
export function buildPosPermissionsPairs(input: PosPermissionsInput): Pairs {
	if (input.schema.length === 0) throw new ValidationError('permission', 'the tenant permission matrix is empty');
	const known = new Set(input.schema.map((p) => p.id));
	for (const id of [...input.grants, ...input.overrides]) {
		if (!known.has(id)) throw new ValidationError('permission', `permission id ${id} is not in the tenant's permission matrix`);
	}
	const grants = new Set(input.grants);
	const overrides = new Set(input.overrides);
	const pairs: Pairs = [
		['employeeId', String(input.employeeId)],
		['templateId', String(input.templateId)],
		['hasActionApprovalAuthority', input.hasActionApprovalAuthority ? '1' : '0'],
	];
	const seen = new Set<number>();
	for (const p of [...input.schema].sort((a, b) => a.id - b.id)) {
		if (seen.has(p.id)) continue;
		seen.add(p.id);
		const key = `permissions[${p.id}]`;
		pairs.push([`${key}[id]`, String(p.id)], [`${key}[label]`, p.label], [`${key}[description]`, p.description]);
		if (grants.has(p.id)) pairs.push([`${key}[hasGrantAccess]`, '1']);
		if (overrides.has(p.id)) pairs.push([`${key}[requiresOverride]`, '1']);
	}
	return pairs;
}
