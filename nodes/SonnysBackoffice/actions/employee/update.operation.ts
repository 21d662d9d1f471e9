import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { dryRunOptions, readDryRun, readEmployeeFields, updateFieldsCollection } from '../../helpers/employeeFields';
import { employeeLocator, readEmployeeRef } from '../../helpers/employeeLocator';
import { outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	employeeLocator('The employee to change (inactive employees too)'),
	{
		...updateFieldsCollection,
		description:
			'The fields to change. Only what differs from Backoffice is written, and every change is read back; a new wage becomes a new wage record. The output lists each changed field with its old and new value.',
	},
	dryRunOptions,
];

/** Version 2 only (the operation came with the Employee locator). */
export const description = operationProperties('employee', 'update', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const changes = await readEmployeeFields(this.getNodeParameter('updateFields', i, {}) as IDataObject, client, this.getTimezone());
	const dryRun = readDryRun(this.getNodeParameter('options', i, {}) as IDataObject);
	return outputItem(await client.updateEmployee({ ...readEmployeeRef(this, i), changes, dryRun }), i);
}
