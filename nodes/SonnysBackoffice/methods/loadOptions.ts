import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { PermissionScope } from '../../../src/models/api';
import { CREDENTIAL_TYPE, withClient } from '../helpers/client';
import { toNodeError } from '../helpers/errors';
import { ALL_SITES } from '../helpers/values';

async function load<T>(
	fns: ILoadOptionsFunctions,
	fn: (client: Parameters<Parameters<typeof withClient>[1]>[0]) => Promise<T>,
): Promise<T> {
	const credentials = await fns.getCredentials(CREDENTIAL_TYPE);
	try {
		return await withClient(credentials, fn);
	} catch (error) {
		throw toNodeError(fns.getNode(), error, 0);
	}
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
}

/**
 * "All Sites" (value `__all__`) first, then every site in alphabetical order, valued by name; the description
 * shows region and district.
 */
export async function getSites(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sites = await load(this, async (client) => await client.listSites());
	return [
		{ name: 'All Sites', value: ALL_SITES, description: 'Every site of the tenant (Backoffice\'s "all" setting)' },
		...sites.map((site) => ({
			name: site.name,
			value: site.name,
			description:
				[site.regionName, site.districtName].filter((part) => part !== null && part !== '').join(' / ') ||
				undefined,
		})).sort(byName),
	];
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departments = await load(this, async (client) => await client.listDepartments());
	return departments.map((d) => ({ name: d.name, value: d.name })).sort(byName);
}

async function templates(fns: ILoadOptionsFunctions, scope: PermissionScope): Promise<INodePropertyOptions[]> {
	const list = await load(fns, async (client) => await client.listPermissions({ scope }));
	return list.map((t) => ({ name: t.name, value: t.name })).sort(byName);
}

export async function getPosPermissionTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await templates(this, 'pos');
}

export async function getBackofficePermissionTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await templates(this, 'backoffice');
}
