import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { PermissionScope, SonnysBackofficeClientApi } from '../../../src/models/api';
import { CREDENTIAL_TYPE, withClient } from '../helpers/client';
import { toNodeError } from '../helpers/errors';

/** Runs `fn` with a short-lived client on the node's credential; errors as n8n errors. */
export async function load<T>(fns: ILoadOptionsFunctions, fn: (client: SonnysBackofficeClientApi) => Promise<T>): Promise<T> {
	const credentials = await fns.getCredentials(CREDENTIAL_TYPE);
	try {
		return await withClient(credentials, fn);
	} catch (error) {
		throw toNodeError(fns.getNode(), error, 0);
	}
}

/** Options in alphabetical order, numbers in numeric order. */
export function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
}

/** The templates of one scope as options valued by name. */
export async function templates(fns: ILoadOptionsFunctions, scope: PermissionScope): Promise<INodePropertyOptions[]> {
	const list = await load(fns, async (client) => await client.listPermissions({ scope }));
	return list.map((t) => ({ name: t.name, value: t.name })).sort(byName);
}
