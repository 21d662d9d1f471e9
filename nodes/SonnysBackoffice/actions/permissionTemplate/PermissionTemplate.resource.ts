import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../helpers/fields';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationSelector('permissionTemplate', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the POS or Backoffice permission templates of the tenant',
			action: 'Get many permission templates',
		},
	]),
	...getAll.description,
];
