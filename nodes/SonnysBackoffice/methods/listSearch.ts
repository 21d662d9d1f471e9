import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { EmployeeSummary, SonnysBackofficeClientApi } from '../../../src/models/api';
import { CREDENTIAL_TYPE, clientOptions, loadCore, withClient } from '../helpers/client';
import { toNodeError } from '../helpers/errors';

/** Rows per page of the From List picker; the roster has no server-side paging, so pages are cut here. */
const EMPLOYEE_PAGE_SIZE = 50;

/**
 * The typed text as roster searches (name prefixes, not case-sensitive): "jor smi" is first name "jor" and last
 * name "smi" (one request); a single word is tried as a first and as a last name (two requests); nothing typed
 * lists the whole roster. Active and inactive employees both (Get and Reactivate need the inactive ones).
 */
async function matching(client: SonnysBackofficeClientApi, filter: string): Promise<EmployeeSummary[]> {
	const words = filter.trim().split(/\s+/).filter((w) => w !== '');
	if (words.length === 0) return await client.searchEmployees({ active: 'all' });
	if (words.length > 1) return await client.searchEmployees({ firstName: words[0], lastName: words.slice(1).join(' '), active: 'all' });
	const [byFirst, byLast] = await Promise.all([
		client.searchEmployees({ firstName: words[0], active: 'all' }),
		client.searchEmployees({ lastName: words[0], active: 'all' }),
	]);
	const seen = new Set(byFirst.map((e) => e.employeeId));
	return [...byFirst, ...byLast.filter((e) => !seen.has(e.employeeId))];
}

/** "First Last (POS 12345)", with "inactive" added for a disabled employee. */
function label(e: EmployeeSummary): string {
	const pos = e.posUserId === null ? 'no POS user ID' : `POS ${e.posUserId}`;
	return `${e.firstName} ${e.lastName} (${pos}${e.isActive ? '' : ', inactive'})`;
}

/**
 * Employee > From List: employees whose name starts with the typed text, sorted by name, a page of
 * EMPLOYEE_PAGE_SIZE at a time (the token is the next offset). The value is the internal employee id, so the
 * operation needs no lookup request; the link opens the employee in Backoffice.
 */
export async function searchEmployees(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	try {
		const options = clientOptions(credentials);
		const base = loadCore().resolveBaseUrl(options.subdomain, options.baseUrl);
		const rows = await withClient(credentials, async (client) => await matching(client, filter ?? ''));
		rows.sort((a, b) => label(a).localeCompare(label(b), 'en', { sensitivity: 'base', numeric: true }));
		const offset = /^\d+$/.test(paginationToken ?? '') ? Number(paginationToken) : 0;
		const page = rows.slice(offset, offset + EMPLOYEE_PAGE_SIZE);
		const results: INodeListSearchItems[] = page.map((e) => ({
			name: label(e),
			value: String(e.employeeId),
			url: `${base}/employee/edit/${e.employeeId}`,
		}));
		const next = offset + EMPLOYEE_PAGE_SIZE;
		return next < rows.length ? { results, paginationToken: String(next) } : { results };
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
