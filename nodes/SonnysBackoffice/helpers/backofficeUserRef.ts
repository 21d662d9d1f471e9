import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BackofficeUserRef } from '../../../src/models/api';
import { emailField, modeSelector, posUserIdField, requiredTextField } from './fields';
import { itemParameters } from './parameters';

/** "Find By" and its fields: which Backoffice user a Get or Update Access acts on. */
export function backofficeUserRefFields(what: string): INodeProperties[] {
	return [
		modeSelector(
			{ name: 'findBy', displayName: 'Find By', description: `How to find the Backoffice user to ${what}` },
			[
				{ name: 'Username', value: 'username', description: 'The login name of the Backoffice user' },
				{ name: 'User ID', value: 'userId', description: "Backoffice's internal user ID (the number in its permissions page address)" },
				{ name: 'Linked Employee by POS User ID', value: 'employeePosUserId', description: 'The user linked to the employee with this POS user ID' },
				{ name: 'Linked Employee by Email', value: 'employeeEmail', description: 'The user linked to the employee with this e-mail address' },
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
		posUserIdField({
			name: 'employeePosUserId',
			displayName: 'Employee POS User ID',
			displayOptions: { show: { findBy: ['employeePosUserId'] } },
			description: 'POS user ID of the employee the Backoffice user is linked to',
		}),
		emailField({
			name: 'employeeEmail',
			displayName: 'Employee Email',
			displayOptions: { show: { findBy: ['employeeEmail'] } },
			description: 'E-mail address of the employee the Backoffice user is linked to',
		}),
	];
}

/** The reference the "Find By" fields of item `i` give. */
export function readBackofficeUserRef(fns: IExecuteFunctions, i: number): BackofficeUserRef {
	const read = itemParameters(fns, i);
	const findBy = fns.getNodeParameter('findBy', i) as string;
	if (findBy === 'userId') return { userId: read.integer('userId') };
	if (findBy === 'employeePosUserId') return { employee: { posUserId: read.integer('employeePosUserId') } };
	if (findBy === 'employeeEmail') return { employee: { email: read.text('employeeEmail') } };
	return { username: read.text('username') };
}
