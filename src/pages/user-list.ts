/** `GET /user`: Backoffice user list (protocol A.9). Pure. */
import { MAIN_COLUMN, USER_PERMISSIONS_LINK_PATTERN } from './selectors';
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
