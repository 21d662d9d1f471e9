import { CookieJar } from 'tough-cookie';
import { BackofficeServerError, ConnectionError } from '../errors';
import { retryDecision, type AttemptOutcome, type RetryPolicy } from '../transport/retry';
import type { Transport, TransportResponse } from '../transport/types';
import { SecretRegistry } from './redact';

/** Form fields whose values are secrets: the bot password, POS PINs, Backoffice passwords. */
const SECRET_FORM_FIELDS = new Set(['_password', 'posCredential[POSLoginPassword]', 'user[password]', 'user[confirmPassword]']);

/** Options of {@link SessionHttp}. */
export interface SessionHttpOptions {
	/** Origin of the tenant. */
	origin: string;
	userAgent: string;
	timeoutMs: number;
	maxResponseBytes: number;
	transport: Transport;
	retryPolicy: RetryPolicy;
	sleep: (ms: number) => Promise<void>;
	/** Where secrets are remembered (shared by the sessions of one client); a fresh registry by default. */
	secrets?: SecretRegistry;
}

/**
 * The session's HTTP side, below login and expiry: one same-origin request with the cookie jar, redirect
 * targets resolved (another origin refused), idempotent GETs retried by {@link retryDecision}, and every secret
 * that crosses the wire (cookies, password and PIN fields) remembered for redaction.
 */
export class SessionHttp {
	private readonly jar = new CookieJar();
	/** Every secret sent or received (password, session cookies, PINs, passwords), for redaction. */
	readonly secrets: SecretRegistry;

	constructor(private readonly options: SessionHttpOptions) {
		this.secrets = options.secrets ?? new SecretRegistry();
	}

	/** Forgets every cookie. */
	async clearCookies(): Promise<void> {
		await this.jar.removeAllCookies();
	}

	/** One request, cookies sent and stored; redirects are not followed. */
	async send(method: 'GET' | 'POST', path: string, body?: string): Promise<TransportResponse> {
		const url = this.options.origin + path;
		const headers: Record<string, string> = {
			'user-agent': this.options.userAgent,
			accept: 'text/html,application/xhtml+xml',
		};
		const cookie = await this.jar.getCookieString(url);
		if (cookie) headers.cookie = cookie;
		if (body !== undefined) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			for (const [name, value] of new URLSearchParams(body)) if (SECRET_FORM_FIELDS.has(name)) this.secrets.add(value);
		}
		const res = await this.options.transport.request({
			method,
			url,
			headers,
			body,
			timeoutMs: this.options.timeoutMs,
			maxResponseBytes: this.options.maxResponseBytes,
		});
		const setCookie = res.headers['set-cookie'];
		for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
			this.secrets.add(/^[^=;]*=([^;]*)/.exec(c)?.[1]);
			await this.jar.setCookie(c, url, { ignoreError: true });
		}
		return res;
	}

	/**
	 * A GET retried on connection errors, 429 and 5xx as {@link retryDecision} says. A cut-off HTML page is a
	 * broken transfer, never a page: it would parse as a short roster and hide a duplicate.
	 */
	async getWithRetry(path: string): Promise<TransportResponse> {
		for (let attempt = 1; ; attempt++) {
			let outcome: AttemptOutcome;
			let failure: unknown;
			let res: TransportResponse | undefined;
			try {
				res = await this.send('GET', path);
				if (res.status === 200 && isTruncatedHtml(res)) {
					res = undefined;
					throw new ConnectionError(`GET ${pathOnly(path)}: the page arrived incomplete (no closing </html>)`);
				}
				if (res.status !== 429 && res.status < 500) return res;
				const ra = res.headers['retry-after'];
				outcome = { kind: 'response', status: res.status, retryAfter: Array.isArray(ra) ? ra[0] : ra };
			} catch (err) {
				if (!(err instanceof ConnectionError)) throw err;
				outcome = { kind: 'connection-error' };
				failure = err;
			}
			const verdict = retryDecision(attempt, outcome, 'GET', this.options.retryPolicy);
			if (!verdict.retry) {
				if (res) return res;
				throw failure;
			}
			await this.options.sleep(verdict.delayMs);
		}
	}

	/** The redirect target as a same-origin path+query (undefined when not a redirect); throws for another origin. */
	locationPath(res: TransportResponse, from: string): string | undefined {
		if (res.status < 300 || res.status >= 400) return undefined;
		const raw = res.headers.location;
		const value = Array.isArray(raw) ? raw[0] : raw;
		if (!value) return undefined;
		const origin = this.options.origin;
		const target = new URL(value, origin + from);
		if (target.origin !== origin) {
			throw new BackofficeServerError(`${pathOnly(from)}: redirect to another origin (${target.host}) refused`, {
				code: 'UNEXPECTED_PAGE',
				status: res.status,
			});
		}
		return target.pathname + target.search;
	}
}

/** An HTML page whose transfer ended before the document did. */
function isTruncatedHtml(res: TransportResponse): boolean {
	const type = res.headers['content-type'];
	const ct = (Array.isArray(type) ? type[0] : type) ?? '';
	if (!/html/i.test(ct) || res.body.length === 0) return false;
	return !/<\/html>\s*$/i.test(res.body.slice(-512));
}

/** A path without its query (queries may carry names and e-mails: kept out of messages). */
export function pathOnly(path: string): string {
	return path.split('?')[0];
}
