import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../helpers/fields';
import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	operationSelector('backofficeUser', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a Backoffice (web) user, standalone or linked to an employee',
			action: 'Create a backoffice user',
		},
	]),
	...create.description,
];
