import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ALL_SITES } from '../helpers/values';
import { byName, load, templates } from './load';

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

export async function getPosPermissionTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await templates(this, 'pos');
}

export async function getBackofficePermissionTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await templates(this, 'backoffice');
}

