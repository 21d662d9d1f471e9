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

/** One roster row as parsed (the public `EmployeeSummary` is built from it). */
export interface RosterRow {
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
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi;
const CELL = /<td\b([^>]*)>([\s\S]*?)<\/td\s*>/gi;
const CLASS_ATTR = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const LIST_ITEM = /<li\b[^>]*>([\s\S]*?)<\/li\s*>/gi;
const CHECK_ICON = /<i\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?fa-check(?=[\s"'])/i;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The roster `<table>` markup only: parsing 5,000 rows must not parse the 130 KB sidebar too. */
function rosterTableHtml(html: string): string | undefined {
	const start = TABLE_START.exec(html);
	if (!start) return undefined;
	const end = html.indexOf('</table>', start.index);
	return html.slice(start.index, end < 0 ? html.length : end + '</table>'.length);
}

/** Text content of a cell fragment: tags dropped, entities decoded, whitespace collapsed. */
function fragmentText(fragment: string): string {
	const stripped = fragment.replace(/<[^>]*>/g, ' ');
	if (!stripped.includes('&')) return cleanText(stripped);
	let unknown = false;
	const decoded = stripped.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		const named = NAMED_ENTITIES[ref.toLowerCase()];
		if (named === undefined) unknown = true;
		return named ?? whole;
	});
	// A rare named entity (Twig escapes only &<>"'): let the HTML parser decode the cell.
	return unknown ? cleanText(load(`<p>${fragment}</p>`)('p').text()) : cleanText(decoded);
}

/**
 * Parse the roster table: one summary per row that carries an employee link (rows without one, such
 * as "no results", are skipped). Throws UnexpectedPageError when the page is not the roster.
 * A targeted scan of the table rows (not a DOM parse): a 5,000-row roster is ~10 MB of markup.
 */
export function parseRoster(html: string, path = '/employee'): RosterRow[] {
	if (classifyPage(html) !== 'app') throw new UnexpectedPageError(path, describePage(html));
	const table = rosterTableHtml(html);
	if (table === undefined) throw new UnexpectedPageError(path, 'an application page without the employee table (table.table-employees-list)');
	const result: RosterRow[] = [];
	for (const row of table.matchAll(ROW)) {
		const content = row[1];
		let employeeId: number | undefined;
		for (const href of content.matchAll(HREF)) {
			const match = EMPLOYEE_LINK_PATTERN.exec(href[1] ?? href[2] ?? '');
			if (match) {
				employeeId = Number(match[1]);
				break;
			}
		}
		if (employeeId === undefined) continue;
		const cells = new Map<string, string>();
		for (const cell of content.matchAll(CELL)) {
			const cls = CLASS_ATTR.exec(cell[1]);
			const classes = (cls?.[1] ?? cls?.[2] ?? cls?.[3] ?? '').split(/\s+/);
			for (const c of classes) if (c.startsWith('employees-col-') && !cells.has(c)) cells.set(c, cell[2]);
		}
		const raw = (name: string) => cells.get(`employees-col-${name}`) ?? '';
		const text = (name: string) => fragmentText(raw(name));
		const pos = text('pos-user-id');
		const phone = text('phone').replace(/\D/g, '');
		result.push({
			employeeId,
			posUserId: /^\d+$/.test(pos) ? Number(pos) : null,
			firstName: text('first-name'),
			lastName: text('last-name'),
			phoneDigits: phone === '' ? null : phone,
			siteCodes: text('sites')
				.split(',')
				.map((s) => s.trim())
				.filter((s) => s !== ''),
			access: text('template'),
			departments: [...raw('departments').matchAll(LIST_ITEM)].map((li) => fragmentText(li[1])).filter((d) => d !== ''),
			isActive: CHECK_ICON.test(raw('active')),
		});
	}
	return result;
}
