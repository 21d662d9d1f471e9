import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { CreateEmployeeInput, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { backofficeLoginFields, readBackofficeLogin } from '../../helpers/backofficeLogin';
import { operationProperties, SINCE_V2 } from '../../helpers/displayOptions';
import {
	adpEmployeeIdOption,
	departmentsOption,
	dryRunOptions,
	emergencyContactNameOption,
	emergencyContactPhoneOption,
	overtimeWageRateOption,
	posPinOption,
	readDryRun,
	readEmployeeFields,
} from '../../helpers/employeeFields';
import {
	collection,
	emailField,
	permissionTemplateField,
	phoneField,
	posUserIdField,
	requiredTextField,
	sitesField,
} from '../../helpers/fields';
import { itemParameters, outputItem, siteNames } from '../../helpers/parameters';
import { dropUndefined, pick, readCalendarDate, readMoney, readSites } from '../../helpers/values';

/** The fields of a new employee (Create; Create or Update takes the same), without the notice and the options. */
export const createFields: INodeProperties[] = [
	requiredTextField('firstName', 'First Name', {
		description: 'First name of the employee. Leading and trailing spaces are removed.',
	}),
	requiredTextField('lastName', 'Last Name', { description: 'Last name of the employee' }),
	emailField({ description: 'E-mail address of the employee. Must be unique on the tenant.' }),
	phoneField({
		description:
			'Phone number: 9 or 10 digits once spaces, dashes and brackets are removed (no country code). Must be unique on the tenant.',
	}),
	posUserIdField({
		description:
			'The number the employee types to log in at the POS. You assign it; it must be unique on the tenant, including disabled employees. Use the Employee > Check Availability operation to test one first.',
	}),
	{
		displayName: 'Wage Rate',
		name: 'wageRate',
		type: 'string',
		required: true,
		default: '',
		placeholder: '15.50',
		description:
			'Hourly wage in dollars, e.g. 15.50. Handled as an exact decimal (never rounded through floating point).',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'First day of employment. Accepts the date picker, ISO text such as 2026-05-01, 05/01/2026, or a date from an expression. Only the calendar date is used.',
	},
	sitesField({
		displayName: 'Available Site Names or IDs',
		required: true,
		description:
			'Sites where the employee may work: "All Sites", or one or more sites by name (the first one is where the wage is attributed). An expression may give a list or names separated by commas; the ID of a site is its name',
	}),
	permissionTemplateField('pos', {
		description:
			'POS permission template to apply, e.g. General User (matched without regard to case); the ID of a template is its name',
	}),
	collection('additionalFields', [
		adpEmployeeIdOption,
		...backofficeLoginFields,
		departmentsOption,
		emergencyContactNameOption,
		emergencyContactPhoneOption,
		overtimeWageRateOption('Hourly overtime wage in dollars. Defaults to 1.5 times the wage rate, rounded to cents.'),
		posPinOption({
			placeholder: 'Leave empty to generate one',
			hint: 'Leave empty to have a random PIN generated; it is returned in the output only, because Backoffice never shows it again',
			description:
				'5-digit PIN (10000-99999) for the POS. Leave it empty to generate a random one; it is returned in the output because Backoffice never shows it again.',
		}),
		{
			displayName: 'Skip Phone Pre-Check',
			name: 'skipPhonePreflight',
			type: 'boolean',
			default: false,
			description:
				"Whether to skip checking the phone against the whole employee list before creating. Backoffice cannot search by phone, so the check downloads every employee once per run (about 10 MB on a 5,000-employee tenant). For bulk runs on large tenants. Trade-off: whether Backoffice itself refuses a duplicate phone was never observed, so a duplicate phone may then be created. POS user ID and e-mail are still checked.",
		},
	]),
];

const properties: INodeProperties[] = [
	{
		displayName:
			"Unless you add them under Additional Fields, the POS PIN (and the password of a linked Backoffice login) are generated. They are returned in this node's output only, because Backoffice never shows them again: store them or hand them over in the next node.",
		name: 'generatedSecretsNotice',
		type: 'notice',
		default: '',
	},
	...createFields,
	{ ...dryRunOptions, displayOptions: { show: SINCE_V2 } },
];

export const description = operationProperties('employee', 'create', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const input = await readCreateInput(this, client, i);
	const options = this.getNode().typeVersion >= 2 ? (this.getNodeParameter('options', i, {}) as IDataObject) : {};
	return outputItem(await client.createEmployee({ ...input, dryRun: readDryRun(options) }), i);
}

/** The item's {@link createFields} as the client takes them. */
export async function readCreateInput(fns: IExecuteFunctions, client: SonnysBackofficeClientApi, i: number): Promise<CreateEmployeeInput> {
	const read = itemParameters(fns, i);
	const extra = read.additionalFields();

	const input: CreateEmployeeInput = {
		firstName: read.text('firstName'),
		lastName: read.text('lastName'),
		phone: read.text('phone'),
		email: read.text('email'),
		posUserId: read.integer('posUserId'),
		wageRate: readMoney(read.raw('wageRate'), 'wageRate', true)!,
		startDate: readCalendarDate(read.raw('startDate'), 'startDate', fns.getTimezone()),
		availableSites: await readSites(read.raw('availableSites'), 'availableSites', siteNames(client)),
		permission: read.text('permission'),
	};
	const { posPin, overtimeWageRate, departments, adpEmployeeId, emergencyContactName, emergencyContactPhone } = await readEmployeeFields(
		pick(extra, ['posPin', 'overtimeWageRate', 'departments', 'adpEmployeeId', 'emergencyContactName', 'emergencyContactPhone']),
		client,
		fns.getTimezone(),
	);
	Object.assign(input, dropUndefined({ posPin, overtimeWageRate, departments, adpEmployeeId, emergencyContactName, emergencyContactPhone }));
	await readBackofficeLogin(extra, client, input);

	if (extra.skipPhonePreflight === true) input.skipPhonePreflight = true;
	return input;
}
