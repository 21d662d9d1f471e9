import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { DisableEmployeeInput, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { emailField, modeSelector, posUserIdField } from '../../helpers/fields';
import { itemParameters, outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	modeSelector(
		{ name: 'lookupBy', displayName: 'Look Up By', description: 'How to find the employee to disable' },
		[
			{ name: 'POS User ID', value: 'posUserId', description: 'The number the employee logs in with at the POS' },
			{ name: 'Email', value: 'email', description: 'The e-mail address on the employee record' },
		],
		'posUserId',
	),
	posUserIdField({
		displayOptions: { show: { lookupBy: ['posUserId'] } },
		description: 'POS user ID of the employee to disable',
	}),
	emailField({
		displayOptions: { show: { lookupBy: ['email'] } },
		description: 'E-mail address of the employee to disable (matched without regard to case)',
	}),
];

export const description = operationProperties('employee', 'disable', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const read = itemParameters(this, i);
	const input: DisableEmployeeInput =
		this.getNodeParameter('lookupBy', i) === 'email' ? { email: read.text('email') } : { posUserId: read.integer('posUserId') };
	const disabled = await client.disableEmployee(input);
	const json: IDataObject = { ...disabled, disabledAt: disabled.disabledAt.toISOString() };
	return outputItem(json, i);
}
