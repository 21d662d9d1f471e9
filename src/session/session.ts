import { AuthenticationError, BackofficeServerError, UnexpectedPageError } from '../errors';
import { parseLoginError } from '../pages/login';
import { classifyPage, describePage } from '../pages/page-kind';
import { DEFAULT_RETRY_POLICY, resendDecision, type AttemptOutcome, type RetryPolicy } from '../transport/retry';
import type { Transport, TransportResponse } from '../transport/types';
import { SessionRetiredSignal, soloCoordinator, type SessionActivity, type SessionCoordinator } from './coordinator';
import { SessionHttp, pathOnly } from './http';
import { classifyLoginResponse, isExpiredResponse } from './login-page';
import type { SecretRegistry } from './redact';

/** Name/value pairs of a form body, in submission order. */
export type FormPairs = Array<[string, string]>;

/** A response as operations see it: same-origin path, status, body and (for redirects) the target. */
export interface PageResponse {
	status: number;
	/** Path and query of the page finally served (after GET redirects). */
	path: string;
	/** Path and query of a redirect target (POSTs are never followed). */
	location?: string;
	body: string;
	bytes: number;
	/** The `Retry-After` header of the answer, when present (a 429 or 503). */
	retryAfter?: string;
}

/** Options of {@link BackofficeSession}. */
export interface SessionOptions {
	/** Origin of the tenant, e.g. `https://washu.sonnyscontrols.com`. */
	baseUrl: string;
	username: string;
	password: string;
	userAgent: string;
	timeoutMs: number;
	maxResponseBytes: number;
	retryPolicy?: RetryPolicy;
	transport: Transport;
	/** Extracts the error text of a re-rendered login page; defaults to the login page parser. */
	loginErrorText?: (html: string) => string | undefined;
	/** Injectable wait for retries (tests). */
	sleep?: (ms: number) => Promise<void>;
	/** What this session shares with the other sessions of its client (session-pool.ts); alone by default. */
	coordinator?: SessionCoordinator;
}

const MAX_GET_REDIRECTS = 5;
/** Re-logins one request may trigger (each needs the previous session to have served pages). */
const MAX_RELOGINS_PER_REQUEST = 3;
/** Sends of one request across expiries, whoever logged in again in between. */
const MAX_SENDS_PER_REQUEST = 8;

/**
 * Owns the cookie jar, login, manual redirects and session expiry for one tenant.
 *
 * - Login is ONE `POST /login_check`; its `302 Location: /` is not followed (protocol A.1).
 * - A failed login (credentials refused) is never retried, and is remembered: later calls fail at once
 *   without sending the password again, so a bot account cannot be locked out by a loop.
 * - Expiry (302 to `/login`, the login form served in place, 401/403) triggers one re-login shared by
 *   every concurrent caller, then the request is repeated. A POST is re-sent only in that case: the server
 *   answered with the login form instead of running the controller, so the write was not applied
 *   (protocol B.1). A session refused before it served any page ends in AuthenticationError.
 * - GETs are retried on connection errors, 429 and 5xx ({@link retryDecision}); POSTs never.
 * - Redirects to another origin are refused.
 */
export class BackofficeSession implements SessionActivity {
	private readonly http: SessionHttp;
	private readonly coordinator: SessionCoordinator;
	private loggedIn = false;
	/** See {@link SessionActivity}. */
	servedTicket = 0;
	/** See {@link SessionActivity}. */
	servedAt = 0;
	/** Counts successful logins: tells a request whether the session it used has been replaced since. */
	private generation = 0;
	/** Whether the current session has served at least one non-login page. */
	private generationServed = false;
	private loginInFlight?: Promise<void>;

	constructor(private readonly options: SessionOptions) {
		this.coordinator = options.coordinator ?? soloCoordinator();
		this.http = new SessionHttp({
			secrets: this.coordinator.secrets,
			origin: new URL(options.baseUrl).origin,
			userAgent: options.userAgent,
			timeoutMs: options.timeoutMs,
			maxResponseBytes: options.maxResponseBytes,
			transport: options.transport,
			retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
			sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
		});
		this.http.secrets.add(options.password);
	}

	/** Every secret this session has sent or received (password, session cookies, PINs, passwords), for redaction. */
	get secrets(): SecretRegistry {
		return this.http.secrets;
	}

	/** Whether a session cookie is believed valid. */
	get isLoggedIn(): boolean {
		return this.loggedIn;
	}

	/** Logs in unless already logged in; concurrent callers share one login request. */
	async ensureLoggedIn(): Promise<void> {
		if (this.loginInFlight) return this.loginInFlight;
		if (this.loggedIn) return;
		await this.login();
	}

	/** Sends one `POST /login_check`. Throws AuthenticationError (sticky) when the credentials are refused. */
	async login(): Promise<void> {
		return this.startLogin(false);
	}

	/** One login request shared by every concurrent caller; never started again after refused credentials. */
	private startLogin(relogin: boolean): Promise<void> {
		// A fresh error each time: callers may add context to what they catch, and must not reword it for others.
		const refused = this.coordinator.refused;
		if (refused) return Promise.reject(new AuthenticationError(refused.message));
		this.loginInFlight ??= this.coordinator.login(this, () => this.doLogin(relogin)).finally(() => {
			this.loginInFlight = undefined;
		});
		return this.loginInFlight;
	}

	private async doLogin(relogin: boolean): Promise<void> {
		this.loggedIn = false;
		await this.http.clearCookies();
		const body = new URLSearchParams([
			['_username', this.options.username],
			['_password', this.options.password],
		]).toString();
		const res = await this.http.send('POST', '/login_check', body);
		const location = this.http.locationPath(res, '/login_check');
		const outcome = classifyLoginResponse(res.status, location, res.body, this.options.loginErrorText ?? parseLoginError);
		const prefix = relogin ? 'Re-authentication failed: ' : '';
		switch (outcome.kind) {
			case 'ok':
				this.loggedIn = true;
				this.generation++;
				this.generationServed = false;
				this.servedTicket = this.coordinator.loggedIn(this);
				this.servedAt = Date.now();
				return;
			case 'bad-credentials': {
				const refused = new AuthenticationError(prefix + outcome.message);
				this.coordinator.refuse(refused);
				throw refused;
			}
			case 'server-error':
				throw new BackofficeServerError(`${prefix}login failed: Backoffice answered HTTP ${outcome.status}`, {
					status: outcome.status,
				});
			default:
				throw new UnexpectedPageError('/login_check', outcome.found);
		}
	}

	/**
	 * Sends one request with the current session, handling expiry (protocol B.1). Concurrent callers must not
	 * each log in, nor fail because another caller's login replaced the session under them:
	 * - a login in progress is awaited before sending, so nothing goes out with an emptied cookie jar;
	 * - expiry of a session that has since been replaced just re-sends with the new one (no login);
	 * - expiry of the current session starts one shared re-login;
	 * - a session rejected before it ever served a page means logging in does not help: AuthenticationError;
	 * - a pool that has retired this session (one session per user) gets the request back unsent
	 *   ({@link SessionRetiredSignal}) and sends it on the session it kept.
	 * Only login-page answers are re-sent, so a POST is re-sent only when the server did not run it.
	 */
	private async sendInSession(
		method: 'GET' | 'POST',
		path: string,
		attempt: () => Promise<TransportResponse>,
	): Promise<{ res: TransportResponse; location: string | undefined }> {
		let relogins = 0;
		for (let sent = 0; ; sent++) {
			await this.ensureLoggedIn();
			const generation = this.generation;
			const ticket = this.coordinator.ticket();
			const res = await attempt();
			const location = this.http.locationPath(res, path);
			if (!isExpiredResponse(res.status, location, res.body)) {
				if (generation === this.generation) {
					this.generationServed = true;
					this.servedTicket = Math.max(this.servedTicket, ticket);
					this.servedAt = Date.now();
				}
				return { res, location };
			}
			const replaced = generation !== this.generation || this.loginInFlight !== undefined;
			if (sent + 1 >= MAX_SENDS_PER_REQUEST || (!replaced && ((relogins > 0 && !this.generationServed) || relogins >= MAX_RELOGINS_PER_REQUEST))) {
				throw new AuthenticationError(`Re-authentication failed: Backoffice still serves the login page (${method} ${pathOnly(path)})`);
			}
			if (replaced) continue;
			if (this.coordinator.expired(this) === 'retire') throw new SessionRetiredSignal();
			relogins++;
			this.loggedIn = false;
			await this.startLogin(true);
		}
	}

	/**
	 * GETs a same-origin path, following same-origin redirects, retrying transient failures, and
	 * re-logging in on expiry. Throws BackofficeServerError for a final 4xx/5xx.
	 */
	async get(path: string): Promise<PageResponse> {
		let current = path;
		for (let hops = 0; ; ) {
			const { res, location } = await this.sendInSession('GET', current, () => this.http.getWithRetry(current));
			if (res.status >= 300 && res.status < 400 && location !== undefined) {
				if (++hops > MAX_GET_REDIRECTS) throw new UnexpectedPageError(path, 'too many redirects');
				current = location;
				continue;
			}
			if (res.status >= 400) {
				const what = /maintenance/i.test(res.body.slice(0, 2048)) ? ' (maintenance page)' : '';
				throw new BackofficeServerError(`GET ${pathOnly(current)}: Backoffice answered HTTP ${res.status}${what}`, {
					status: res.status,
				});
			}
			if (classifyPage(res.body) === 'maintenance') {
				throw new BackofficeServerError(`GET ${pathOnly(current)}: Backoffice served ${describePage(res.body)}`, {
					status: res.status,
				});
			}
			return { status: res.status, path: current, body: res.body, bytes: res.bytes };
		}
	}

	/**
	 * POSTs a form without following its redirect (the `Location` is the success signal, protocol A.0).
	 * Never retried; re-sent only when the server answered with the login form (expired session: the
	 * write was not applied). HTTP 5xx throws BackofficeServerError with the status.
	 */
	async post(path: string, pairs: FormPairs): Promise<PageResponse> {
		const body = new URLSearchParams(pairs).toString();
		const { res, location } = await this.sendInSession('POST', path, () => this.http.send('POST', path, body));
		const ra = res.headers['retry-after'];
		const retryAfter = Array.isArray(ra) ? ra[0] : ra;
		if (res.status >= 500) {
			throw new BackofficeServerError(`POST ${path}: Backoffice answered HTTP ${res.status}`, { status: res.status, retryAfter });
		}
		return { status: res.status, path, location, body: res.body, bytes: res.bytes, ...(retryAfter !== undefined ? { retryAfter } : {}) };
	}

	/**
	 * Before sending an absolute-state write again (its read-back proved the failed attempt not applied): waits as
	 * the GET retry rules say ({@link resendDecision}) and returns true, or returns false at once when they say no.
	 */
	async waitToResend(attempt: number, outcome: AttemptOutcome): Promise<boolean> {
		const verdict = resendDecision(attempt, outcome, this.options.retryPolicy ?? DEFAULT_RETRY_POLICY);
		if (!verdict.retry) return false;
		await (this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))))(verdict.delayMs);
		return true;
	}

	/** Forgets the session (cookies) without contacting the server. */
	async reset(): Promise<void> {
		this.loggedIn = false;
		await this.http.clearCookies();
	}
}
