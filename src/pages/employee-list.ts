/** `GET /employee`: roster search URLs and the roster table (protocol A.2, B.7). Pure. */
import { load } from 'cheerio';
import { UnexpectedPageError } from '../errors';
import { EMPLOYEE_LINK_PATTERN } from './selectors';
import { classifyPage, describePage } from './page-kind';
import { cleanText } from './page';

/** Which employees a roster request lists. */
export type RosterActiveFilter = 'active' | 'inactive' | 'all';

/** Filters of a roster request. */
export interface RosterQuery {
	/** Case-insensitive prefix filter. */
	firstName?: string;
	/** Case-insensitive prefix filter. */
	lastName?: string;
	/** Exact POS user id filter. */
	posUserId?: number;
	/** Default `all` (the server's own default is `active`). */
	active?: RosterActiveFilter;
	/** Page size; default 10000 (everything in one page). */
	limit?: number;
}

/** One roster row. */
export interface EmployeeSummary {
	/** Internal employee id, from the row's edit/permissions/compensation link. */
	employeeId: number;
	/** POS user id when the cell is all digits. */
	posUserId: number | null;
	firstName: string;
	lastName: string;
	/** Digits of the phone as typed, or null when empty. */
	phoneDigits: string | null;
	/** Site short codes of the row (e.g. `CAROL`). */
	siteCodes: string[];
	/** The "Access" column: a template name, `Custom` or `None`. */
	access: string;
	departments: string[];
	/** The active cell shows a check icon (`fa-check`). */
	isActive: boolean;
}

/**
 * Roster URL in the canonical parameter order of A.2. Without a name or POS filter this is the full
 * roster `/employee?limit=10000&active=all`; with filters
 * `/employee?sort_type=first_name&sort_dir=1&first_name=…&last_name=…[&posUserId=…]&active=…&limit=…`.
 */
export function buildRosterPath(query: RosterQuery = {}): string {
	const active = query.active ?? 'all';
	const limit = query.limit ?? 10000;
	if (!Number.isSafeInteger(limit) || limit <= 0) throw new RangeError('roster limit must be a positive integer');
	const filtered = query.firstName !== undefined || query.lastName !== undefined || query.posUserId !== undefined;
	const params: Array<[string, string]> = [];
	if (filtered) {
		params.push(['sort_type', 'first_name'], ['sort_dir', '1'], ['first_name', query.firstName ?? ''], ['last_name', query.lastName ?? '']);
		if (query.posUserId !== undefined) {
			if (!Number.isSafeInteger(query.posUserId)) throw new RangeError('posUserId must be an integer');
			params.push(['posUserId', String(query.posUserId)]);
		}
		params.push(['active', active], ['limit', String(limit)]);
	} else {
		params.push(['limit', String(limit)], ['active', active]);
	}
	return `/employee?${new URLSearchParams(params).toString()}`;
}

const TABLE_START = /<table\b[^>]*\bclass\s*=\s*["'][^"']*\btable-employees-list\b[^"']*["'][^>]*>/i;

/** The roster `<table>` markup only: parsing 5,000 rows must not parse the 130 KB sidebar too. */
function rosterTableHtml(html: string): string | undefined {
	const start = TABLE_START.exec(html);
	if (!start) return undefined;
	const end = html.indexOf('</table>', start.index);
	return html.slice(start.index, end < 0 ? html.length : end + '</table>'.length);
}

/**
 * Parse the roster table: one summary per row that carries an employee link (rows without one, such
 * as "no results", are skipped). Throws UnexpectedPageError when the page is not the roster.
 */
export function parseRoster(html: string, path = '/employee'): EmployeeSummary[] {
	if (classifyPage(html) !== 'app') throw new UnexpectedPageError(path, describePage(html));
	const table = rosterTableHtml(html);
	if (table === undefined) throw new UnexpectedPageError(path, 'an application page without the employee table (table.table-employees-list)');
	// htmlparser2 (not parse5) for speed: the table is well-formed server markup.
	const $ = load(table, { xml: { xmlMode: false, decodeEntities: true } });
	const result: EmployeeSummary[] = [];
	$('tr').each((_, tr) => {
		const row = $(tr);
		let employeeId: number | undefined;
		row.find('a[href]').each((__, a) => {
			const match = EMPLOYEE_LINK_PATTERN.exec(a.attribs.href ?? '');
			if (match) {
				employeeId = Number(match[1]);
				return false;
			}
			return undefined;
		});
		if (employeeId === undefined) return;
		const cell = (cls: string) => row.find(`td.${cls}`).first();
		const pos = cleanText(cell('employees-col-pos-user-id').text());
		const phone = cell('employees-col-phone').text().replace(/\D/g, '');
		result.push({
			employeeId,
			posUserId: /^\d+$/.test(pos) ? Number(pos) : null,
			firstName: cleanText(cell('employees-col-first-name').text()),
			lastName: cleanText(cell('employees-col-last-name').text()),
			phoneDigits: phone === '' ? null : phone,
			siteCodes: cleanText(cell('employees-col-sites').text())
				.split(',')
				.map((s) => s.trim())
				.filter((s) => s !== ''),
			access: cleanText(cell('employees-col-template').text()),
			departments: cell('employees-col-departments')
				.find('li')
				.map((__, li) => cleanText($(li).text()))
				.get()
				.filter((d) => d !== ''),
			isActive: cell('employees-col-active').find('i.fa-check').length > 0,
		});
	});
	return result;
}
