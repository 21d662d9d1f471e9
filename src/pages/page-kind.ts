/** What kind of page a response body is (login, application, maintenance), as data (conventions rule 3). Pure. */
import { UnexpectedPageError } from '../errors';

/** The broad kind of a Backoffice page. */
export type PageKind = 'login' | 'app' | 'maintenance' | 'unknown';

const USERNAME_INPUT = /<input\b[^>]*\bname\s*=\s*["']?_username["'\s/>]/i;
const PASSWORD_INPUT = /<input\b[^>]*\bname\s*=\s*["']?_password["'\s/>]/i;
const MAIN_COLUMN = /\bid\s*=\s*["']?main-column["'\s>]/i;
const MAINTENANCE =
	/maintenance|service (?:temporarily )?unavailable|bad gateway|gateway time-?out|internal server error|\b50[0234]\b/i;
const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;

/** The page's `<title>`, whitespace collapsed, at most 80 characters (safe to put in an error message). */
export function pageTitle(html: string): string | undefined {
	const match = TITLE.exec(html);
	if (!match) return undefined;
	const title = match[1]
		.replace(/&#0?39;|&apos;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
	return title.length > 80 ? `${title.slice(0, 77)}...` : title;
}

/**
 * Classify a page: `login` when it carries the `_username` and `_password` inputs (the session-expiry
 * signal, A.0/B.1); `app` when it has the logged-in `#main-column`; `maintenance` for an error or
 * maintenance page without app chrome; otherwise `unknown`.
 */
export function classifyPage(html: string): PageKind {
	if (USERNAME_INPUT.test(html) && PASSWORD_INPUT.test(html)) return 'login';
	if (MAIN_COLUMN.test(html)) return 'app';
	const title = pageTitle(html) ?? '';
	const head = html.slice(0, 4096);
	if (MAINTENANCE.test(title) || MAINTENANCE.test(head.replace(/<[^>]*>/g, ' '))) return 'maintenance';
	return 'unknown';
}

/**
 * The part of a logged-in page the parsers read: from the start of its `<div id="main-column">` tag to the end.
 * Forms, flashes (`div.alerts.alerts-server`) and the content header all sit inside the main column (protocol
 * A.0, and every captured page); the ~130 KB navigation sidebar before it is not worth a DOM parse on every
 * request. The whole page when there is no main column or its tag cannot be found (nothing is cut then).
 */
export function mainColumnHtml(html: string): string {
	const marker = MAIN_COLUMN.exec(html);
	if (!marker) return html;
	const tagStart = html.lastIndexOf('<', marker.index);
	return tagStart >= 0 && /^<div\b/i.test(html.slice(tagStart, tagStart + 5)) ? html.slice(tagStart) : html;
}

/** A short, secret-free description of a page for error messages: its kind and title. */
export function describePage(html: string): string {
	const kind = classifyPage(html);
	const title = pageTitle(html);
	const what = kind === 'app' ? 'an application page' : kind === 'unknown' ? 'an unrecognised page' : `a ${kind} page`;
	return title ? `${what} titled "${title}"` : what;
}

/** Throw UnexpectedPageError (with what was found, never the page) unless `html` is a logged-in page. */
export function assertAppPage(html: string, path: string): void {
	if (classifyPage(html) !== 'app') throw new UnexpectedPageError(path, describePage(html));
}
