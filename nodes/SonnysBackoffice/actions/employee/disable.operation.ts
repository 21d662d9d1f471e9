import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EmployeeRef, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { ONLY_V1, SINCE_V2, operationProperties } from '../../helpers/displayOptions';
import { dryRunOptions, readDryRun } from '../../helpers/employeeFields';
import { employeeLocator, readEmployeeRef } from '../../helpers/employeeLocator';
import { emailField, modeSelector, posUserIdField } from '../../helpers/fields';
import { itemParameters, outputItem } from '../../helpers/parameters';

/** Version 1, unchanged: "Look Up By" and one field per key (saved workflows keep these parameters). */
const v1: INodeProperties[] = [
	{
		...modeSelector(
			{ name: 'lookupBy', displayName: 'Look Up By', description: 'How to find the employee to disable' },
			[
				{ name: 'POS User ID', value: 'posUserId', description: 'The number the employee logs in with at the POS' },
				{ name: 'Email', value: 'email', description: 'The e-mail address on the employee record' },
			],
			'posUserId',
		),
		displayOptions: { show: ONLY_V1 },
	},
	posUserIdField({
		displayOptions: { show: { ...ONLY_V1, lookupBy: ['posUserId'] } },
		description: 'POS user ID of the employee to disable',
	}),
	emailField({
		displayOptions: { show: { ...ONLY_V1, lookupBy: ['email'] } },
		description: 'E-mail address of the employee to disable (matched without regard to case)',
	}),
];

/** Version 2: the Employee resource locator. */
const v2: INodeProperties[] = [
	{ ...employeeLocator('The employee to disable'), displayOptions: { show: SINCE_V2 } },
	{ ...dryRunOptions, displayOptions: { show: SINCE_V2 } },
];

export const description = operationProperties('employee', 'disable', [...v1, ...v2]);

function v1Ref(fns: IExecuteFunctions, i: number): EmployeeRef {
	const read = itemParameters(fns, i);
	return fns.getNodeParameter('lookupBy', i) === 'email' ? { email: read.text('email') } : { posUserId: read.integer('posUserId') };
}

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const v2 = this.getNode().typeVersion >= 2;
	const ref = v2 ? readEmployeeRef(this, i) : v1Ref(this, i);
	const dryRun = v2 && readDryRun(this.getNodeParameter('options', i, {}) as IDataObject);
	const disabled = await client.disableEmployee({ ...ref, dryRun });
	const json: IDataObject = { ...disabled, disabledAt: disabled.disabledAt.toISOString() };
	return outputItem(json, i);
}
