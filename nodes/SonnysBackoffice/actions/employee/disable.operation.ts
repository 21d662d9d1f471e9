import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { DisableEmployeeInput, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readInteger, readText } from '../../helpers/values';

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		// Fixed per node, not per item: it decides which fields are shown and required.
		noDataExpression: true,
		default: 'posUserId',
		options: [
			{ name: 'POS User ID', value: 'posUserId', description: 'The number the employee logs in with at the POS' },
			{ name: 'Email', value: 'email', description: 'The e-mail address on the employee record' },
		],
		description: 'How to find the employee to disable',
	},
	{
		displayName: 'POS User ID',
		name: 'posUserId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { lookupBy: ['posUserId'] } },
		description: 'POS user ID of the employee to disable',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { lookupBy: ['email'] } },
		description: 'E-mail address of the employee to disable (matched without regard to case)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['disable'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const lookupBy = this.getNodeParameter('lookupBy', i) as string;
	const input: DisableEmployeeInput =
		lookupBy === 'email'
			? { email: readText(this.getNodeParameter('email', i, undefined), 'email', true) }
			: { posUserId: readInteger(this.getNodeParameter('posUserId', i, undefined), 'posUserId', true) };
	const disabled = await client.disableEmployee(input);
	const json: IDataObject = { ...disabled, disabledAt: disabled.disabledAt.toISOString() };
	return [{ json, pairedItem: { item: i } }];
}
