import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { changeOptions, readChangeInput, updateFieldsCollection } from '../../helpers/employeeFields';
import { employeeLocator } from '../../helpers/employeeLocator';
import { outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	employeeLocator('The disabled employee to reactivate. Find an inactive employee by POS user ID or from the list.'),
	{ ...updateFieldsCollection, description: 'Changes applied in the same run, e.g. a new wage and site for a rehire' },
	changeOptions,
];

/** Version 2 only. */
export const description = operationProperties('employee', 'reactivate', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	return outputItem(await client.reactivateEmployee(await readChangeInput(this, i, client)), i);
}
