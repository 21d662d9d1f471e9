import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { dryRunOptions, readDryRun, readEmployeeFields, updateFieldsCollection } from '../../helpers/employeeFields';
import { employeeLocator, readEmployeeRef } from '../../helpers/employeeLocator';
import { outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	employeeLocator('The disabled employee to reactivate. Find an inactive employee by POS user ID or from the list.'),
	{ ...updateFieldsCollection, description: 'Changes applied in the same run, e.g. a new wage and site for a rehire' },
	dryRunOptions,
];

/** Version 2 only. */
export const description = operationProperties('employee', 'reactivate', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const changes = await readEmployeeFields(this.getNodeParameter('updateFields', i, {}) as IDataObject, client, this.getTimezone());
	const dryRun = readDryRun(this.getNodeParameter('options', i, {}) as IDataObject);
	return outputItem(await client.reactivateEmployee({ ...readEmployeeRef(this, i), changes, dryRun }), i);
}
