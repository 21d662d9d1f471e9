import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { PermissionScope, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { returnAllOrLimit, toItems } from '../../helpers/getMany';

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'pos',
		options: [
			{
				name: 'POS',
				value: 'pos',
				description: 'Templates of what an employee may do at the point of sale (with granted and override permission IDs)',
			},
			{
				name: 'Backoffice',
				value: 'backoffice',
				description: 'Templates of what a Backoffice (web) user may do (with permission tokens)',
			},
		],
		description: 'Which kind of permission template to list',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['permissionTemplate'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const scope = this.getNodeParameter('scope', i) as PermissionScope;
	const templates = await client.listPermissions({ scope });
	return toItems.call(this, templates.map((t) => ({ ...t }) as IDataObject), i);
}
