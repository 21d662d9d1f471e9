import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['permissionTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the POS or Backoffice permission templates of the tenant',
				action: 'Get many permission templates',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
