import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	employee: 'create' | 'disable' | 'checkAvailability';
	backofficeUser: 'create';
	site: 'getAll';
	department: 'getAll';
	permissionTemplate: 'getAll';
};

/** Every resource/operation pair of the node, as the router dispatches them. */
export type SonnysBackofficeType = AllEntities<NodeMap>;
