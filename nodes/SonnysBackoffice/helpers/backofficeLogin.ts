import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ValidationError } from '../../../src/errors';
import type { CreateEmployeeInput, SonnysBackofficeClientApi } from '../../../src/models/api';
import { newPasswordField, permissionTemplateField, sitesField } from './fields';
import { siteNames } from './parameters';
import { readSecret, readSites, readText } from './values';

/**
 * Employee > Create's "Additional Fields" for a linked Backoffice login (in the collection's alphabetical order):
 * its password, Backoffice template, sites and username. Only the username turns the login on.
 */
export const backofficeLoginFields: INodeProperties[] = [
	newPasswordField('backofficePassword', 'Backoffice Password', {
		description:
			'Password of the Backoffice login. Leave empty to generate a strong 12-character one; it is returned in the output because Backoffice never shows it again. Only used with a Backoffice Username.',
	}),
	permissionTemplateField('backoffice', {
		name: 'backofficePermission',
		displayName: 'Backoffice Permission Template Name or ID',
		required: false,
		description:
			'Backoffice permission template of the linked login, e.g. General User; applied and read back. Without one the login gets its sites but no Backoffice permission. Only used with a Backoffice Username; the ID of a template is its name',
	}),
	sitesField({
		name: 'backofficeSites',
		displayName: 'Backoffice Site Names or IDs',
		required: false,
		description:
			'Sites the linked Backoffice login can access (default: the Available Sites of the employee). Only used with a Backoffice Username; the ID of a site is its name',
	}),
	{
		displayName: 'Backoffice Username',
		name: 'backofficeUsername',
		type: 'string',
		default: '',
		description:
			'Also create a Backoffice login linked to the new employee, with this username (a letter, then 2-63 letters, digits or underscores). Its Backoffice template and sites are applied and read back.',
	},
];

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Reads the Backoffice login fields into `input`; a login field without a username is refused, not dropped. */
export async function readBackofficeLogin(extra: IDataObject, client: SonnysBackofficeClientApi, input: CreateEmployeeInput): Promise<void> {
	const username = readText(extra.backofficeUsername, 'backofficeUsername', false);
	const password = readSecret(extra.backofficePassword);
	const permission = readText(extra.backofficePermission, 'backofficePermission', false);
	const sites = isEmpty(extra.backofficeSites) ? undefined : await readSites(extra.backofficeSites, 'backofficeSites', siteNames(client));
	if (username === undefined) {
		if (password !== undefined || permission !== undefined || sites !== undefined) {
			throw new ValidationError('backofficeUsername', 'is required when a Backoffice Password, Template or Site is given');
		}
		return;
	}
	input.requiresBackoffice = true;
	input.backofficeUsername = username;
	if (password !== undefined) input.backofficePassword = password;
	if (permission !== undefined) input.backofficePermission = permission;
	if (sites !== undefined) input.backofficeSites = sites;
}
