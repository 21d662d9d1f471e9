/** `GET /user/permissions/<id>`: Backoffice templates and permission tokens (protocol A.10). Pure. */
import type { Permission } from '../models/api';
import { BO_PERMISSIONS_FORM, BO_TEMPLATE_SELECT } from './selectors';
import { loadIdentifiedForm, templateOptions } from './page';

/** What the Backoffice user permissions page shows. */
export interface BoPermissionsPage {
	userId: number;
	/** Templates of the `template` select (scope `backoffice`, tokens from `data-permissions-set`). */
	templates: Permission[];
	/** Every `perms[i][token]`, in index order. */
	tokens: string[];
}

function tokenList(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t !== '');
}

/** Parse a Backoffice user permissions page. Throws UnexpectedPageError when the form is missing. */
export function parseBoPermissionsPage(html: string, path = '/user/permissions'): BoPermissionsPage {
	const { $, form, id: userId } = loadIdentifiedForm(html, path, BO_PERMISSIONS_FORM, 'userId', 'a Backoffice permissions form');
	const templates: Permission[] = templateOptions($, form, BO_TEMPLATE_SELECT).map((o) => ({
		id: o.id,
		name: o.name,
		scope: 'backoffice',
		grants: [],
		overrides: [],
		tokens: tokenList(o.attribs['data-permissions-set']),
	}));
	const indexed: Array<[number, string]> = [];
	form.find('input[name^="perms["]').each((_, el) => {
		const match = /^perms\[(\d+)\]\[token\]$/.exec(el.attribs.name ?? '');
		if (match) indexed.push([Number(match[1]), el.attribs.value ?? '']);
	});
	indexed.sort((a, b) => a[0] - b[0]);
	return { userId, templates, tokens: indexed.map(([, t]) => t) };
}
