import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ValidationError } from '../../../../src/errors';
import type { SonnysBackofficeClientApi, UpdateBackofficeUserAccessInput } from '../../../../src/models/api';
import { backofficeUserRefFields, readBackofficeUserRef } from '../../helpers/backofficeUserRef';
import { operationProperties } from '../../helpers/displayOptions';
import { permissionTemplateField, sitesField } from '../../helpers/fields';
import { outputItem, siteNames } from '../../helpers/parameters';
import { readSites, readText } from '../../helpers/values';

const properties: INodeProperties[] = [
	...backofficeUserRefFields('change'),
	permissionTemplateField('backoffice', {
		required: false,
		description:
			'New Backoffice permission template (empty: keep the current permissions); applied as the full permission list and read back. The ID of a template is its name',
	}),
	sitesField({
		required: false,
		description: 'New accessible sites: "All Sites" or site names (empty: keep the current sites). The ID of a site is its name',
	}),
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to only report what would change (the changes and the planned request) without changing anything',
	},
];

export const description = operationProperties('backofficeUser', 'updateAccess', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const input: UpdateBackofficeUserAccessInput = { ...readBackofficeUserRef(this, i), dryRun: this.getNodeParameter('dryRun', i, false) as boolean };
	const permission = readText(this.getNodeParameter('permission', i, ''), 'permission', false);
	if (permission !== undefined) input.permission = permission;
	const sites = this.getNodeParameter('availableSites', i, []) as unknown;
	if (!(sites === '' || sites === null || (Array.isArray(sites) && sites.length === 0))) {
		input.availableSites = await readSites(sites, 'availableSites', siteNames(client));
	}
	if (input.permission === undefined && input.availableSites === undefined) {
		throw new ValidationError('permission', 'choose a Permission Template and/or Sites to change');
	}
	return outputItem(await client.updateBackofficeUserAccess(input), i);
}
