import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { credentialTest, triggerLoadOptions } from './methods';
import { triggerProperties } from './trigger/description';
import { pollRoster } from './trigger/poll';

export class SonnysBackofficeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: "Sonny's Backoffice Trigger",
		name: 'sonnysBackofficeTrigger',
		icon: { light: 'file:sonnysBackoffice.svg', dark: 'file:sonnysBackoffice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].length === 1 ? $parameter["events"][0] : $parameter["events"].length + " events" }}',
		description:
			"Starts the workflow when employees are added, deactivated, reactivated or changed in Sonny's Carwash Controls Backoffice",
		defaults: { name: "Sonny's Backoffice Trigger" },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sonnysBackofficeApi', required: true, testedBy: 'sonnysBackofficeLoginTest' }],
		properties: triggerProperties,
	};

	methods = {
		loadOptions: triggerLoadOptions,
		credentialTest,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollRoster.call(this);
	}
}
