import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startEmulator, type Emulator } from '../index';
import { Browser, loggedIn } from './helpers';

function rawGet(url: string, cookie: string): Promise<{ status: number; body: string } | { error: string }> {
	return new Promise((resolve) => {
		const req = request(url, { headers: { cookie } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', (e) => resolve({ error: e.message }));
		});
		req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
		req.end();
	});
}

describe('fault injection', () => {
	let emu: Emulator;
	let b: Browser;
	afterEach(() => emu.close());

	async function start(): Promise<void> {
		({ emu, b } = await loggedIn());
	}

	it('status: 500, and 502/503 with Retry-After, on the matching route only, `times` respected', async () => {
		await start();
		emu.faults.add({ route: '/employee', kind: 'status', status: 503, retryAfter: 7, times: 1 });
		emu.faults.add({ route: /^\/user/, method: 'GET', kind: 'status', status: 502, retryAfter: 3, times: 1 });
		emu.faults.add({ route: '/employee/create', kind: 'status', times: 1 });
		const r1 = await b.get('/employee?limit=5');
		expect(r1.status).toBe(503);
		expect(r1.headers.get('retry-after')).toBe('7');
		expect((await b.get('/employee?limit=5')).status).toBe(200);
		const r2 = await b.get('/user');
		expect([r2.status, r2.headers.get('retry-after')]).toEqual([502, '3']);
		expect((await b.get('/employee/create')).status).toBe(500);
		expect((await b.get('/')).status).toBe(200);
		expect(emu.requests.filter((r) => r.fault).map((r) => r.status)).toEqual([503, 502, 500]);
	});

	it('maintenance: 503 with a maintenance page and Retry-After', async () => {
		await start();
		emu.faults.add({ kind: 'maintenance', times: 1 });
		const r = await b.get('/employee');
		expect(r.status).toBe(503);
		expect(r.headers.get('retry-after')).toBe('120');
		expect(r.body).toContain('maintenance');
		expect(r.body).not.toContain('main-column');
	});

	it('after: lets N matching requests through first', async () => {
		await start();
		emu.faults.add({ route: '/', kind: 'status', status: 500, after: 2, times: 1 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await b.get('/')).status);
		expect(statuses).toEqual([200, 200, 500, 200]);
	});

	it('slow: delays the answer past a client timeout', async () => {
		await start();
		emu.faults.add({ route: '/employee', kind: 'slow', delayMs: 400, times: 1 });
		const ctrl = AbortSignal.timeout(100);
		await expect(fetch(`${emu.url}/employee`, { headers: { cookie: b.cookie }, signal: ctrl })).rejects.toThrow();
		expect(emu.requests.at(-1)!.fault).toBe('slow');
	});

	it('reset: destroys the connection without an answer', async () => {
		await start();
		emu.faults.add({ route: '/employee', kind: 'reset', times: 1 });
		const r = await rawGet(`${emu.url}/employee`, b.cookie);
		expect('error' in r).toBe(true);
		expect(emu.requests.at(-1)).toMatchObject({ status: 0, fault: 'reset' });
	});

	it('truncate: cuts the HTML mid-page but ends the response cleanly', async () => {
		await start();
		const full = await b.get('/employee/create');
		emu.faults.add({ route: '/employee/create', kind: 'truncate', times: 1 });
		const cut = await b.get('/employee/create');
		expect(cut.status).toBe(200);
		expect(Buffer.byteLength(cut.body)).toBe(Math.floor(Buffer.byteLength(full.body) / 2));
		expect(cut.body).not.toContain('</html>');
	});

	it('expireSession: the request is answered as if the session had expired', async () => {
		await start();
		emu.faults.add({ route: '/employee', kind: 'expireSession', times: 1 });
		const r = await b.get('/employee');
		expect(r.status).toBe(302);
		expect(r.location).toBe(`${emu.url}/login`);
		expect((await b.get('/')).status).toBe(302);
	});

	it('lostResponse: the write is applied but the socket closes without an answer', async () => {
		await start();
		emu.faults.add({ route: '/employee/update', method: 'POST', kind: 'lostResponse', times: 1 });
		const edit = await b.get('/employee/edit/100');
		const { serializeForm, withoutKeys } = await import('./helpers');
		const pairs = withoutKeys(serializeForm(edit.body, '#employee-create-edit-form'), (k) => k === 'employee[isActive]');
		await expect(b.post('/employee/update', pairs)).rejects.toThrow();
		expect(emu.state.getEmployee(100)!.isActive).toBe(false);
		expect(emu.requests.at(-1)).toMatchObject({ method: 'POST', path: '/employee/update', status: 0, fault: 'lostResponse' });
	});

	it('probability: seeded, so the same seed fires on the same requests', async () => {
		const run = async (seed: number) => {
			const { emu: e, b: br } = await loggedIn({ seed, faults: [{ route: '/', kind: 'status', status: 500, probability: 0.5 }] });
			const out: number[] = [];
			for (let i = 0; i < 12; i++) out.push((await br.get('/')).status);
			await e.close();
			return out;
		};
		const a = await run(42);
		expect(await run(42)).toEqual(a);
		expect(a).toContain(500);
		expect(a).toContain(200);
		emu = await startEmulator();
	});

	it('faults.clear() disarms every rule; latencyMs still answers normally', async () => {
		emu = await startEmulator({ latencyMs: 20, faults: [{ kind: 'status', status: 500 }] });
		b = new Browser(emu.url);
		expect((await b.login()).status).toBe(500);
		emu.faults.clear();
		expect((await b.login()).status).toBe(302);
		expect(emu.requests.at(-1)!.ms).toBeGreaterThanOrEqual(0);
	});
});
