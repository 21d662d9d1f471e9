// The editor's own REST calls against real n8n 2.41.1: the pickers' loadOptions return the emulator's sites,
// departments and templates, and the credential's Test button answers OK for the bot login and Error (with a
// clear reason, no secret, one login attempt) for a wrong password or an address that is not Backoffice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, EMULATOR_LOGIN, NODE_TYPE } from '../../scripts/n8n/fixtures.mjs';
import { freePort } from '../../scripts/n8n/instance.mjs';
import { useE2eSession } from './env';

type Option = { name: string; value: string; description?: string };

const e2e = useE2eSession();

async function loadOptions(methodName: string, path: string, parameters: Record<string, unknown>): Promise<Option[]> {
	return (await e2e.rest.ok('POST', '/rest/dynamic-node-parameters/options', {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		methodName,
		path,
		currentNodeParameters: parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	})) as Option[];
}

const createEmployee = { resource: 'employee', operation: 'create' };

describe('loadOptions through the editor API', () => {
	it('lists "All Sites" and every site of the tenant', async () => {
		const options = await loadOptions('getSites', 'availableSites', createEmployee);
		expect(options[0]).toMatchObject({ name: 'All Sites' });
		expect(options.slice(1).map((o) => o.name).sort()).toEqual(e2e.emu.state.sites.map((s) => s.name).sort());
		const fiesta = options.find((o) => o.name === 'WashU Fiesta');
		expect(fiesta?.value).toBe('WashU Fiesta');
		expect(fiesta?.description).toContain('WashU Illinois');
	});

	it('lists the departments', async () => {
		const options = await loadOptions('getDepartments', 'additionalFields.departments', createEmployee);
		expect(options.map((o) => o.name).sort()).toEqual(e2e.emu.state.tenant.departments.map((d) => d.name).sort());
	});

	it('lists the POS permission templates', async () => {
		const options = await loadOptions('getPosPermissionTemplates', 'permission', createEmployee);
		expect(options.map((o) => o.name).sort()).toEqual(e2e.emu.state.tenant.posTemplates.map((t) => t.name).sort());
		expect(options).toHaveLength(7);
	});

	it('logs in once per picker load', async () => {
		const logins = () => e2e.emu.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/login_check')).length;
		const before = logins();
		await loadOptions('getSites', 'availableSites', createEmployee);
		expect(logins() - before).toBe(1);
	});
});

describe('the Employee locator\'s From List through the editor API (node version 2)', () => {
	type ListResult = { results: Array<{ name: string; value: string; url?: string }>; paginationToken?: string };
	const search = async (filter?: string, paginationToken?: string) =>
		(await e2e.rest.ok('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: NODE_TYPE, version: 2 },
			methodName: 'searchEmployees',
			path: 'employee',
			currentNodeParameters: { resource: 'employee', operation: 'get', employee: { __rl: true, mode: 'list', value: '' } },
			credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			...(filter !== undefined ? { filter } : {}),
			...(paginationToken !== undefined ? { paginationToken } : {}),
		})) as ListResult;

	it('searches the typed text as a name prefix and lists "First Last (POS n)" valued by employee id', async () => {
		const result = await search('blake');
		expect(result.results).toEqual([{ name: 'Blake Birch (POS 1008)', value: '103', url: `${e2e.emu.url}/employee/edit/103` }]);
		expect(result.paginationToken).toBeUndefined();
		const smiths = await search('Jordan Sm');
		expect(smiths.results.map((r) => r.name)).toEqual(['Jordan Smith (POS 1064)', 'Jordan Smith (POS 1071)', 'Jordan Smith (POS 1078, inactive)']);
	});

	it('without a filter lists every employee on the roster', async () => {
		const result = await search();
		const onRoster = e2e.emu.state.employees.filter((e) => e.siteIds.length > 0);
		expect(result.results.map((r) => Number(r.value)).sort((a, b) => a - b)).toEqual(onRoster.map((e) => e.id).sort((a, b) => a - b));
	});
});

describe('credential test through the editor API', () => {
	const test = async (data: Record<string, string>) =>
		(await e2e.rest.ok('POST', '/rest/credentials/test', {
			credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: CREDENTIAL_TYPE, data },
		})) as { status: string; message: string };
	const loginPosts = () => e2e.emu.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/login_check'));

	it('answers OK for the bot login', async () => {
		const result = await test({ ...EMULATOR_LOGIN, baseUrl: e2e.emu.url });
		expect(result.status).toBe('OK');
	});

	it('answers Error for a wrong password, after exactly one login attempt, without echoing it', async () => {
		const before = loginPosts().length;
		const result = await test({ ...EMULATOR_LOGIN, password: 'not-the-Password-42', baseUrl: e2e.emu.url });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/username or password/i);
		expect(result.message).not.toContain('not-the-Password-42');
		expect(loginPosts().length - before).toBe(1);
	});

	it('answers Error when nothing listens at the base URL', async () => {
		const port = await freePort();
		const result = await test({ ...EMULATOR_LOGIN, baseUrl: `http://127.0.0.1:${port}` });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/unreachable|connect/i);
	});

	it('leaves no password in n8n\'s log', () => {
		const log = readFileSync(join(e2e.env.workDir, 'n8n.log'), 'utf8');
		expect(log.length).toBeGreaterThan(0);
		expect(log).not.toContain('not-the-Password-42');
		expect(log).not.toContain(EMULATOR_LOGIN.password);
		expect(log).not.toMatch(/PHPSESSID=\w/);
	});

	it('refuses a plain-http base URL that is not loopback before any request', async () => {
		const before = e2e.emu.requests.length;
		const result = await test({ ...EMULATOR_LOGIN, baseUrl: 'http://backoffice.example.invalid' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/https|base url/i);
		expect(e2e.emu.requests.length).toBe(before);
	});
});
