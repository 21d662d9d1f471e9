import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { returnAllOrLimit, toItems } from '../../helpers/getMany';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions({ show: { resource: ['site'], operation: ['getAll'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const sites = await client.listSites();
	return toItems.call(this, sites.map((site) => ({ ...site }) as IDataObject), i);
}
