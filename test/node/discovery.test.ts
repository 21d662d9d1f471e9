import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { startEmulator } from '../emulator';
import { emulatorCredentials } from './harness';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed();

describe('Get Many operations', () => {
	it('Site > Get Many lists every site with its region and district', async () => {
		const { items: out, error } = await bed.run({
			parameters: { resource: 'site', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(bed.emu.state.sites.length);
		const fiesta = out.find((o) => o.json.name === 'WashU Fiesta')!;
		expect(fiesta.json).toMatchObject({
			id: 1,
			name: 'WashU Fiesta',
			districtName: "Carlos' District",
			regionName: 'WashU Illinois',
		});
		expect(out.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('honours Limit, and pairs each list with the input item that asked for it', async () => {
		const { items: out } = await bed.run({
			parameters: { resource: 'site', operation: 'getAll', returnAll: false, limit: 3 },
			items: [{}, {}],
		});
		expect(out.map((o) => o.pairedItem)).toEqual([0, 0, 0, 1, 1, 1].map((item) => ({ item })));
		// The second item is served from the client's cache: one login, one page for the site tree.
		expect(bed.count('POST', '/login_check')).toBe(1);
		expect(bed.count('GET', '/employee/create')).toBe(1);
	});

	it('Department > Get Many', async () => {
		const { items: out } = await bed.run({
			parameters: { resource: 'department', operation: 'getAll', returnAll: true },
		});
		expect(out.map((o) => o.json.name).sort()).toEqual(['Cashier', 'Greeter', 'Line', 'Management']);
		expect(out[0].json).toEqual({ id: expect.any(Number), name: expect.any(String) });
	});

	it('Permission Template > Get Many, POS and Backoffice', async () => {
		const pos = await bed.run({
			parameters: { resource: 'permissionTemplate', operation: 'getAll', scope: 'pos', returnAll: true },
		});
		expect(pos.items.map((o) => o.json.name)).toEqual(bed.emu.state.tenant.posTemplates.map((t) => t.name));
		const general = pos.items.find((o) => o.json.name === 'General User')!.json;
		expect(general).toMatchObject({ scope: 'pos', grants: [22], overrides: [] });

		const bo = await bed.run({
			parameters: { resource: 'permissionTemplate', operation: 'getAll', scope: 'backoffice', returnAll: true },
		});
		expect(bo.items.map((o) => o.json.name)).toEqual(expect.arrayContaining(['Administrator', 'General User']));
		expect(bo.items.every((o) => o.json.scope === 'backoffice')).toBe(true);
	});
});

describe('loadOptions (the editor pickers)', () => {
	it('getSites: "All Sites" first, then every site by name, described by region and district', async () => {
		const options = await bed.loadOptions('getSites');
		expect(options[0]).toMatchObject({ name: 'All Sites', value: '__all__' });
		const names = options.slice(1).map((o) => o.value as string);
		expect([...names].sort()).toEqual(bed.emu.state.sites.map((s) => s.name).sort());
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
		expect(options.find((o) => o.value === 'WashU Fiesta')).toEqual({
			name: 'WashU Fiesta',
			value: 'WashU Fiesta',
			description: "WashU Illinois / Carlos' District",
		});
	});

	it('getDepartments, getPosPermissionTemplates, getBackofficePermissionTemplates: values are names', async () => {
		const departments = await bed.loadOptions('getDepartments');
		expect(departments.map((o) => o.value).sort()).toEqual(['Cashier', 'Greeter', 'Line', 'Management']);
		expect(departments.every((o) => o.name === o.value)).toBe(true);
		const pos = await bed.loadOptions('getPosPermissionTemplates');
		expect(pos.map((o) => o.value).sort()).toEqual(bed.emu.state.tenant.posTemplates.map((t) => t.name).sort());
		const bo = await bed.loadOptions('getBackofficePermissionTemplates', {
			parameters: { resource: 'backofficeUser', operation: 'create' },
		});
		expect(bo.map((o) => o.value)).toEqual(expect.arrayContaining(['Administrator', 'General User']));
	});

	const methods = ['getSites', 'getDepartments', 'getPosPermissionTemplates', 'getBackofficePermissionTemplates'];

	it.each(methods)('%s logs in once with the credential, reads without writing, and lists names as values', async (method) => {
		const options = await bed.loadOptions(method);
		expect(options.length).toBeGreaterThan(1);
		for (const o of options) expect(typeof o.value === 'string' && o.name.length > 0, JSON.stringify(o)).toBe(true);
		expect(bed.count('POST', '/login_check')).toBe(1);
		expect(bed.emu.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		if (method === 'getSites' || method === 'getDepartments') expect(bed.count('GET', '/employee/create')).toBe(1);
	});

	it.each(methods)('%s with a refused login is a NodeApiError, tried once', async (method) => {
		const error = await bed.loadOptions(method, { credentials: bed.credentials('wrong-secret-456') }).catch((e: unknown) => e);
		expect((error as Error).constructor.name).toBe('NodeApiError');
		expect(JSON.stringify({ m: (error as Error).message, d: (error as { description?: string }).description })).not.toContain(
			'wrong-secret-456',
		);
		expect(bed.count('POST', '/login_check')).toBe(1);
	});
});

describe('Credential test ("Test" button)', () => {
	it('answers OK for a good password', async () => {
		const result = await bed.testCredentials();
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		expect(bed.count('POST', '/login_check')).toBe(1);
	});

	it('answers "bad username or password" for a bad one, once, with no secret and no stack', async () => {
		const result = await bed.testCredentials(bed.credentials('not-the-password'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/bad username or password/i);
		expect(result.message).not.toContain('not-the-password');
		expect(result.message).not.toMatch(/\n\s+at /);
		expect(bed.count('POST', '/login_check')).toBe(1);
	});

	it('answers "unreachable" for a host nobody listens on', async () => {
		const closed = await startEmulator({ port: 0 });
		const url = closed.url;
		await closed.close();
		const result = await bed.testCredentials(emulatorCredentials(url));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/unreachable/i);
	});

	it('answers "unexpected page" when the address answers but is not Backoffice', async () => {
		const server = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<html><head><title>Welcome to nginx!</title></head><body>It works</body></html>');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const result = await bed.testCredentials(emulatorCredentials(`http://127.0.0.1:${port}`));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/unexpected page/i);
			expect(result.message).not.toContain('demo-password');
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('refuses plain http to a non-loopback host before sending anything', async () => {
		const result = await bed.testCredentials({
			...bed.credentials(),
			baseUrl: 'http://backoffice.example.invalid',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Base URL Override/);
		expect(bed.emu.requests).toHaveLength(0);
	});
});

describe('Authentication failures in a batch', () => {
	it('a refused login fails every item with a NodeApiError but is tried only once (no lock-out)', async () => {
		const { items: out, error } = await bed.run({
			parameters: { resource: 'site', operation: 'getAll', returnAll: true },
			items: [{}, {}, {}],
			credentials: bed.credentials('bad-password-xyz'),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(out.map((o) => o.json.code)).toEqual(['AUTHENTICATION_FAILED', 'AUTHENTICATION_FAILED', 'AUTHENTICATION_FAILED']);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(JSON.stringify(out)).not.toContain('bad-password-xyz');
		expect(bed.count('POST', '/login_check')).toBe(1);
	});

	it('an unusable credential fails every item without a request, naming the credential field', async () => {
		const { items: out } = await bed.run({
			parameters: { resource: 'site', operation: 'getAll', returnAll: true },
			items: [{}, {}],
			credentials: { ...bed.credentials(), baseUrl: 'http://backoffice.example.invalid' },
			continueOnFail: true,
		});
		expect(out.map((o) => o.json.field)).toEqual(['baseUrl', 'baseUrl']);
		expect(out.map((o) => o.json.code)).toEqual(['VALIDATION_ERROR', 'VALIDATION_ERROR']);
		expect(String(out[0].json.error)).toContain('Base URL Override');
		expect(bed.emu.requests).toHaveLength(0);
	});

	it('without Continue the run stops with a NodeApiError', async () => {
		const { error } = await bed.run({
			parameters: { resource: 'department', operation: 'getAll', returnAll: true },
			credentials: bed.credentials('bad-password-xyz'),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).not.toContain('bad-password-xyz');
	});
});
