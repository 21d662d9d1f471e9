import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { templates } from './load';

export { getSites } from './loadOptions';

/** The values of the roster's "Access" column: every POS template, then `Custom` and `None` (protocol A.2, A.6). */
export async function getAccessLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [
		...(await templates(this, 'pos')),
		{ name: 'Custom', value: 'Custom', description: 'Permissions that match no template' },
		{ name: 'None', value: 'None', description: 'No POS permission at all' },
	];
}
