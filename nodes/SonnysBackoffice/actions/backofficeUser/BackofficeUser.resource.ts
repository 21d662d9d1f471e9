import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['backofficeUser'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a Backoffice (web) user, standalone or linked to an employee',
				action: 'Create a backoffice user',
			},
		],
		default: 'create',
	},
	...create.description,
];
