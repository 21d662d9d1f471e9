import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BackofficeUserRef } from '../../../src/models/api';
import { EMPLOYEE_LOCATOR, employeeLocator, readEmployeeRef } from './employeeLocator';
import { modeSelector, requiredTextField } from './fields';
import { itemParameters } from './parameters';

/** "Find By" and its fields: which Backoffice user a Get or Update Access acts on. */
export function backofficeUserRefFields(what: string): INodeProperties[] {
	return [
		modeSelector(
			{ name: 'findBy', displayName: 'Find By', description: `How to find the Backoffice user to ${what}` },
			[
				{ name: 'Username', value: 'username', description: 'The login name of the Backoffice user' },
				{ name: 'User ID', value: 'userId', description: "Backoffice's internal user ID (the number in its permissions page address)" },
				{ name: 'Linked Employee', value: 'employee', description: 'The user linked to an employee (from the list, by POS user ID or by e-mail)' },
			],
			'username',
		),
		requiredTextField('username', 'Username', {
			displayOptions: { show: { findBy: ['username'] } },
			description: 'Login name of the Backoffice user (matched without regard to case)',
		}),
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			displayOptions: { show: { findBy: ['userId'] } },
			description: 'Internal ID of the Backoffice user, e.g. from a Create or Get Many output',
		},
		{
			...employeeLocator('The employee the Backoffice user is linked to'),
			displayOptions: { show: { findBy: ['employee'] } },
		},
	];
}

/** The reference the "Find By" fields of item `i` give. */
export function readBackofficeUserRef(fns: IExecuteFunctions, i: number): BackofficeUserRef {
	const read = itemParameters(fns, i);
	const findBy = fns.getNodeParameter('findBy', i) as string;
	if (findBy === 'userId') return { userId: read.integer('userId') };
	if (findBy === EMPLOYEE_LOCATOR) return { employee: readEmployeeRef(fns, i) };
	return { username: read.text('username') };
}
