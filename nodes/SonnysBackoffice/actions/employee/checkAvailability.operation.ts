import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { emailField, modeSelector, phoneField, posUserIdField } from '../../helpers/fields';
import { itemParameters, outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	modeSelector(
		{ name: 'checkField', displayName: 'Check', description: 'Which unique value to check before creating an employee' },
		[
			{
				name: 'POS User ID',
				value: 'posUserId',
				description: 'Whether no employee, active or disabled, uses this POS user ID',
			},
			{ name: 'Email', value: 'email', description: 'Whether no employee uses this e-mail (without regard to case)' },
			{ name: 'Phone', value: 'phone', description: 'Whether no employee uses this phone number (digits compared)' },
		],
		'posUserId',
	),
	posUserIdField({ displayOptions: { show: { checkField: ['posUserId'] } }, description: 'The POS user ID to check' }),
	emailField({ displayOptions: { show: { checkField: ['email'] } }, description: 'The e-mail address to check' }),
	phoneField({
		displayOptions: { show: { checkField: ['phone'] } },
		description: 'The phone number to check; spaces, dashes and brackets are ignored',
	}),
];

export const description = operationProperties('employee', 'checkAvailability', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const read = itemParameters(this, i);
	const checkField = this.getNodeParameter('checkField', i) as string;
	let value: string | number;
	let available: boolean;
	if (checkField === 'email') {
		const email = (value = read.text('email'));
		available = await client.isEmailAvailable({ email });
	} else if (checkField === 'phone') {
		const phone = (value = read.text('phone'));
		available = await client.isPhoneAvailable({ phone });
	} else {
		const posUserId = (value = read.integer('posUserId'));
		available = await client.isPosUserIdAvailable({ posUserId });
	}
	return outputItem({ field: checkField, value, available }, i);
}
