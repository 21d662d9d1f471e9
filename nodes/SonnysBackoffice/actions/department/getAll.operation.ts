import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { returnAllOrLimit, toItems } from '../../helpers/getMany';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const departments = await client.listDepartments();
	return toItems.call(this, departments.map((d) => ({ ...d }) as IDataObject), i);
}
