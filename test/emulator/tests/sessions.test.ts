import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../index';
import { Browser, flashes } from './helpers';

describe('sessions', () => {
	let emu: Emulator;
	afterEach(() => emu.close());

	it('login without a prior GET /login: 302 to / with an HttpOnly PHPSESSID on path /', async () => {
		emu = await startEmulator();
		const res = await fetch(`${emu.url}/login_check`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: '_username=demo-bot&_password=demo-password',
			redirect: 'manual',
		});
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe('/');
		const cookie = res.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^PHPSESSID=[0-9a-f]{32}; path=\/; HttpOnly/);
		const b = new Browser(emu.url);
		b.cookie = cookie.split(';')[0];
		const home = await b.get('/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('<div id="main-column">');
		expect(home.body).toContain('Demo Bot');
	});

	it('bad credentials re-render the login page (200) with "Invalid credentials." and no session', async () => {
		emu = await startEmulator();
		const b = new Browser(emu.url);
		const r = await b.login('demo-bot', 'wrong');
		expect(r.status).toBe(200);
		expect(r.body).toContain('name="_username"');
		expect(r.body).toContain('name="_password"');
		expect(flashes(r.body).errors).toEqual(['Invalid credentials.']);
		expect(r.body).not.toContain('wrong');
		const after = await b.get('/employee');
		expect(after.status).toBe(302);
	});

	it('unknown session, redirect variant: 302 to the absolute /login URL on the emulator origin', async () => {
		emu = await startEmulator();
		const b = new Browser(emu.url);
		b.cookie = 'PHPSESSID=deadbeef';
		const r = await b.get('/employee');
		expect(r.status).toBe(302);
		expect(r.location).toBe(`${emu.url}/login`);
		expect(Buffer.byteLength(r.body)).toBe(246 + 4 * r.location!.length);
		const post = await b.post('/employee/insert', [['employee[firstName]', 'X']]);
		expect(post.status).toBe(302);
		expect(post.location).toBe(`${emu.url}/login`);
		expect(emu.state.employees.some((e) => e.firstName === 'X')).toBe(false);
	});

	it('unknown session, inline variant: the login page served in place with 200', async () => {
		emu = await startEmulator({ sessionExpiry: 'inline' });
		const b = new Browser(emu.url);
		const r = await b.get('/employee/create');
		expect(r.status).toBe(200);
		expect(r.body).toContain('id="login-form"');
		expect(r.body).not.toContain('employee-create-edit-form');
	});

	it('expireSessionAfterRequests: the N+1th authenticated request gets the login page; a re-login works', async () => {
		emu = await startEmulator({ expireSessionAfterRequests: 2 });
		const b = new Browser(emu.url);
		await b.login();
		expect((await b.get('/')).status).toBe(200);
		expect((await b.get('/employee')).status).toBe(200);
		const third = await b.get('/user');
		expect(third.status).toBe(302);
		expect(third.location).toBe(`${emu.url}/login`);
		expect((await b.login()).location).toBe('/');
		expect((await b.get('/user')).status).toBe(200);
	});

	it('expireSessions() drops every session; /logout ends one', async () => {
		emu = await startEmulator();
		const b = new Browser(emu.url);
		await b.login();
		emu.expireSessions();
		expect((await b.get('/')).status).toBe(302);
		await b.login();
		const out = await b.get('/logout');
		expect(out.location).toBe('/login');
		expect((await b.get('/')).status).toBe(302);
	});

	it('the request log redacts passwords but keeps the rest of the body', async () => {
		emu = await startEmulator();
		const b = new Browser(emu.url);
		await b.login();
		const entry = emu.requests.find((r) => r.path === '/login_check')!;
		expect(entry.body).toBe('_username=demo-bot&_password=REDACTED');
		expect(entry).toMatchObject({ method: 'POST', status: 302, location: '/' });
		expect(entry.bytes).toBe(250);
		expect(entry.ms).toBeGreaterThanOrEqual(0);
		expect(entry.userAgent).toBeTypeOf('string');
		expect(JSON.stringify(emu.requests)).not.toContain('demo-password');
		expect(JSON.stringify(emu.requests)).not.toContain(b.cookie.split('=')[1]);
	});
});

describe('session locking (option)', () => {
	async function order(sessionLocking: boolean): Promise<string[]> {
		const emu = await startEmulator({ sessionLocking, faults: [] });
		const a = new Browser(emu.url);
		const b = new Browser(emu.url);
		await a.login();
		await b.login();
		// 1 s: far longer than an unblocked GET takes even on a loaded machine (150 ms was flaky under load).
		emu.faults.add({ route: '/', method: 'GET', kind: 'slow', delayMs: 1_000, times: 1 });
		const done: string[] = [];
		const a1 = a.get('/').then(() => done.push('a1'));
		while (!emu.requests.some((r) => r.path === '/' && r.method === 'GET')) await new Promise((r) => setTimeout(r, 5));
		const a2 = a.get('/').then(() => done.push('a2'));
		const b1 = b.get('/').then(() => done.push('b1'));
		await Promise.all([a1, a2, b1]);
		await emu.close();
		return done;
	}

	it('serialises the requests of one session behind a slow one; other sessions are not blocked', async () => {
		const locked = await order(true);
		expect(locked.indexOf('a2')).toBeGreaterThan(locked.indexOf('a1'));
		expect(locked.indexOf('b1')).toBeLessThan(locked.indexOf('a1'));
		const free = await order(false);
		expect(free.indexOf('a2')).toBeLessThan(free.indexOf('a1'));
	});
});
