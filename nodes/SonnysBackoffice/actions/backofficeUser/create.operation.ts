import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { CreateBackofficeUserInput, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readInteger, readSites, readText } from '../../helpers/values';

const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		description: 'Login name of the new Backoffice user: a letter, then 2-63 letters, digits or underscores',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'E-mail address of the new Backoffice user',
	},
	{
		displayName: 'Permission Template Name or ID',
		name: 'permission',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBackofficePermissionTemplates' },
		required: true,
		default: '',
		description: 'Backoffice permission template, e.g. Administrator; the ID of a template is its name. It is recorded in the output but not yet applied: assign it in Backoffice (shield icon on the user list). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Link To',
		name: 'linkTo',
		type: 'options',
		// Fixed per node, not per item: it decides which fields are shown and required.
		noDataExpression: true,
		default: 'none',
		options: [
			{
				name: 'Nothing (Standalone User)',
				value: 'none',
				description: 'A Backoffice user with its own first and last name, not tied to a POS employee',
			},
			{
				name: 'Employee by POS User ID',
				value: 'posUserId',
				description: 'Link to an active employee found by POS user ID; the user inherits their site access',
			},
			{
				name: 'Employee by Email',
				value: 'email',
				description: 'Link to an active employee found by e-mail; the user inherits their site access',
			},
		],
		description: 'Whether the Backoffice user belongs to an existing employee',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { linkTo: ['none'] } },
		description: 'First name of the standalone user',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { linkTo: ['none'] } },
		description: 'Last name of the standalone user',
	},
	{
		displayName: 'Employee POS User ID',
		name: 'linkToEmployeePosUserId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { linkTo: ['posUserId'] } },
		description: 'POS user ID of the active employee to link the user to',
	},
	{
		displayName: 'Employee Email',
		name: 'linkToEmployeeEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { linkTo: ['email'] } },
		description: 'E-mail address of the active employee to link the user to',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Password of the new user. Leave empty to generate a strong 12-character one; it is returned in the output because Backoffice never shows it again.',
			},
			{
				displayName: 'Site Names or IDs',
				name: 'availableSites',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getSites' },
				default: [],
				description: 'Sites the user should reach (default: All Sites). Recorded in the output only: assign them in Backoffice with the permission template. The ID of a site is its name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['backofficeUser'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const param = (name: string): unknown => this.getNodeParameter(name, i, undefined);
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const input: CreateBackofficeUserInput = {
		username: readText(param('username'), 'username', true)!,
		email: readText(param('email'), 'email', true)!,
		permission: readText(param('permission'), 'permission', true)!,
	};
	const linkTo = this.getNodeParameter('linkTo', i) as string;
	if (linkTo === 'posUserId') {
		input.linkToEmployeePosUserId = readInteger(param('linkToEmployeePosUserId'), 'linkToEmployeePosUserId', true);
	} else if (linkTo === 'email') {
		input.linkToEmployeeEmail = readText(param('linkToEmployeeEmail'), 'linkToEmployeeEmail', true);
	} else {
		input.firstName = readText(param('firstName'), 'firstName', true);
		input.lastName = readText(param('lastName'), 'lastName', true);
	}
	if (typeof extra.password === 'string' && extra.password !== '') input.password = extra.password;
	const sites = extra.availableSites;
	if (sites !== undefined && !(Array.isArray(sites) && sites.length === 0) && sites !== '') {
		input.availableSites = await readSites(sites, 'availableSites', async () =>
			(await client.listSites()).map((s) => s.name),
		);
	}
	const created = await client.createBackofficeUser(input);
	return [{ json: { ...created } as unknown as IDataObject, pairedItem: { item: i } }];
}
