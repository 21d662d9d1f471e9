import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { CreateBackofficeUserInput, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import {
	collection,
	emailField,
	modeSelector,
	newPasswordField,
	permissionTemplateField,
	posUserIdField,
	requiredTextField,
	sitesField,
} from '../../helpers/fields';
import { itemParameters, outputItem, siteNames } from '../../helpers/parameters';
import { readSecret, readSites } from '../../helpers/values';

const properties: INodeProperties[] = [
	{
		displayName:
			"Unless you add a Password under Additional Fields, a strong one is generated. It is returned in this node's output only, because Backoffice never shows it again: store it or hand it over in the next node.",
		name: 'generatedSecretsNotice',
		type: 'notice',
		default: '',
	},
	requiredTextField('username', 'Username', {
		description: 'Login name of the new Backoffice user: a letter, then 2-63 letters, digits or underscores',
	}),
	emailField({ description: 'E-mail address of the new Backoffice user' }),
	permissionTemplateField('backoffice', {
		description:
			'Backoffice permission template, e.g. Administrator, applied right after the user is created and read back; the ID of a template is its name',
	}),
	modeSelector(
		{ name: 'linkTo', displayName: 'Link To', description: 'Whether the Backoffice user belongs to an existing employee' },
		[
			{
				name: 'Nothing (Standalone User)',
				value: 'none',
				description: 'A Backoffice user with its own first and last name, not tied to a POS employee',
			},
			{
				name: 'Employee by POS User ID',
				value: 'posUserId',
				description: 'Link to an active employee found by POS user ID',
			},
			{
				name: 'Employee by Email',
				value: 'email',
				description: 'Link to an active employee found by e-mail',
			},
		],
		'none',
	),
	requiredTextField('firstName', 'First Name', {
		displayOptions: { show: { linkTo: ['none'] } },
		description: 'First name of the standalone user',
	}),
	requiredTextField('lastName', 'Last Name', {
		displayOptions: { show: { linkTo: ['none'] } },
		description: 'Last name of the standalone user',
	}),
	posUserIdField({
		name: 'linkToEmployeePosUserId',
		displayName: 'Employee POS User ID',
		displayOptions: { show: { linkTo: ['posUserId'] } },
		description: 'POS user ID of the active employee to link the user to',
	}),
	emailField({
		name: 'linkToEmployeeEmail',
		displayName: 'Employee Email',
		displayOptions: { show: { linkTo: ['email'] } },
		description: 'E-mail address of the active employee to link the user to',
	}),
	collection('additionalFields', [
		newPasswordField('password', 'Password', {
			description:
				'Password of the new user. Leave empty to generate a strong 12-character one; it is returned in the output because Backoffice never shows it again.',
		}),
		sitesField({
			required: false,
			description:
				'Sites the user can access (default: All Sites), applied with the template and read back. The ID of a site is its name',
		}),
	]),
];

export const description = operationProperties('backofficeUser', 'create', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const read = itemParameters(this, i);
	const extra = read.additionalFields();
	const input: CreateBackofficeUserInput = {
		username: read.text('username'),
		email: read.text('email'),
		permission: read.text('permission'),
	};
	const linkTo = this.getNodeParameter('linkTo', i) as string;
	if (linkTo === 'posUserId') {
		input.linkToEmployeePosUserId = read.integer('linkToEmployeePosUserId');
	} else if (linkTo === 'email') {
		input.linkToEmployeeEmail = read.text('linkToEmployeeEmail');
	} else {
		input.firstName = read.text('firstName');
		input.lastName = read.text('lastName');
	}
	const password = readSecret(extra.password);
	if (password !== undefined) input.password = password;
	const sites = extra.availableSites;
	if (sites !== undefined && !(Array.isArray(sites) && sites.length === 0) && sites !== '') {
		input.availableSites = await readSites(sites, 'availableSites', siteNames(client));
	}
	return outputItem(await client.createBackofficeUser(input), i);
}
