/**
 * Classification of responses as far as the session is concerned: the login form (logged out or
 * expired), the login outcome. Pure; protocol A.1 and B.1.
 */

/** True when the body is Backoffice's login form (both credential inputs present, protocol A.1). */
export function isLoginPage(body: string): boolean {
	return /name\s*=\s*["']?_username\b/i.test(body) && /name\s*=\s*["']?_password\b/i.test(body);
}

/**
 * An expired (or unknown) session, as Backoffice signals it (protocol A.0, E.2): HTTP 401/403, a redirect to
 * `/login`, or the login form served in place of the page.
 */
export function isExpiredResponse(status: number, locationPath: string | undefined, body: string): boolean {
	if (status === 401 || status === 403) return true;
	if (locationPath !== undefined && locationPath.split('?')[0] === '/login') return true;
	return status === 200 && isLoginPage(body);
}

/** The outcome of `POST /login_check`, read from the response as data. */
export type LoginOutcome =
	| { kind: 'ok' }
	| { kind: 'bad-credentials'; message: string }
	| { kind: 'server-error'; status: number }
	| { kind: 'unexpected'; found: string };

/**
 * Classifies a login response without following its redirect: 302 to `/` is success (the 180 KB
 * dashboard is never downloaded); the login form again (200, or a redirect back to `/login`) means the
 * credentials were refused.
 *
 * @param status - HTTP status.
 * @param locationPath - path of the `Location` header resolved against the base URL, if any.
 * @param body - response body.
 * @param loginErrorText - extracts the page's error text from a login page (parsers' `parseLoginError`).
 */
export function classifyLoginResponse(
	status: number,
	locationPath: string | undefined,
	body: string,
	loginErrorText: (html: string) => string | undefined,
): LoginOutcome {
	if (status >= 300 && status < 400 && locationPath !== undefined) {
		const p = locationPath.split('?')[0];
		if (p === '/login') return { kind: 'bad-credentials', message: 'Backoffice refused the username or password' };
		if (p === '/' || p === '') return { kind: 'ok' };
		return { kind: 'unexpected', found: `redirect to ${p}` };
	}
	if (status >= 500) return { kind: 'server-error', status };
	if (status === 200 && isLoginPage(body)) {
		const text = loginErrorText(body);
		return { kind: 'bad-credentials', message: text ? `Backoffice refused the login: ${text}` : 'Backoffice refused the username or password' };
	}
	if (status === 401 || status === 403) return { kind: 'bad-credentials', message: `Backoffice refused the login (HTTP ${status})` };
	return { kind: 'unexpected', found: `HTTP ${status}` };
}
