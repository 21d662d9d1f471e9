import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { subtitle, versionProperties } from './actions/versionDescription';
import { credentialTest, loadOptions } from './methods';

export class SonnysBackoffice implements INodeType {
	description: INodeTypeDescription = {
		displayName: "Sonny's Backoffice",
		name: 'sonnysBackoffice',
		icon: { light: 'file:sonnysBackoffice.svg', dark: 'file:sonnysBackoffice.dark.svg' },
		group: ['transform'],
		version: 1,
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

	methods = { loadOptions, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
