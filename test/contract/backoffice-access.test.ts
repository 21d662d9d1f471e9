/** Backoffice user access (A.10) against the emulator: creates apply template and sites, the failure paths after the insert. */
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, RejectedByServerError, ValidationError } from '../../src/errors';
import type { Transport } from '../../src/transport/types';
import { UndiciTransport } from '../../src/transport/undici-transport';
import { newClient, newHire, routes, setup, since, type Emu } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

const ALL_SITES_IDS = (emu: Emu) => emu.state.allSiteIds();
const tokensOf = (emu: Emu, name: string) => emu.state.tenant.boTemplates.find((t) => t.name === name)!.tokens;
let n = 0;
const standalone = (extra: Record<string, unknown> = {}) => {
	n++;
	return { username: `boaccess${n}`, email: `bo.access${n}@example.invalid`, firstName: 'Bo', lastName: `Access${n}`, permission: 'General User', ...extra };
};

describe('createBackofficeUser applies the template and the sites (read back)', () => {
	it.each([
		['standalone', 'Administrator', 'all' as const],
		['standalone', 'Manager', ['Wash 37135', 'WashU Fiesta']],
		['standalone', 'General User', ['Wash 37135']],
		['linked', 'Administrator', ['WashU Niles']],
		['linked', 'Manager', 'all' as const],
		['linked', 'General User', ['Wash 37135', 'WashU Fiesta', 'WashU Niles']],
	])('%s, template %s, sites %j', async (mode, template, sites) => {
		const s = await setup({ requirePageLoadForUserPermissions: true });
		done = s.done;
		const e = s.emu.state.employees.find((x) => x.isActive && x.email && !s.emu.state.findUserByEmployeeId(x.id))!;
		const who = mode === 'linked' ? { username: `linked${++n}`, email: e.email, linkToEmployeePosUserId: e.posUserId } : standalone();
		const r = await s.client.createBackofficeUser({ ...who, permission: template.toUpperCase(), availableSites: sites });
		if (mode === 'linked') expect(s.emu.state.getUser(r.userId)!.employeeId).toBe(e.id);
		const u = s.emu.state.getUser(r.userId)!;
		expect(new Set(u.tokens)).toEqual(new Set(tokensOf(s.emu, template)));
		expect(u.templateId).toBe(s.emu.state.tenant.boTemplates.find((t) => t.name === template)!.id);
		const wantIds = sites === 'all' ? ALL_SITES_IDS(s.emu) : s.emu.state.sites.filter((x) => sites.includes(x.name)).map((x) => x.id).sort((a, b) => a - b);
		expect(u.siteIds).toEqual(wantIds);
		expect(r.permissionApplied).toBe(template);
		expect(r.sitesGranted).toEqual(sites === 'all' ? 'all' : [...sites].sort());
		expect(r.warnings).toEqual([]);
	});

	it('default sites are all; linked by POS id; warm budget: 5 requests standalone, 6 linked', async () => {
		const s = await setup({ requirePageLoadForUserPermissions: true });
		done = s.done;
		await s.client.listPermissions({ scope: 'backoffice' });
		await s.client.listSites();
		await s.client.createBackofficeUser(standalone());
		let from = s.emu.requests.length;
		const a = await s.client.createBackofficeUser(standalone({ permission: 'Manager', availableSites: ['WashU Fiesta'] }));
		const page = `GET /user/permissions/${a.userId}`;
		expect(routes(since(s.emu, from))).toEqual(['GET /user', 'POST /user/insert', page, 'POST /user/permissions/update', page]);
		from = s.emu.requests.length;
		const b = await s.client.createBackofficeUser({ username: 'averyalder', email: 'avery.alder0@example.invalid', permission: 'Manager', linkToEmployeePosUserId: 1001 });
		expect(since(s.emu, from).length).toBeLessThanOrEqual(6);
		expect(b).toMatchObject({ linkedEmployeeId: 100, permissionApplied: 'Manager', sitesGranted: 'all' });
		const u = s.emu.state.getUser(b.userId)!;
		expect(u.siteIds).toEqual(ALL_SITES_IDS(s.emu));
		expect(new Set(u.tokens)).toEqual(new Set(tokensOf(s.emu, 'Manager')));
	});

	it('linked by e-mail with one site on the flat tenant', async () => {
		const s = await setup({ tenant: 'flat' });
		done = s.done;
		const sites = await s.client.listSites();
		const e = s.emu.state.employees.find((x) => x.isActive && x.email && !s.emu.state.findUserByEmployeeId(x.id))!;
		const r = await s.client.createBackofficeUser({ username: 'flatlinked', email: e.email, permission: 'General User', linkToEmployeeEmail: e.email, availableSites: [sites[1].name] });
		expect(r.sitesGranted).toEqual([sites[1].name]);
		expect(s.emu.state.getUser(r.userId)!.siteIds).toEqual([sites[1].id]);
	});

	it('unknown template: NotFoundError before any write with onUnknownPermission error; fallback with a warning', async () => {
		const s = await setup({}, { onUnknownPermission: 'error' });
		done = s.done;
		const err = await s.client.createBackofficeUser(standalone({ permission: 'Overlord' })).catch((x) => x);
		expect(err).toBeInstanceOf(NotFoundError);
		expect(err.message).toMatch(/Backoffice permission template 'Overlord' not found/);
		expect(s.emu.requests.some((x) => x.method === 'POST' && x.path !== '/login_check')).toBe(false);
		const lenient = newClient(s.emu);
		const r = await lenient.createBackofficeUser(standalone({ permission: 'Overlord' })).finally(() => lenient.close());
		expect(r.permissionApplied).toBe('General User');
		expect(r.warnings.join(' ')).toMatch(/falling back to 'General User'/);
	});
});

/** A client whose transport rewrites the body of every POST to `path`. */
function tamperingClient(emu: Emu, path: string, rewrite: (body: string) => string) {
	const inner = new UndiciTransport();
	const transport: Transport = {
		request: (req) => inner.request(req.method === 'POST' && new URL(req.url).pathname === path ? { ...req, body: rewrite(req.body ?? '') } : req),
		close: () => inner.close(),
	};
	return newClient(emu, {}, { transport });
}

describe('a failure after the insert says the user exists and never inserts again', () => {
	it('the sites flash: RejectedByServerError carrying it, user created without access', async () => {
		const s = await setup();
		done = s.done;
		const client = tamperingClient(s.emu, '/user/permissions/update', (body) =>
			body.split('&').filter((p) => !/^(?:siteIds|isAllRegionsAllowed|disabledRegions|disabledDistricts)/.test(decodeURIComponent(p))).join('&'),
		);
		const err = await client.createBackofficeUser(standalone({ availableSites: ['WashU Fiesta'] })).catch((x) => x).finally(() => client.close());
		expect(err).toBeInstanceOf(RejectedByServerError);
		expect(err.flash).toBe('Accessible Sites requires no less than 1 valid selection.');
		const u = s.emu.state.users[s.emu.state.users.length - 1];
		expect(err.message).toMatch(new RegExp(`^Backoffice user ${u.id} was created; its access was not applied: `));
		expect(u.siteIds).toEqual([]);
		expect(u.tokens).toEqual([]);
		expect(s.emu.requests.filter((x) => x.path === '/user/insert')).toHaveLength(1);
	});

	it('"Unable to locate user" (a bounce to /user with actionXfer) is a refusal, not the success redirect', async () => {
		const s = await setup({ requirePageLoadForUserPermissions: true });
		done = s.done;
		// The post names a user this session never loaded: the server bounces it (A.0, A.10).
		const client = tamperingClient(s.emu, '/user/permissions/update', (body) => body.replace(/^userId=\d+/, 'userId=2960035'));
		const err = await client.createBackofficeUser(standalone()).catch((x) => x).finally(() => client.close());
		expect(err).toBeInstanceOf(RejectedByServerError);
		expect(err.flash).toBe('Unable to locate user');
		expect(err.message).toMatch(/^Backoffice user \d+ was created; its access was not applied: /);
		expect(s.emu.state.getUser(2960035)!.siteIds).toEqual([17, 18]);
	});

	it('the permissions page fails: OutcomeUnknownError naming the created user, never a bare 500; one insert', async () => {
		const s = await setup({ faults: [{ kind: 'status', status: 500, route: /^\/user\/permissions\/\d+\?userIsNew=1/, method: 'GET' }] }, { maxRetries: 0 });
		done = s.done;
		const err = await s.client.createBackofficeUser(standalone()).catch((x) => x);
		const u = s.emu.state.users[s.emu.state.users.length - 1];
		// Failure contract 4 (docs/client.md): after the accepted insert no bare SERVER_ERROR leaves (found by the fault matrix).
		expect(err.code).toBe('OUTCOME_UNKNOWN');
		expect(err.cause?.code).toBe('SERVER_ERROR');
		expect(err.message).toMatch(new RegExp(`^Backoffice user ${u.id} was created; its access was not applied: `));
		expect(s.emu.requests.filter((x) => x.path === '/user/insert')).toHaveLength(1);
		expect(s.emu.requests.filter((x) => x.path === '/user/permissions/update')).toHaveLength(0);
	});

	it('a post whose read-back does not show the access is a VerificationError, not success', async () => {
		const s = await setup();
		done = s.done;
		// The server drops the matrix: accepted, but the tokens stay empty.
		const client = tamperingClient(s.emu, '/user/permissions/update', (body) =>
			body.split('&').filter((p) => !decodeURIComponent(p).includes('[isEnabled]')).join('&'),
		);
		const err = await client.createBackofficeUser(standalone()).catch((x) => x).finally(() => client.close());
		expect(err.code).toBe('VERIFICATION_FAILED');
		expect(err.message).toMatch(/was created; its access was not applied: .*instead of 'General User'/);
	});
});

describe('createEmployee with a Backoffice login', () => {
	it('applies backofficePermission and backofficeSites; default sites are the employee\'s', async () => {
		const s = await setup({ requirePageLoadForUserPermissions: true });
		done = s.done;
		const a = await s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'hirelinked1', backofficePermission: 'Manager', backofficeSites: ['WashU Fiesta', 'Wash 37135'] }));
		const ua = s.emu.state.getUser(a.backofficeUserId!)!;
		expect(new Set(ua.tokens)).toEqual(new Set(tokensOf(s.emu, 'Manager')));
		expect(s.emu.state.siteNames(ua.siteIds)).toEqual(['Wash 37135', 'WashU Fiesta']);
		expect(a).toMatchObject({ backofficePermissionApplied: 'Manager', backofficeSitesGranted: ['Wash 37135', 'WashU Fiesta'], permissionApplied: 'General User' });
		const b = await s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'hirelinked2', backofficePermission: 'General User' }));
		expect(s.emu.state.siteNames(s.emu.state.getUser(b.backofficeUserId!)!.siteIds)).toEqual(['Wash 37135']);
		expect(b.backofficeSitesGranted).toEqual(['Wash 37135']);
	});

	it('an unknown Backoffice site or template fails before the employee is created', async () => {
		const s = await setup({}, { onUnknownPermission: 'error' });
		done = s.done;
		await expect(s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'hirex', backofficePermission: 'Overlord' }))).rejects.toBeInstanceOf(NotFoundError);
		await expect(s.client.createEmployee(newHire({ requiresBackoffice: true, backofficeUsername: 'hirex', backofficeSites: ['Nowhere'] }))).rejects.toBeInstanceOf(NotFoundError);
		await expect(s.client.createEmployee(newHire({ backofficePermission: 'Manager' }))).rejects.toBeInstanceOf(ValidationError);
		expect(s.emu.requests.some((x) => x.path === '/employee/insert')).toBe(false);
	});
});
