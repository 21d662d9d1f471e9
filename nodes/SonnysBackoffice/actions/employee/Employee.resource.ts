import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../helpers/fields';
import * as checkAvailability from './checkAvailability.operation';
import * as create from './create.operation';
import * as disable from './disable.operation';

export { checkAvailability, create, disable };

export const description: INodeProperties[] = [
	operationSelector(
		'employee',
		[
			{
				name: 'Check Availability',
				value: 'checkAvailability',
				description: 'Check whether a POS user ID, e-mail or phone is still free on the tenant',
				action: 'Check if a POS user ID, email or phone is free',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a POS employee with wage, sites, departments and permission template, optionally with a Backoffice login',
				action: 'Create an employee',
			},
			{
				name: 'Disable',
				value: 'disable',
				description: 'Deactivate an employee so they can no longer log in at the POS',
				action: 'Disable an employee',
			},
		],
		'create',
	),
	...create.description,
	...disable.description,
	...checkAvailability.description,
];
