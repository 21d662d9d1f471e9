import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readInteger, readText } from '../../helpers/values';

const properties: INodeProperties[] = [
	{
		displayName: 'Check',
		name: 'checkField',
		type: 'options',
		// Fixed per node, not per item: it decides which fields are shown and required.
		noDataExpression: true,
		default: 'posUserId',
		options: [
			{
				name: 'POS User ID',
				value: 'posUserId',
				description: 'Whether no employee, active or disabled, uses this POS user ID',
			},
			{ name: 'Email', value: 'email', description: 'Whether no employee uses this e-mail (without regard to case)' },
			{ name: 'Phone', value: 'phone', description: 'Whether no employee uses this phone number (digits compared)' },
		],
		description: 'Which unique value to check before creating an employee',
	},
	{
		displayName: 'POS User ID',
		name: 'posUserId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { checkField: ['posUserId'] } },
		description: 'The POS user ID to check',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { checkField: ['email'] } },
		description: 'The e-mail address to check',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { checkField: ['phone'] } },
		description: 'The phone number to check; spaces, dashes and brackets are ignored',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['employee'], operation: ['checkAvailability'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const checkField = this.getNodeParameter('checkField', i) as string;
	let value: string | number;
	let available: boolean;
	if (checkField === 'email') {
		const email = readText(this.getNodeParameter('email', i, undefined), 'email', true)!;
		value = email;
		available = await client.isEmailAvailable({ email });
	} else if (checkField === 'phone') {
		const phone = readText(this.getNodeParameter('phone', i, undefined), 'phone', true)!;
		value = phone;
		available = await client.isPhoneAvailable({ phone });
	} else {
		const posUserId = readInteger(this.getNodeParameter('posUserId', i, undefined), 'posUserId', true)!;
		value = posUserId;
		available = await client.isPosUserIdAvailable({ posUserId });
	}
	return [{ json: { field: checkField, value, available }, pairedItem: { item: i } }];
}
