import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../helpers/fields';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationSelector('department', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the departments configured on the tenant',
			action: 'Get many departments',
		},
	]),
	...getAll.description,
];
