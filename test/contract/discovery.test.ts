/** Construction, login, discovery and availability against the emulator over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { CLIENT_VERSION, SonnysBackofficeClient } from '../../src/client';
import { AuthenticationError, NotFoundError, SonnysBackofficeError, ValidationError } from '../../src/errors';
import type { Transport, TransportRequest } from '../../src/transport/types';
import { FULL_ROSTER, newClient, routes, setup, since } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('construction', () => {
	it('validates options without any request, and refuses clear-text passwords to remote hosts', () => {
		expect(() => new SonnysBackofficeClient({ subdomain: 'wash.u', username: 'b', password: 'p' })).toThrow(ValidationError);
		expect(() => new SonnysBackofficeClient({ subdomain: 'washu', username: 'b', password: 'p', baseUrl: 'http://proxy.example.com' })).toThrow(
			/https/,
		);
		const c = new SonnysBackofficeClient({ subdomain: 'washu', username: 'b', password: 'p' });
		expect(c.baseUrl).toBe('https://washu.sonnyscontrols.com');
		const local = new SonnysBackofficeClient({ subdomain: 'washu', username: 'b', password: 'p', baseUrl: 'http://127.0.0.1:9' });
		expect(local.baseUrl).toBe('http://127.0.0.1:9');
		return Promise.all([c.close(), local.close()]);
	});

	it('is lazy, logs in with one request, and closes with await using', async () => {
		const s = await setup();
		done = s.done;
		expect(s.emu.requests).toHaveLength(0);
		await s.client.login();
		expect(routes(s.emu.requests)).toEqual(['POST /login_check']);
		await s.client.login();
		expect(s.emu.requests).toHaveLength(1);
		{
			await using scoped = newClient(s.emu);
			await scoped.listSites();
		}
		const closed = newClient(s.emu);
		await closed.close();
		await expect(closed.listSites()).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
	});

	it('sends the default User-Agent, or the configured one', async () => {
		const s = await setup();
		done = s.done;
		await s.client.login();
		const custom = newClient(s.emu, { userAgent: 'acme-hr-sync/2.0' });
		await custom.login();
		await custom.close();
		expect(s.emu.requests.map((r) => r.userAgent)).toEqual([`n8n-nodes-sonnys-backoffice/${pkg.version}`, 'acme-hr-sync/2.0']);
		expect(CLIENT_VERSION).toBe(pkg.version);
	});

	it('bad credentials: one login request, AuthenticationError, never retried, password not in the error', async () => {
		const s = await setup({}, { password: 'wrong-Secret-42' });
		done = s.done;
		const err = await s.client.listSites().catch((e) => e);
		expect(err).toBeInstanceOf(AuthenticationError);
		expect(err).toBeInstanceOf(SonnysBackofficeError);
		expect(err.code).toBe('AUTHENTICATION_FAILED');
		expect(err.message).toContain('Invalid credentials');
		expect(String(err) + err.stack).not.toContain('wrong-Secret-42');
		await expect(s.client.isEmailAvailable({ email: 'x@example.invalid' })).rejects.toBeInstanceOf(AuthenticationError);
		expect(routes(s.emu.requests)).toEqual(['POST /login_check']);
	});
});

describe('replaceable transport', () => {
	it('a test transport sees every request; the login body carries the credentials only to it', async () => {
		const seen: TransportRequest[] = [];
		const transport: Transport = {
			async request(req) {
				seen.push(req);
				return { status: 302, headers: { location: '/', 'set-cookie': 'PHPSESSID=abc; path=/' }, body: '', bytes: 0 };
			},
			async close() {},
		};
		const c = new SonnysBackofficeClient({ subdomain: 'washu', username: 'bot', password: 'pw' }, { transport });
		await c.login();
		await c.close();
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ method: 'POST', url: 'https://washu.sonnyscontrols.com/login_check', timeoutMs: 30000 });
		expect(seen[0].headers['user-agent']).toMatch(/^n8n-nodes-sonnys-backoffice\//);
	});
});

describe('discovery', () => {
	it('listSites and listDepartments share ONE cached GET of /employee/create; refresh re-fetches', async () => {
		const s = await setup();
		done = s.done;
		const sites = await s.client.listSites();
		const departments = await s.client.listDepartments();
		expect(routes(s.emu.requests)).toEqual(['POST /login_check', 'GET /employee/create']);
		expect(sites).toHaveLength(19);
		expect(sites.find((x) => x.name === 'WashU Fiesta')).toMatchObject({ id: 1, districtId: 2, regionId: 2 });
		expect(sites.find((x) => x.name === 'Wash 37135')).toMatchObject({ id: 17, districtId: 1, regionId: 1 });
		expect(departments.map((d) => d.name).sort()).toEqual(['Cashier', 'Greeter', 'Line', 'Management']);
		expect(departments.find((d) => d.name === 'Greeter')?.id).toBe(3);
		await s.client.listSites({ refresh: true });
		expect(routes(s.emu.requests)).toEqual(['POST /login_check', 'GET /employee/create', 'GET /employee/create']);
	});

	it('concurrent calls share one download of each cache', async () => {
		const s = await setup();
		done = s.done;
		await Promise.all([
			s.client.listSites(),
			s.client.listDepartments(),
			s.client.isPhoneAvailable({ phone: '2025550100' }),
			s.client.isPhoneAvailable({ phone: '2025550101' }),
			s.client.isEmailAvailable({ email: 'a@example.invalid' }),
			s.client.isEmailAvailable({ email: 'b@example.invalid' }),
		]);
		expect(routes(s.emu.requests).sort()).toEqual(['GET /employee', 'GET /employee/create', 'GET /user/create', 'POST /login_check']);
	});

	it('flat tenants: sites without region or district', async () => {
		const s = await setup({ tenant: 'flat' });
		done = s.done;
		const sites = await s.client.listSites();
		expect(sites.length).toBeGreaterThan(0);
		expect(sites.every((x) => x.regionId === null && x.districtId === null)).toBe(true);
	});

	it('listPermissions: POS templates from one employee permissions page (no full roster), cached; Backoffice templates', async () => {
		const s = await setup();
		done = s.done;
		const pos = await s.client.listPermissions({ scope: 'pos' });
		expect(pos.map((p) => p.name)).toEqual(
			expect.arrayContaining(['Manager', 'Cashier', 'General User', 'General Manager', 'Assistant Manager', 'Shift Leader', 'CSA']),
		);
		expect(pos.find((p) => p.name === 'General User')).toMatchObject({ id: 3, scope: 'pos', grants: [22], overrides: [] });
		expect(since(s.emu, 0).some((r) => FULL_ROSTER.test(r.path))).toBe(false);
		const n = s.emu.requests.length;
		await s.client.listPermissions({ scope: 'pos' });
		expect(s.emu.requests).toHaveLength(n);
		const bo = await s.client.listPermissions({ scope: 'backoffice' });
		expect(bo.map((p) => p.name)).toEqual(expect.arrayContaining(['Administrator', 'General User']));
		expect(bo.every((p) => p.scope === 'backoffice' && p.tokens.length > 0)).toBe(true);
		await expect(s.client.listPermissions({ scope: 'nope' as 'pos' })).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('availability', () => {
	it('POS id: live targeted search including inactive employees', async () => {
		const s = await setup();
		done = s.done;
		expect(await s.client.isPosUserIdAvailable({ posUserId: 1001 })).toBe(false);
		expect(await s.client.isPosUserIdAvailable({ posUserId: 1029 })).toBe(false); // inactive keeps it reserved
		expect(await s.client.isPosUserIdAvailable({ posUserId: 99000000 })).toBe(true);
		const gets = since(s.emu, 1);
		expect(gets).toHaveLength(3);
		expect(gets.every((r) => /posUserId=\d+/.test(r.path) && /active=all/.test(r.path))).toBe(true);
	});

	it('e-mail (any case) and phone (any format) from indexes fetched once', async () => {
		const s = await setup();
		done = s.done;
		expect(await s.client.isEmailAvailable({ email: 'AVERY.Alder0@example.invalid ' })).toBe(false);
		expect(await s.client.isEmailAvailable({ email: 'free@example.invalid' })).toBe(true);
		expect(await s.client.isPhoneAvailable({ phone: '312-555-0100' })).toBe(false);
		expect(await s.client.isPhoneAvailable({ phone: '(615) 555-0104' })).toBe(false); // inactive employee
		expect(await s.client.isPhoneAvailable({ phone: '2025550199' })).toBe(true);
		expect(routes(s.emu.requests)).toEqual(['POST /login_check', 'GET /user/create', 'GET /employee']);
		await s.client.isEmailAvailable({ email: 'free@example.invalid', refresh: true });
		expect(s.emu.requests).toHaveLength(4);
		await expect(s.client.isEmailAvailable({ email: 'not-an-email' })).rejects.toMatchObject({ field: 'email' });
	});

	it('no employee to read templates from: NotFoundError', async () => {
		const s = await setup();
		done = s.done;
		s.emu.state.employees.splice(0);
		await expect(s.client.listPermissions({ scope: 'pos' })).rejects.toBeInstanceOf(NotFoundError);
	});
});
