import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { subtitle, versionProperties } from './actions/versionDescription';
import { credentialTest, listSearch, loadOptions } from './methods';

/**
 * Versions. 1: Milestone 1 (Disable finds the employee through "Look Up By" plus a POS user ID or Email field).
 * 2 (default for new nodes): an Employee resource locator on every one-employee operation, and Employee > Get and
 * Get Many. n8n has two ways to version a node: a VersionedNodeType with one full description per version (Airtable
 * v1/v2, Postgres v1/v2: whole rewrites, different layouts) and one description with `version: [1, 2]` whose changed
 * parameters carry `displayOptions.show['@version']` (the Code node's [1, 2], Airtable v2's 2.1, Postgres v2's 2.x:
 * a few parameters change and the rest stays). This change swaps three parameters of one operation and adds two
 * operations, so it is the second kind: version 1 keeps today's parameters exactly (saved workflows with
 * `typeVersion: 1` run as before) and nothing else is copied.
 */
export class SonnysBackoffice implements INodeType {
	description: INodeTypeDescription = {
		displayName: "Sonny's Backoffice",
		name: 'sonnysBackoffice',
		icon: { light: 'file:sonnysBackoffice.svg', dark: 'file:sonnysBackoffice.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle,
		description:
			"Create, disable and check car wash employees, create Backoffice users, and list sites, departments and permission templates in Sonny's Carwash Controls Backoffice",
		defaults: { name: "Sonny's Backoffice" },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sonnysBackofficeApi', required: true, testedBy: 'sonnysBackofficeLoginTest' }],
		properties: versionProperties,
	};

	methods = { loadOptions, listSearch, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
