import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { backofficeUserRefFields, readBackofficeUserRef } from '../../helpers/backofficeUserRef';
import { operationProperties } from '../../helpers/displayOptions';
import { outputItem } from '../../helpers/parameters';

export const description = operationProperties('backofficeUser', 'get', backofficeUserRefFields('read'));

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	return outputItem(await client.getBackofficeUser(readBackofficeUserRef(this, i)), i);
}
