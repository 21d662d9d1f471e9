import type { INodeProperties } from 'n8n-workflow';

import type { EmployeeStatusFilter, SearchEmployeesInput } from '../../../../src/models/api';
import { collection } from '../../helpers/fields';
import { getManyOperation } from '../../helpers/getMany';
import { readInteger, readText } from '../../helpers/values';

const filters: INodeProperties = collection('filters', [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'Employees whose first name starts with this text (not case-sensitive)',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Employees whose last name starts with this text (not case-sensitive)',
	},
	{
		displayName: 'POS User ID',
		name: 'posUserId',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'The employee with exactly this POS user ID',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'active',
		options: [
			{ name: 'Active', value: 'active', description: 'Only employees who can log in at the POS' },
			{ name: 'Inactive', value: 'inactive', description: 'Only disabled employees' },
			{ name: 'All', value: 'all', description: 'Active and disabled employees' },
		],
		description: 'Which employees to list',
	},
]);

/** Employee > Get Many: one roster request with Backoffice's own filters; one item per employee. */
export const { description, execute } = getManyOperation(
	'employee',
	async function (client, i) {
		const f = this.getNodeParameter('filters', i, {}) as Record<string, unknown>;
		const input: SearchEmployeesInput = {
			firstName: readText(f.firstName, 'firstName', false),
			lastName: readText(f.lastName, 'lastName', false),
			// 0 is the field's empty default.
			posUserId: f.posUserId === 0 ? undefined : readInteger(f.posUserId, 'posUserId', false),
			active: (f.status as EmployeeStatusFilter | undefined) ?? 'active',
		};
		if (!(this.getNodeParameter('returnAll', i, false) as boolean)) input.limit = this.getNodeParameter('limit', i, 50) as number;
		return await client.searchEmployees(input);
	},
	[filters],
);
