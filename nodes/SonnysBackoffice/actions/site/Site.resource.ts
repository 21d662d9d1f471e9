import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../helpers/fields';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationSelector('site', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the sites the bot user can see, with their region and district',
			action: 'Get many sites',
		},
	]),
	...getAll.description,
];
