import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../helpers/fields';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updateAccess from './updateAccess.operation';

export { create, get, getAll, updateAccess };

export const description: INodeProperties[] = [
	operationSelector('backofficeUser', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a Backoffice (web) user, standalone or linked to an employee, with its template and sites',
			action: 'Create a backoffice user',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a Backoffice user with its permission template, permissions and sites',
			action: 'Get a backoffice user',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the Backoffice users',
			action: 'Get many backoffice users',
		},
		{
			name: 'Update Access',
			value: 'updateAccess',
			description: "Change a Backoffice user's permission template and/or sites",
			action: 'Update a backoffice user s access',
		},
	]),
	...create.description,
	...get.description,
	...getAll.description,
	...updateAccess.description,
];
