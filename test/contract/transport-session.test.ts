/**
 * Transport and session against a scripted local HTTP server (real sockets, 127.0.0.1, port 0):
 * retry rule, timeouts, size cap, resets, login classification, expiry handling, redirect rules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, BackofficeServerError, ConnectionError, TimeoutError } from '../../src/errors';
import { BackofficeSession } from '../../src/session/session';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDecision } from '../../src/transport/retry';
import { UndiciTransport, isLoopbackHost } from '../../src/transport/undici-transport';

const LOGIN_PAGE =
	'<html><body><div id="main-column-logged-out"><form id="login-form" action="/login_check" method="POST">' +
	'<div class="alert alert-danger"><p>Invalid credentials.</p></div>' +
	'<input name="_username" id="login-username"><input type="password" name="_password" id="login-password"></form></div></body></html>';
const APP_PAGE = '<html><head><title>Sonny\'s Controls | Employees</title></head><body><div id="main-column">ok</div></body></html>';

interface Seen {
	method: string;
	url: string;
	body: string;
	cookie?: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;

let server: Server | undefined;
const transports: UndiciTransport[] = [];

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
	const seen: Seen[] = [];
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			seen.push({ method: req.method ?? '', url: req.url ?? '', body, cookie: req.headers.cookie });
			handler(req, res, body, seen.length);
		});
	});
	await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function session(url: string, opts: { timeoutMs?: number; maxResponseBytes?: number; password?: string } = {}) {
	const transport = new UndiciTransport();
	transports.push(transport);
	return new BackofficeSession({
		baseUrl: url,
		username: 'demo-bot',
		password: opts.password ?? 'S3cret-Pa55',
		userAgent: 'test',
		timeoutMs: opts.timeoutMs ?? 2000,
		maxResponseBytes: opts.maxResponseBytes ?? 1_000_000,
		transport,
		sleep: async () => undefined,
	});
}

/** A server that logs in (302 to / with a cookie) and hands every other request to `app`. */
function withLogin(app: Handler): Handler {
	return (req, res, body, n) => {
		if (req.method === 'POST' && req.url === '/login_check') {
			res.writeHead(302, { location: '/', 'set-cookie': `PHPSESSID=sess${n}; path=/; HttpOnly` });
			res.end('redirect');
			return;
		}
		app(req, res, body, n);
	};
}

afterEach(async () => {
	await Promise.all(transports.splice(0).map((t) => t.close()));
	if (server) await new Promise<void>((r) => server!.close(() => r()));
	server = undefined;
});

describe('retryDecision (pure)', () => {
	const fixed = () => 0.5;
	it('retries GETs on connection errors, 429 and 5xx with capped full jitter', () => {
		expect(retryDecision(1, { kind: 'connection-error' }, 'GET', DEFAULT_RETRY_POLICY, fixed)).toEqual({ retry: true, delayMs: 100 });
		expect(retryDecision(2, { kind: 'response', status: 503 }, 'GET', DEFAULT_RETRY_POLICY, fixed)).toEqual({ retry: true, delayMs: 200 });
		expect(retryDecision(3, { kind: 'response', status: 429 }, 'GET', DEFAULT_RETRY_POLICY, () => 0.999)).toEqual({ retry: true, delayMs: 799 });
		const capped = retryDecision(3, { kind: 'response', status: 500 }, 'GET', { ...DEFAULT_RETRY_POLICY, maxDelayMs: 300 }, () => 0.999);
		expect(capped).toEqual({ retry: true, delayMs: 299 });
	});
	it('never retries POSTs, timeouts, 4xx, or beyond maxRetries', () => {
		expect(retryDecision(1, { kind: 'connection-error' }, 'POST')).toEqual({ retry: false });
		expect(retryDecision(1, { kind: 'timeout' }, 'GET')).toEqual({ retry: false });
		expect(retryDecision(1, { kind: 'response', status: 404 }, 'GET')).toEqual({ retry: false });
		expect(retryDecision(1, { kind: 'response', status: 200 }, 'GET')).toEqual({ retry: false });
		expect(retryDecision(4, { kind: 'response', status: 503 }, 'GET')).toEqual({ retry: false });
		expect(retryDecision(1, { kind: 'response', status: 503 }, 'GET', { ...DEFAULT_RETRY_POLICY, maxRetries: 0 })).toEqual({ retry: false });
	});
	it('honours Retry-After seconds and HTTP-date up to a cap', () => {
		expect(retryDecision(1, { kind: 'response', status: 503, retryAfter: '2' }, 'GET')).toEqual({ retry: true, delayMs: 2000 });
		const now = Date.parse('2026-11-22T10:00:00Z');
		const date = new Date(now + 5000).toUTCString();
		expect(retryDecision(1, { kind: 'response', status: 429, retryAfter: date }, 'GET', DEFAULT_RETRY_POLICY, fixed, now)).toEqual({
			retry: true,
			delayMs: 5000,
		});
		expect(retryDecision(1, { kind: 'response', status: 503, retryAfter: '3600' }, 'GET')).toEqual({ retry: false });
		expect(parseRetryAfter('garbage')).toBeUndefined();
		expect(parseRetryAfter(new Date(0).toUTCString(), 1000)).toBe(0);
	});
	it('treats loopback hosts as loopback only', () => {
		expect(isLoopbackHost('127.0.0.1')).toBe(true);
		expect(isLoopbackHost('localhost')).toBe(true);
		expect(isLoopbackHost('washu.sonnyscontrols.com')).toBe(false);
	});
});

describe('transport', () => {
	it('turns a slow response into TimeoutError', async () => {
		const { url } = await serve((_req, res) => setTimeout(() => res.end('late'), 1500));
		const t = new UndiciTransport();
		transports.push(t);
		const err = await t
			.request({ method: 'GET', url: `${url}/slow`, headers: {}, timeoutMs: 200, maxResponseBytes: 1000 })
			.catch((e) => e);
		expect(err).toBeInstanceOf(TimeoutError);
		expect(err.code).toBe('TIMEOUT');
	});
	it('caps the response size', async () => {
		const { url } = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.write('x'.repeat(600));
			res.end('y'.repeat(600));
		});
		const t = new UndiciTransport();
		transports.push(t);
		const err = await t.request({ method: 'GET', url, headers: {}, timeoutMs: 2000, maxResponseBytes: 1000 }).catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.code).toBe('RESPONSE_TOO_LARGE');
	});
	it('maps a reset to ConnectionError', async () => {
		const { url } = await serve((req) => req.socket.destroy());
		const t = new UndiciTransport();
		transports.push(t);
		const err = await t.request({ method: 'GET', url, headers: {}, timeoutMs: 2000, maxResponseBytes: 1000 }).catch((e) => e);
		expect(err).toBeInstanceOf(ConnectionError);
	});
	it('maps a truncated body to ConnectionError', async () => {
		const { url } = await serve((_req, res) => {
			res.writeHead(200, { 'content-length': '1000' });
			res.write('<html><div id="main-column">');
			setTimeout(() => res.socket?.destroy(), 20);
		});
		const t = new UndiciTransport();
		transports.push(t);
		const err = await t.request({ method: 'GET', url, headers: {}, timeoutMs: 2000, maxResponseBytes: 10000 }).catch((e) => e);
		expect(err).toBeInstanceOf(ConnectionError);
	});
});

describe('proxy', () => {
	it('sends remote hosts through HTTP_PROXY (CONNECT), never loopback', async () => {
		const { url, seen } = await serve((_req, res) => res.end('direct'));
		const tunnels: string[] = [];
		server!.on('connect', (req, socket) => {
			tunnels.push(req.url ?? '');
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
		});
		const t = new UndiciTransport({ env: { HTTP_PROXY: url } });
		transports.push(t);
		const err = await t
			.request({ method: 'GET', url: 'http://washu.example.invalid/employee', headers: {}, timeoutMs: 2000, maxResponseBytes: 1000 })
			.catch((e) => e);
		expect(err).toBeInstanceOf(ConnectionError);
		expect(tunnels).toEqual(['washu.example.invalid:80']);
		const res = await t.request({ method: 'GET', url: `${url}/direct`, headers: {}, timeoutMs: 2000, maxResponseBytes: 1000 });
		expect(res.body).toBe('direct');
		expect(seen[0].url).toBe('/direct');
	});
});

describe('session', () => {
	it('logs in with ONE request and does not follow the redirect to the dashboard', async () => {
		const { url, seen } = await serve(withLogin((_req, res) => res.end(APP_PAGE)));
		const s = session(url);
		await s.login();
		expect(seen).toHaveLength(1);
		expect(seen[0].method).toBe('POST');
		expect(seen[0].url).toBe('/login_check');
		expect(seen[0].body).toBe('_username=demo-bot&_password=S3cret-Pa55');
		await s.get('/employee');
		expect(seen[1].cookie).toBe('PHPSESSID=sess1');
	});

	it('bad credentials: one request, AuthenticationError with the page text, never retried, no secret in the error', async () => {
		const { url, seen } = await serve((_req, res) => res.end(LOGIN_PAGE));
		const s = session(url);
		const err = await s.get('/employee').catch((e) => e);
		expect(err).toBeInstanceOf(AuthenticationError);
		expect(err.message).toContain('Invalid credentials');
		expect(String(err) + err.stack).not.toContain('S3cret-Pa55');
		const again = await s.login().catch((e) => e);
		expect(again).toBeInstanceOf(AuthenticationError);
		expect(seen).toHaveLength(1);
	});

	it('retries a GET on 503 and succeeds', async () => {
		const { url, seen } = await serve(
			withLogin((_req, res, _b, n) => {
				if (n === 2) {
					res.writeHead(503, { 'retry-after': '0' });
					res.end('maintenance');
					return;
				}
				res.end(APP_PAGE);
			}),
		);
		const page = await session(url).get('/employee');
		expect(page.body).toContain('main-column');
		expect(seen.map((r) => r.url)).toEqual(['/login_check', '/employee', '/employee']);
	});

	it('re-logs in exactly once when the login page is served in place, then repeats the GET', async () => {
		const { url, seen } = await serve(withLogin((_req, res, _b, n) => res.end(n === 2 ? LOGIN_PAGE : APP_PAGE)));
		const page = await session(url).get('/employee');
		expect(page.body).toContain('main-column');
		expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
			'POST /login_check',
			'GET /employee',
			'POST /login_check',
			'GET /employee',
		]);
	});

	it('treats 401/403 as expiry: one re-login, then the GET again', async () => {
		const { url, seen } = await serve(
			withLogin((_req, res, _b, n) => {
				if (n === 2) {
					res.writeHead(403);
					res.end();
					return;
				}
				res.end(APP_PAGE);
			}),
		);
		await session(url).get('/employee');
		expect(seen.map((r) => r.url)).toEqual(['/login_check', '/employee', '/login_check', '/employee']);
	});

	it('treats a redirect to /login as expiry, and gives up after one re-login', async () => {
		const { url, seen } = await serve(
			withLogin((_req, res) => {
				res.writeHead(302, { location: '/login' });
				res.end();
			}),
		);
		const err = await session(url).get('/employee').catch((e) => e);
		expect(err).toBeInstanceOf(AuthenticationError);
		expect(err.message).toMatch(/Re-authentication/);
		expect(seen.filter((r) => r.url === '/login_check')).toHaveLength(2);
	});

	it('re-sends a POST once only when it was answered with the login form', async () => {
		const { url, seen } = await serve(
			withLogin((req, res, _b, n) => {
				if (req.method === 'POST' && n === 2) {
					res.end(LOGIN_PAGE);
					return;
				}
				res.writeHead(302, { location: '/employee/permissions/9' });
				res.end();
			}),
		);
		const r = await session(url).post('/employee/insert', [['employee[firstName]', 'A']]);
		expect(r.location).toBe('/employee/permissions/9');
		expect(seen.map((x) => x.url)).toEqual(['/login_check', '/employee/insert', '/login_check', '/employee/insert']);
	});

	it('never retries a POST on 5xx', async () => {
		const { url, seen } = await serve(
			withLogin((_req, res) => {
				res.writeHead(502);
				res.end();
			}),
		);
		const err = await session(url).post('/employee/insert', []).catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.status).toBe(502);
		expect(seen).toHaveLength(2);
	});

	it('a maintenance page served with 200 is a BackofficeServerError, not a page to parse', async () => {
		const { url } = await serve(
			withLogin((_req, res) => res.end('<html><head><title>Sonny\'s Controls | Maintenance</title></head><body><h1>We\'ll be right back</h1></body></html>')),
		);
		const err = await session(url).get('/employee').catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.message).toMatch(/maintenance/i);
	});

	it('refuses a redirect to another origin', async () => {
		const { url } = await serve(
			withLogin((_req, res) => {
				res.writeHead(302, { location: 'https://evil.example/steal' });
				res.end();
			}),
		);
		const err = await session(url).get('/employee').catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.message).toMatch(/another origin/);
	});
});
