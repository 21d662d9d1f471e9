/**
 * No password, session cookie, POS PIN (given, generated or read from an edit form) or Backoffice password in any
 * error: message, stack, JSON, util.inspect, or any error down the `cause` chain. One case per failure kind.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SonnysBackofficeClient } from '../../src/client';
import type { Transport, TransportRequest, TransportResponse } from '../../src/transport/types';
import { UndiciTransport } from '../../src/transport/undici-transport';
import { BOT, newClient, newHire, setup, type Emu } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

const SECRET_FIELDS = new Set(['_password', 'posCredential[POSLoginPassword]', 'user[password]', 'user[confirmPassword]']);

/** Wraps a transport and collects every secret that crossed the wire: form secrets, Cookie and Set-Cookie values. */
class Recorder implements Transport {
	readonly secrets = new Set<string>();
	constructor(private readonly inner: Transport, private readonly rewrite?: (req: TransportRequest, res: TransportResponse) => TransportResponse) {}

	async request(req: TransportRequest): Promise<TransportResponse> {
		if (req.body) for (const [k, v] of new URLSearchParams(req.body)) if (SECRET_FIELDS.has(k) && v) this.secrets.add(v);
		for (const m of (req.headers.cookie ?? '').matchAll(/PHPSESSID=([^;]+)/g)) this.secrets.add(m[1]);
		const res = await this.inner.request(req);
		const sc = res.headers['set-cookie'];
		for (const c of Array.isArray(sc) ? sc : sc ? [sc] : []) {
			const m = /PHPSESSID=([^;]+)/.exec(c);
			if (m) this.secrets.add(m[1]);
		}
		return this.rewrite ? this.rewrite(req, res) : res;
	}

	close(): Promise<void> {
		return this.inner.close();
	}
}

function recordingClient(emu: Emu, rewrite?: (req: TransportRequest, res: TransportResponse) => TransportResponse, timeoutMs = 5000) {
	const recorder = new Recorder(new UndiciTransport(), rewrite);
	const client = newClient(emu, { timeoutMs }, { transport: recorder });
	return { client, recorder };
}

/** Every rendering of the error and of each error in its cause chain. */
function renderings(err: unknown): string[] {
	const out = [String(err), inspect(err, { depth: null }), inspect(err, { depth: null, showHidden: true })];
	for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 10; depth++) {
		out.push(String(e), JSON.stringify(e) ?? '');
		if (e instanceof Error) out.push(e.message, e.stack ?? '');
		e = (e as { cause?: unknown }).cause;
	}
	return out;
}

function expectNoSecret(err: unknown, secrets: Iterable<string>): void {
	expect(err).toBeInstanceOf(Error);
	const text = renderings(err).join('\n');
	for (const secret of secrets) {
		expect(secret.length).toBeGreaterThan(3);
		expect(text, `secret "${secret}" leaked`).not.toContain(secret);
	}
}

const PIN = 86420;
const BO_PASSWORD = 'Pa$$w0rd-Hidden';

describe('no secret in any error', () => {
	it('login refused, and a later call refused from memory', async () => {
		const s = await setup({}, { password: 'wrong-Secret-42' });
		done = s.done;
		const first = await s.client.login().catch((e) => e);
		const later = await s.client.isPosUserIdAvailable({ posUserId: 1 }).catch((e) => e);
		for (const err of [first, later]) expectNoSecret(err, ['wrong-Secret-42', BOT.password]);
	});

	it('server error, lost response and a failing lookup (nested causes from undici)', async () => {
		const s = await setup();
		done = s.done;
		const { client, recorder } = recordingClient(s.emu);
		await client.createEmployee(newHire());
		s.emu.faults.add({ kind: 'status', status: 500, route: '/employee/insert', method: 'POST', times: 1 });
		const five = await client.createEmployee(newHire({ posPin: PIN })).catch((e) => e);
		s.emu.faults.add({ kind: 'lostResponse', route: '/employee/insert', method: 'POST', times: 1 });
		s.emu.faults.add({ kind: 'reset', route: '/employee', method: 'GET', after: 2 });
		const lost = await client.createEmployee(newHire()).catch((e) => e);
		s.emu.faults.clear();
		await client.close();
		expect(five.code).toBe('SERVER_ERROR');
		expect(lost.code).toBe('OUTCOME_UNKNOWN');
		for (const err of [five, lost]) expectNoSecret(err, [...recorder.secrets, String(PIN)]);
	});

	it('timeout of a write and of a read (AbortError causes)', async () => {
		const s = await setup();
		done = s.done;
		const { client, recorder } = recordingClient(s.emu, undefined, 500);
		await client.createEmployee(newHire());
		s.emu.faults.add({ kind: 'slow', delayMs: 1000, route: '/employee/insert', method: 'POST', times: 1 });
		const write = await client.createEmployee(newHire({ posPin: PIN })).catch((e) => e);
		s.emu.faults.add({ kind: 'slow', delayMs: 1000, route: '/employee/create', method: 'GET', times: 1 });
		const read = await client.listSites({ refresh: true }).catch((e) => e);
		await client.close();
		expect(write.code).toBe('OUTCOME_UNKNOWN');
		expect(read.code).toBe('TIMEOUT');
		for (const err of [write, read]) expectNoSecret(err, [...recorder.secrets, String(PIN)]);
	});

	it('connection reset, truncated page, response too large', async () => {
		const s = await setup();
		done = s.done;
		const { client, recorder } = recordingClient(s.emu);
		await client.login();
		s.emu.faults.add({ kind: 'reset', route: '/employee/create' });
		const reset = await client.listSites().catch((e) => e);
		s.emu.faults.clear();
		s.emu.faults.add({ kind: 'truncate', route: '/user/create' });
		const cut = await client.isEmailAvailable({ email: 'a@b.co' }).catch((e) => e);
		s.emu.faults.clear();
		await client.close();
		const small = new Recorder(new UndiciTransport());
		const tiny = newClient(s.emu, { maxResponseBytes: 2000 }, { transport: small });
		const large = await tiny.listSites().catch((e) => e);
		await tiny.close();
		expect([reset.code, cut.code, large.code]).toEqual(['CONNECTION_ERROR', 'CONNECTION_ERROR', 'RESPONSE_TOO_LARGE']);
		for (const err of [reset, cut, large]) expectNoSecret(err, [...recorder.secrets, ...small.secrets]);
	});

	it('refused writes (flash), server duplicates, verification failures, unexplained answers', async () => {
		const s = await setup();
		done = s.done;
		const { client, recorder } = recordingClient(s.emu);
		// a disable round trip posts the employee's stored PIN
		s.emu.state.getEmployee(100)!.startDate = '';
		const refused = await client.disableEmployee({ posUserId: 1001 }).catch((e) => e);
		const hire = newHire({ posPin: PIN });
		s.emu.state.employees.push({ ...structuredClone(s.emu.state.getEmployee(103)!), id: 9999, posUserId: 424242, phone: hire.phone, email: 'other@example.invalid' });
		const duplicate = await client.createEmployee(hire).catch((e) => e);
		s.emu.faults.add({ kind: 'status', status: 302, route: '/employee/update', method: 'POST', times: 1 });
		const unverified = await client.disableEmployee({ posUserId: 1008 }).catch((e) => e);
		await client.close();
		expect([refused.code, duplicate.code, unverified.code]).toEqual(['REJECTED_BY_SERVER', 'DUPLICATE', 'VERIFICATION_FAILED']);
		for (const err of [refused, duplicate, unverified]) expectNoSecret(err, [...recorder.secrets, String(PIN)]);
	});

	it('the linked Backoffice user fails after the employee was created (given and generated passwords)', async () => {
		const s = await setup();
		done = s.done;
		const { client, recorder } = recordingClient(s.emu);
		s.emu.faults.add({ kind: 'status', status: 500, route: '/user/insert', method: 'POST' });
		const given = await client
			.createEmployee(newHire({ posPin: PIN, requiresBackoffice: true, backofficeUsername: 'secretive', backofficePassword: BO_PASSWORD }))
			.catch((e) => e);
		const generated = await client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'secretive2' })).catch((e) => e);
		await client.close();
		expect(recorder.secrets.size).toBeGreaterThan(4);
		for (const err of [given, generated]) expectNoSecret(err, [...recorder.secrets, String(PIN), BO_PASSWORD]);
	});

	it('invalid secrets are refused without echoing them', async () => {
		const s = await setup();
		done = s.done;
		const errors = [
			await s.client.createEmployee(newHire({ posPin: 123456 })).catch((e) => e),
			await s.client.createEmployee(newHire({ posPin: '54321' as unknown as number })).catch((e) => e),
			await s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'x_secret', backofficePassword: 987654 as unknown as string })).catch((e) => e),
			await s.client.createBackofficeUser({ username: 'abc', email: 'a@b.co', permission: 'x', password: '   ', firstName: 'A', lastName: 'B' }).catch((e) => e),
		];
		let thrown: unknown;
		try {
			new SonnysBackofficeClient({ subdomain: 'washu', username: 'u', password: 13579 as unknown as string });
		} catch (e) {
			thrown = e;
		}
		errors.push(thrown);
		for (const err of errors) expect(err.code).toBe('VALIDATION_ERROR');
		for (const err of errors) expectNoSecret(err, ['123456', '54321', '987654', '13579']);
		expect(s.emu.requests).toHaveLength(0);
	});

	it('server text echoing a secret (login error, refusal flash) is redacted', async () => {
		const s = await setup();
		done = s.done;
		const echo = (req: TransportRequest, res: TransportResponse): TransportResponse => {
			const path = new URL(req.url).pathname;
			if (path === '/login_check' && req.body?.includes('wrong-pass-9')) {
				return { ...res, body: res.body.replace('Invalid credentials.', 'Invalid password wrong-pass-9 for demo-bot.') };
			}
			if (req.method === 'GET' && path === '/employee/create' && req.url.includes('actionXfer')) {
				return { ...res, body: res.body.replace('That email address is already in use.', `PIN ${PIN} is not allowed`) };
			}
			return res;
		};
		const bad = recordingClient(s.emu, echo);
		const badLogin = await new SonnysBackofficeClient(
			{ subdomain: 'washu', username: BOT.username, password: 'wrong-pass-9', baseUrl: s.emu.url },
			{ transport: new Recorder(new UndiciTransport(), echo) },
		)
			.login()
			.catch((e) => e);
		expect(badLogin.code).toBe('AUTHENTICATION_FAILED');
		expectNoSecret(badLogin, ['wrong-pass-9']);
		expect(badLogin.message).toContain('[redacted]');
		// the index is read first; the e-mail is taken afterwards, so only the server refuses the insert (echoing the PIN)
		await bad.client.isEmailAvailable({ email: 'a@b.co' });
		await bad.client.isPhoneAvailable({ phone: '3125550000' });
		const hire = newHire({ posPin: PIN });
		s.emu.state.employees.push({ ...structuredClone(s.emu.state.getEmployee(103)!), id: 9998, posUserId: 434343, email: hire.email, phone: '' });
		const refused = await bad.client.createEmployee(hire).catch((e) => e);
		await bad.client.close();
		expect(refused.code).toBe('REJECTED_BY_SERVER');
		expect(refused.flash).toBe('PIN [redacted] is not allowed');
		expectNoSecret(refused, [...bad.recorder.secrets, String(PIN)]);
	});

	it('warnings quoting a server page that echoes a secret are redacted too', async () => {
		const s = await setup();
		done = s.done;
		// the insert is applied, but answered with a page whose title quotes the PIN
		const { client, recorder } = recordingClient(s.emu, (req, res) =>
			req.method === 'POST' && new URL(req.url).pathname === '/employee/insert'
				? { status: 200, headers: { 'content-type': 'text/html' }, body: `<html><head><title>PIN ${PIN} saved</title></head><body></body></html>`, bytes: 80 }
				: res,
		);
		const r = await client.createEmployee(newHire({ posPin: PIN }));
		await client.close();
		expect(r.posPin).toBe(PIN);
		expect(r.warnings.join(' ')).toMatch(/not re-sent/);
		expect(r.warnings.join(' ')).not.toContain(String(PIN));
		for (const secret of recorder.secrets) expect(r.warnings.join(' ')).not.toContain(secret);
	});
});
