/** `GET /user`: Backoffice user list (protocol A.9). Pure. */
import { UnexpectedPageError } from '../errors';
import { EMPLOYEE_LINK_PATTERN, MAIN_COLUMN, USER_PERMISSIONS_LINK_PATTERN } from './selectors';
import { cleanText, loadExpectedPage } from './page';

/** One Backoffice user of the list. */
export interface UserListEntry {
	userId: number;
	/** The row's username, when the row has a cell that names it. */
	username?: string;
}

/**
 * Parse the Backoffice user list: every distinct user with a `/user/permissions/<id>` (or `/user/edit/<id>`)
 * link, in page order. The first entry is the page the runtime reads Backoffice templates from (B.2).
 */
export function parseUserList(html: string, path = '/user'): { users: UserListEntry[] } {
	const $ = loadExpectedPage(html, path, MAIN_COLUMN);
	const users: UserListEntry[] = [];
	const seen = new Set<number>();
	$(`${MAIN_COLUMN} a[href]`).each((_, el) => {
		const href = el.attribs.href ?? '';
		const match = USER_PERMISSIONS_LINK_PATTERN.exec(href) ?? /\/user\/edit\/(\d+)/.exec(href);
		if (!match) return;
		const userId = Number(match[1]);
		if (seen.has(userId)) return;
		seen.add(userId);
		const row = $(el).closest('tr');
		const cell = row.find('td[class*="username"], [data-username]').first();
		const username = cell.length > 0 ? cell.attr('data-username') ?? cleanText(cell.text()) : undefined;
		users.push(username ? { userId, username } : { userId });
	});
	// Users with a permissions link first: that is the link the runtime follows (B.2).
	const withPermissions = new Set<number>();
	$(`${MAIN_COLUMN} a[href*="/user/permissions/"]`).each((_, el) => {
		const match = USER_PERMISSIONS_LINK_PATTERN.exec(el.attribs.href ?? '');
		if (match) withPermissions.add(Number(match[1]));
	});
	users.sort((a, b) => Number(withPermissions.has(b.userId)) - Number(withPermissions.has(a.userId)));
	return { users };
}

/** One row of the Backoffice user list with the columns {@link parseUserRows} requires. */
export interface UserRow {
	userId: number;
	username: string;
	email: string;
	firstName: string;
	lastName: string;
	isActive: boolean;
	/** From a `/employee/edit/<id>` link in an "Employee" column: null when empty; absent when there is no such column. */
	linkedEmployeeId?: number | null;
}

type Column = 'firstName' | 'lastName' | 'username' | 'email' | 'employee' | 'active';

const HEADERS: Array<[Column, RegExp]> = [
	['firstName', /^first\s*name$/i],
	['lastName', /^last\s*name$/i],
	['username', /^user\s*name$/i],
	['email', /^e-?mail(?:\s*address)?$/i],
	['employee', /^employee$/i],
	['active', /^(?:active|status)$/i],
];

/**
 * Every row of the Backoffice user list with its columns, found by header text (ASSUMPTION: the list's columns were
 * never captured, docs/emulator.md). A list without a First Name, Last Name, Username, Email or Active column, or a row
 * without its user id, is UnexpectedPageError: better no answer than a guessed one.
 */
export function parseUserRows(html: string, path = '/user'): UserRow[] {
	const $ = loadExpectedPage(html, path, MAIN_COLUMN);
	const table = $(`${MAIN_COLUMN} table`).filter((_, t) => $(t).find('th').length > 0).first();
	if (table.length === 0) throw new UnexpectedPageError(path, 'no Backoffice user table');
	const index = new Map<Column, number>();
	table.find('thead th, tr:first-child th').each((i, th) => {
		const text = cleanText($(th).text());
		const hit = HEADERS.find(([, re]) => re.test(text));
		if (hit && !index.has(hit[0])) index.set(hit[0], i);
	});
	const missing = HEADERS.map(([c]) => c).filter((c) => c !== 'employee' && !index.has(c));
	if (missing.length > 0) throw new UnexpectedPageError(path, `a Backoffice user table without the column(s) ${missing.join(', ')}`);
	const rows: UserRow[] = [];
	table.find('tbody tr').each((_, tr) => {
		const cells = $(tr).children('td');
		const cell = (c: Column) => cells.eq(index.get(c) ?? -1);
		const link = $(tr).find('a[href]').toArray().map((a) => USER_PERMISSIONS_LINK_PATTERN.exec(a.attribs.href ?? '') ?? /\/user\/edit\/(\d+)/.exec(a.attribs.href ?? '')).find((m) => m);
		if (!link) throw new UnexpectedPageError(path, 'a Backoffice user row without a /user/permissions/<id> or /user/edit/<id> link');
		const active = cell('active');
		const row: UserRow = {
			userId: Number(link[1]),
			username: cleanText(cell('username').text()),
			email: cleanText(cell('email').text()),
			firstName: cleanText(cell('firstName').text()),
			lastName: cleanText(cell('lastName').text()),
			isActive: active.find('.fa-check').length > 0 || /^(?:yes|active)$/i.test(cleanText(active.text())),
		};
		if (index.has('employee')) {
			const href = cell('employee').find('a[href*="/employee/"]').attr('href') ?? '';
			const m = EMPLOYEE_LINK_PATTERN.exec(href);
			row.linkedEmployeeId = m ? Number(m[1]) : null;
		}
		if (row.username === '') throw new UnexpectedPageError(path, `Backoffice user ${row.userId} without a username`);
		rows.push(row);
	});
	return rows;
}
