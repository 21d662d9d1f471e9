/** `GET /employee/permissions/<id>`: POS templates, permission schema and current grants (protocol A.6). Pure. */
import { UnexpectedPageError } from '../errors';
import type { Permission } from '../models/api';
import { POS_PERMISSIONS_FORM, POS_TEMPLATE_SELECT } from './selectors';
import { loadIdentifiedForm, parseIdList, templateOptions } from './page';

/** One POS permission of the tenant's matrix (its hidden id/label/description inputs). */
export interface PermissionFieldMeta {
	id: number;
	label: string;
	description: string;
}

/** What the POS permissions page shows. */
export interface PosPermissionsPage {
	employeeId: number;
	/** Templates of the `templateId` select (scope `pos`), grants/overrides sorted. */
	templates: Permission[];
	/** Every permission of the matrix, unique, sorted by id; the first rendering of an id wins (id 1 appears twice). */
	schema: PermissionFieldMeta[];
	/** Ids whose `[hasGrantAccess]` checkbox is checked, sorted. */
	granted: number[];
	/** Ids whose `[requiresOverride]` checkbox is checked, sorted (the hidden `permissions[1][requiresOverride]=0` is ignored). */
	overrides: number[];
}

const PERMISSION_FIELD = /^permissions\[(\d+)\]\[(id|label|description|hasGrantAccess|requiresOverride)\]$/;

/** Parse a POS permissions page. Throws UnexpectedPageError when the form or its matrix is missing. */
export function parsePosPermissionsPage(html: string, path = '/employee/permissions'): PosPermissionsPage {
	const { $, form, id: employeeId } = loadIdentifiedForm(html, path, POS_PERMISSIONS_FORM, 'employeeId', 'a permissions form');
	const templates: Permission[] = templateOptions($, form, POS_TEMPLATE_SELECT).map((o) => ({
		id: o.id,
		name: o.name,
		scope: 'pos',
		grants: parseIdList(o.attribs['data-permissions-set']),
		overrides: parseIdList(o.attribs['data-manager-override-permissions-set']),
		tokens: [],
	}));

	const meta = new Map<number, Partial<PermissionFieldMeta>>();
	const granted = new Set<number>();
	const overrides = new Set<number>();
	form.find('input[name^="permissions["]').each((_, el) => {
		const match = PERMISSION_FIELD.exec(el.attribs.name ?? '');
		if (!match) return;
		const id = Number(match[1]);
		const field = match[2];
		const value = el.attribs.value ?? '';
		const checked = (el.attribs.type ?? '').toLowerCase() === 'checkbox' && el.attribs.checked !== undefined;
		if (field === 'hasGrantAccess') {
			if (checked) granted.add(id);
			return;
		}
		if (field === 'requiresOverride') {
			if (checked) overrides.add(id);
			return;
		}
		const entry = meta.get(id) ?? {};
		if (field === 'id' && entry.id === undefined && /^\d+$/.test(value.trim())) entry.id = Number(value.trim());
		if (field === 'label' && entry.label === undefined) entry.label = value;
		if (field === 'description' && entry.description === undefined) entry.description = value;
		meta.set(id, entry);
	});
	const schema: PermissionFieldMeta[] = [...meta.entries()]
		.map(([id, m]) => ({ id, label: m.label ?? '', description: m.description ?? '' }))
		.sort((a, b) => a.id - b.id);
	if (schema.length === 0) throw new UnexpectedPageError(path, 'a permissions form without a permission matrix');
	const byId = (a: number, b: number) => a - b;
	return {
		employeeId,
		templates,
		schema,
		granted: [...granted].sort(byId),
		overrides: [...overrides].sort(byId),
	};
}
