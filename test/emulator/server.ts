import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compress, negotiate, type CompressionOptions } from './compression';
import { FaultInjector, errorPage, maintenancePage, type FaultRule } from './faults';
import { Form, parseForm } from './form';
import { redirectBody, type Flash } from './html';
import { loginPage } from './pages/layout';
import { redact, type RequestLogEntry } from './request-log';
import { handleGet, handlePost, type RouteOptions } from './routes';
import { SessionStore, sessionIdFrom } from './sessions';
import type { EmulatorState } from './state';

export interface ServerOptions extends RouteOptions {
	latencyMs: number;
	sessionExpiry: 'redirect' | 'inline';
	expireSessionAfterRequests?: number;
	/** Serialise concurrent requests of one session, as PHP's file session handler does. */
	sessionLocking: boolean;
	/** ASSUMPTION (Part E): a login ends the user's other sessions. */
	singleSessionPerUser?: boolean;
	/** Response compression (ASSUMPTION, see compression.ts). */
	compression: CompressionOptions;
}

interface Reply {
	status: number;
	body: string;
	location?: string;
	headers?: Record<string, string>;
}

const PUBLIC = new Set(['/login', '/login_check', '/forgot-password', '/logout']);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** The HTTP side: session handling (store in sessions.ts), routing, fault injection, request log, A.0 response headers. */
export class EmulatorServer {
	readonly requests: RequestLogEntry[] = [];
	readonly faults: FaultInjector;
	private readonly sessions = new SessionStore();
	private readonly http: Server;
	origin = '';

	constructor(
		readonly state: EmulatorState,
		readonly options: ServerOptions,
		faults: FaultRule[] = [],
		seed = 1,
	) {
		this.faults = new FaultInjector(faults, seed);
		this.http = createServer((req, res) => {
			void this.handle(req, res).catch(() => res.destroy());
		});
	}

	async listen(port: number, host: string): Promise<string> {
		await new Promise<void>((resolve, reject) => {
			this.http.once('error', reject);
			this.http.listen(port, host, () => resolve());
		});
		const addr = this.http.address() as AddressInfo;
		this.origin = `http://${host.includes(":") ? `[${host}]` : host}:${addr.port}`;
		return this.origin;
	}

	async close(): Promise<void> {
		this.http.closeAllConnections();
		await new Promise<void>((resolve) => this.http.close(() => resolve()));
	}

	/** Drops every session (all clients must log in again). */
	expireAllSessions(): void {
		this.sessions.clear();
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const started = performance.now();
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = req.url ?? '/';
		const entry: RequestLogEntry = { method, path, body: redact(body), status: 0, bytes: 0, ms: 0 };
		if (req.headers['user-agent']) entry.userAgent = req.headers['user-agent'];
		this.requests.push(entry);
		const finish = () => (entry.ms = Math.round((performance.now() - started) * 100) / 100);
		const lockSid = this.options.sessionLocking ? sessionIdFrom(req.headers.cookie) : undefined;
		if (lockSid) return this.sessions.locked(lockSid, () => this.respond(req, res, method, path, body, entry, finish));
		await this.respond(req, res, method, path, body, entry, finish);
	}

	private async respond(
		req: IncomingMessage,
		res: ServerResponse,
		method: string,
		path: string,
		body: string,
		entry: RequestLogEntry,
		finish: () => void,
	): Promise<void> {
		if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);
		const fault = this.faults.match(method, path);
		if (fault) entry.fault = fault.kind;
		if (fault?.kind === 'reset') {
			req.socket.destroy();
			finish();
			return;
		}
		if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 60_000);
		let reply: Reply;
		if (fault?.kind === 'status') {
			const status = fault.status ?? 500;
			reply = { status, body: errorPage(status), headers: fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {} };
		} else if (fault?.kind === 'maintenance') {
			reply = { status: 503, body: maintenancePage(), headers: { 'Retry-After': String(fault.retryAfter ?? 120) } };
		} else {
			const cookieSid = sessionIdFrom(req.headers.cookie);
			if (fault?.kind === 'expireSession' && cookieSid) this.sessions.delete(cookieSid);
			reply = this.route(method, path, body, cookieSid);
		}
		if (fault?.kind === 'lostResponse') {
			req.socket.destroy();
			finish();
			return;
		}
		if (fault?.kind === 'offsiteRedirect') reply = { status: 302, body: '', location: `https://elsewhere.invalid${path}` };
		let out = reply.body;
		if (fault?.kind === 'oversize') out += `<!-- ${'x'.repeat(fault.padBytes ?? 2 * 1024 * 1024)} -->`;
		if (fault?.kind === 'truncate' && !fault.encoded) out = Buffer.from(out).subarray(0, fault.truncateAt ?? Math.floor(Buffer.byteLength(out) / 2)).toString('utf8');
		const now = new Date().toUTCString();
		res.statusCode = reply.status;
		res.setHeader('Server', 'Sonnys Controls');
		res.setHeader('Content-Type', 'text/html; charset=UTF-8');
		res.setHeader('Cache-Control', 'max-age=0, must-revalidate, no-cache, no-store, private');
		res.setHeader('Pragma', 'no-cache');
		// Date set explicitly: Node's own Date header can tick to the next second after `now` (a flaky Expires == Date).
		res.setHeader('Date', now);
		res.setHeader('Expires', now);
		res.setHeader('Strict-Transport-Security', 'max-age=15768000');
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Vary', 'User-Agent');
		if (reply.location) res.setHeader('Location', reply.location);
		for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
		const html = Buffer.from(out, 'utf8');
		const coding = negotiate(req.headers['accept-encoding'], this.options.compression, html.length);
		let buf = coding ? compress(html, coding) : html;
		if (fault?.kind === 'truncate' && fault.encoded) buf = buf.subarray(0, fault.truncateAt ?? Math.floor(buf.length / 2));
		if (coding) res.setHeader('Content-Encoding', coding);
		// Written in one chunk without Content-Length: Transfer-Encoding chunked, as captured (A.0).
		if (buf.length) res.write(buf);
		res.end();
		entry.status = reply.status;
		entry.bytes = buf.length;
		entry.decodedBytes = html.length;
		if (coding) entry.encoding = coding;
		if (reply.location) entry.location = reply.location;
		finish();
	}

	private route(method: string, path: string, body: string, sid: string | undefined): Reply {
		const url = new URL(path, 'http://emulator.invalid');
		const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
		let session = sid ? this.sessions.get(sid) : undefined;
		if (pathname === '/login_check' && method === 'POST') return this.login(body);
		if (pathname === '/logout') {
			if (sid) this.sessions.delete(sid);
			return { status: 302, body: redirectBody('/login'), location: '/login' };
		}
		if (PUBLIC.has(pathname)) {
			const headers = session ? {} : this.sessions.cookie((session = this.sessions.create(false, 0)));
			return { status: 200, body: loginPage(), headers };
		}
		if (session?.authenticated) {
			session.requests++;
			const limit = this.options.expireSessionAfterRequests;
			if (limit !== undefined && session.requests > limit) {
				this.sessions.delete(session.id);
				session = undefined;
			}
		}
		if (!session?.authenticated) return this.expired();
		if (method === 'POST') {
			const out = handlePost(this.state, session, pathname, body, this.options);
			if (out) return { status: 302, body: redirectBody(out.location), location: out.location };
		}
		const page = handleGet(this.state, session, pathname, url.searchParams);
		return { status: page.status, body: page.html };
	}

	/** Unknown or expired session on an authenticated URL (ASSUMPTION E.2: both variants selectable). */
	private expired(): Reply {
		const s = this.sessions.create(false, 0);
		if (this.options.sessionExpiry === 'inline') return { status: 200, body: loginPage(), headers: this.sessions.cookie(s) };
		const target = `${this.origin}/login`;
		return { status: 302, body: redirectBody(target), location: target, headers: this.sessions.cookie(s) };
	}

	/** `POST /login_check` (A.1): 302 `/` with a fresh PHPSESSID, or 200 login page with an error (ASSUMPTION E.3). */
	private login(body: string): Reply {
		const f = new Form(parseForm(body));
		const username = f.get('_username') ?? '';
		const password = f.get('_password') ?? '';
		const user = this.state.users.find((u) => u.username === username && u.isActive);
		if (!user || !password || user.password !== password) {
			const flashes: Flash[] = [{ type: 'error', message: 'Invalid credentials.' }];
			return { status: 200, body: loginPage(flashes) };
		}
		if (this.options.singleSessionPerUser) this.sessions.dropUser(user.id);
		const s = this.sessions.create(true, user.id);
		return { status: 302, body: redirectBody('/'), location: '/', headers: this.sessions.cookie(s) };
	}
}
