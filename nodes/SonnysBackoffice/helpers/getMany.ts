import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../src/models/api';
import type { OperationExecute } from '../actions/node.type';
import { operationProperties } from './displayOptions';

/** "Return All" and "Limit", as every n8n "Get Many" operation has them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** One output item per record, each paired with the input item that asked for the list. */
export function toItems(this: IExecuteFunctions, records: IDataObject[], i: number): INodeExecutionData[] {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? records.length : (this.getNodeParameter('limit', i, 50) as number);
	return records.slice(0, limit).map((json) => ({ json, pairedItem: { item: i } }));
}

type List = (this: IExecuteFunctions, client: SonnysBackofficeClientApi, itemIndex: number) => Promise<object[]>;

/**
 * A resource's "Get Many" operation: its fields (`extra`, then Return All and Limit) and its execute, which
 * lists the records through the client (cached for the execution) and outputs one item per record.
 */
export function getManyOperation(
	resource: string,
	list: List,
	extra: INodeProperties[] = [],
): { description: INodeProperties[]; execute: OperationExecute } {
	return {
		description: operationProperties(resource, 'getAll', [...extra, ...returnAllOrLimit]),
		async execute(this: IExecuteFunctions, client: SonnysBackofficeClientApi, i: number): Promise<INodeExecutionData[]> {
			const records = await list.call(this, client, i);
			return toItems.call(this, records.map((record) => ({ ...record }) as IDataObject), i);
		},
	};
}
