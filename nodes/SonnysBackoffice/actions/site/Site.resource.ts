import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['site'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the sites the bot user can see, with their region and district',
				action: 'Get many sites',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
