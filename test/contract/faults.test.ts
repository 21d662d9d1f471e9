/** Transport faults through the whole client against the emulator: retries, timeouts, resets, truncation, maintenance. */
import { afterEach, describe, expect, it } from 'vitest';
import { BackofficeServerError, ConnectionError, TimeoutError } from '../../src/errors';
import { routes, setup } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('faults', () => {
	it('503 then success on a GET: retried transparently', async () => {
		const s = await setup({ faults: [{ kind: 'status', status: 503, retryAfter: 0, route: '/employee/create', times: 1 }] });
		done = s.done;
		const sites = await s.client.listSites();
		expect(sites).toHaveLength(19);
		expect(routes(s.emu.requests)).toEqual(['POST /login_check', 'GET /employee/create', 'GET /employee/create']);
	});

	it('429 with Retry-After, then success', async () => {
		const s = await setup({ faults: [{ kind: 'status', status: 429, retryAfter: 0, route: '/user/create', times: 2 }] });
		done = s.done;
		expect(await s.client.isEmailAvailable({ email: 'free@example.invalid' })).toBe(true);
		expect(s.emu.requests.filter((x) => x.path === '/user/create')).toHaveLength(3);
	});

	it('maintenance page with a long Retry-After: not waited for, BackofficeServerError naming it', async () => {
		const s = await setup({ faults: [{ kind: 'maintenance', route: '/employee/create' }] });
		done = s.done;
		const err = await s.client.listSites().catch((e) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect(err.status).toBe(503);
		expect(err.message).toMatch(/maintenance/);
		expect(s.emu.requests.filter((x) => x.path === '/employee/create')).toHaveLength(1);
	});

	it('persistent 500 on a GET: a bounded number of retries, then BackofficeServerError', async () => {
		const s = await setup({ faults: [{ kind: 'status', status: 500, route: '/employee/create' }] }, { maxRetries: 2 });
		done = s.done;
		await expect(s.client.listSites()).rejects.toMatchObject({ status: 500, code: 'SERVER_ERROR' });
		expect(s.emu.requests.filter((x) => x.path === '/employee/create')).toHaveLength(3);
	});

	it('slow response past timeoutMs: TimeoutError, not retried', async () => {
		const s = await setup({ faults: [{ kind: 'slow', delayMs: 3000, route: '/employee/create' }] }, { timeoutMs: 300 });
		done = s.done;
		const err = await s.client.listSites().catch((e) => e);
		expect(err).toBeInstanceOf(TimeoutError);
		expect(err.code).toBe('TIMEOUT');
		expect(s.emu.requests.filter((x) => x.path === '/employee/create').length).toBeLessThanOrEqual(1);
	});

	it('connection reset on a GET: retried; persistent resets: ConnectionError', async () => {
		const s = await setup({ faults: [{ kind: 'reset', route: '/employee/create', times: 1 }] });
		done = s.done;
		expect(await s.client.listSites()).toHaveLength(19);
		s.emu.faults.add({ kind: 'reset', route: '/user/create' });
		const err = await s.client.isEmailAvailable({ email: 'a@example.invalid' }).catch((e) => e);
		expect(err).toBeInstanceOf(ConnectionError);
		expect(err.code).toBe('CONNECTION_ERROR');
	});

	it('truncated HTML is never parsed as a short page: retried, then succeeds', async () => {
		const s = await setup({ faults: [{ kind: 'truncate', route: '/employee', method: 'GET', times: 1 }] });
		done = s.done;
		expect(await s.client.isPhoneAvailable({ phone: '(312) 555-0100' })).toBe(false);
		expect(s.emu.requests.filter((x) => x.path.startsWith('/employee?'))).toHaveLength(2);
	});

	it('session expiry on a GET, login page served in place: one re-login, same answer', async () => {
		const s = await setup({ sessionExpiry: 'inline' });
		done = s.done;
		await s.client.listSites();
		s.emu.faults.add({ kind: 'expireSession', route: '/user/create', times: 1 });
		expect(await s.client.isEmailAvailable({ email: 'avery.alder0@example.invalid' })).toBe(false);
		expect(routes(s.emu.requests)).toEqual([
			'POST /login_check',
			'GET /employee/create',
			'GET /user/create',
			'POST /login_check',
			'GET /user/create',
		]);
	});

	it('a reset on the login POST is not retried', async () => {
		const s = await setup({ faults: [{ kind: 'reset', route: '/login_check' }] });
		done = s.done;
		await expect(s.client.login()).rejects.toBeInstanceOf(ConnectionError);
		expect(s.emu.requests.filter((x) => x.path === '/login_check')).toHaveLength(1);
	});
});
