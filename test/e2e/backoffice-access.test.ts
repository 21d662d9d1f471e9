// Backoffice access in real n8n 2.41.1: the Backoffice template picker lists the emulator's templates, and a workflow
// creates a Backoffice user with a template and sites, then changes its access; the emulator's state is checked.
import { describe, expect, it } from 'vitest';

import { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, NODE_TYPE } from '../../scripts/n8n/fixtures.mjs';
import { outputOf, runFromTrigger, useE2eSession } from './env';

const e2e = useE2eSession({ requirePageLoadForUserPermissions: true });

const credentials = { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

/** Stores a workflow "Start" (manual trigger) -> one Sonny's node per parameter set, in a chain. */
async function storeWorkflow(name: string, steps: Array<[string, Record<string, unknown>]>): Promise<string> {
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...steps.map(([stepName, parameters], i) => ({ id: `step${i}`, name: stepName, type: NODE_TYPE, typeVersion: 1, position: [220 * (i + 1), 0], parameters, credentials })),
	];
	const names = ['Start', ...steps.map(([n]) => n)];
	const connections = Object.fromEntries(names.slice(0, -1).map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
	const created = (await e2e.rest.ok('POST', '/rest/workflows', { name, nodes, connections, settings: {}, active: false })) as { id: string };
	return created.id;
}

describe('Backoffice access through real n8n', () => {
	it('the Backoffice template picker lists the tenant templates', async () => {
		const options = (await e2e.rest.ok('POST', '/rest/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			methodName: 'getBackofficePermissionTemplates',
			path: 'permission',
			currentNodeParameters: { resource: 'backofficeUser', operation: 'create' },
			credentials,
		})) as Array<{ name: string }>;
		expect(options.map((o) => o.name).sort()).toEqual(e2e.emu.state.tenant.boTemplates.map((t) => t.name).sort());
	});

	it('creates a Backoffice user with a template and sites, then updates its access', async () => {
		const id = await storeWorkflow('e2e Backoffice access', [
			[
				'Create Backoffice User',
				{
					resource: 'backofficeUser',
					operation: 'create',
					username: 'e2e_area_manager',
					email: 'e2e.area.manager@example.invalid',
					permission: 'Manager',
					linkTo: 'none',
					firstName: 'Area',
					lastName: 'Manager',
					additionalFields: { availableSites: ['WashU Fiesta', 'WashU Niles'] },
				},
			],
			[
				'Update Access',
				{
					resource: 'backofficeUser',
					operation: 'updateAccess',
					findBy: 'userId',
					userId: "={{ $('Create Backoffice User').item.json.userId }}",
					permission: 'General User',
					availableSites: ['WashU Niles'],
				},
			],
		]);
		const ex = await runFromTrigger(e2e.rest, id, 'Start');
		expect(ex.status).toBe('success');
		const created = outputOf(ex, 'Create Backoffice User')[0]!.json;
		expect(created).toMatchObject({ username: 'e2e_area_manager', permissionApplied: 'Manager', sitesGranted: ['WashU Fiesta', 'WashU Niles'], warnings: [] });
		const updated = outputOf(ex, 'Update Access')[0]!.json;
		expect(updated).toMatchObject({ updated: true, templateName: 'General User', availableSites: ['WashU Niles'] });
		expect(updated.changes).toEqual({
			permission: { from: 'Manager', to: 'General User' },
			availableSites: { from: ['WashU Fiesta', 'WashU Niles'], to: ['WashU Niles'] },
		});
		const user = e2e.emu.state.findUserByUsername('e2e_area_manager')!;
		expect(user.id).toBe(created.userId);
		expect(new Set(user.tokens)).toEqual(new Set(e2e.emu.state.tenant.boTemplates.find((t) => t.name === 'General User')!.tokens));
		expect(e2e.emu.state.siteNames(user.siteIds)).toEqual(['WashU Niles']);
		// Each write once: one insert, one permissions post per operation.
		const posts = e2e.emu.requests.filter((r) => r.method === 'POST').map((r) => r.path);
		expect(posts.filter((p) => p === '/user/insert')).toHaveLength(1);
		expect(posts.filter((p) => p === '/user/permissions/update')).toHaveLength(2);
	});
});
