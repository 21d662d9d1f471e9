import type { AllEntities, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../src/models/api';

type NodeMap = {
	employee: 'create' | 'disable' | 'checkAvailability' | 'get' | 'getAll' | 'update' | 'reactivate' | 'upsert';
	backofficeUser: 'create' | 'get' | 'getAll' | 'updateAccess';
	site: 'getAll';
	department: 'getAll';
	permissionTemplate: 'getAll';
};

/** Every resource/operation pair of the node, as the router dispatches them. */
export type SonnysBackofficeType = AllEntities<NodeMap>;

/** An operation's `execute`: one input item, the execution's shared client, the item's output items. */
export type OperationExecute = (
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;
