import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { changeOptions, readChangeInput, updateFieldsCollection } from '../../helpers/employeeFields';
import { employeeLocator } from '../../helpers/employeeLocator';
import { outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	employeeLocator('The employee to change (inactive employees too)'),
	{
		...updateFieldsCollection,
		description:
			'The fields to change. Only what differs from Backoffice is written, and every change is read back; a new wage becomes a new wage record. The output lists each changed field with its old and new value.',
	},
	changeOptions,
];

/** Version 2 only (the operation came with the Employee locator). */
export const description = operationProperties('employee', 'update', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	return outputItem(await client.updateEmployee(await readChangeInput(this, i, client)), i);
}
