import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EmployeeChanges, EmployeeRef, SonnysBackofficeClientApi } from '../../../src/models/api';
import { readEmployeeRef } from './employeeLocator';
import { optionsCollection } from './concurrency';
import { readFieldsToClear, withFieldsToClear } from './fieldsToClear';
import { collection, emailField, permissionTemplateField, phoneField, sitesField } from './fields';
import { siteNames } from './parameters';
import { readCalendarDate, readInteger, readMoney, readNameList, readSites, readText } from './values';

/**
 * The employee fields Create (under Additional Fields) and Update / Reactivate (under Update Fields) share: one
 * definition of each picker and one reader, so both operations accept exactly the same values.
 */

export const adpEmployeeIdOption: INodeProperties = {
	displayName: 'ADP Employee ID',
	name: 'adpEmployeeId',
	type: 'string',
	default: '',
	description: 'Payroll ID of the employee in ADP, if your wash uses ADP',
};

export const departmentsOption: INodeProperties = {
	displayName: 'Department Names or IDs',
	name: 'departments',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getDepartments' },
	default: [],
	description:
		'Departments of the employee; Greeter is always included. An expression may give a list or names separated by commas; the ID of a department is its name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const emergencyContactNameOption: INodeProperties = {
	displayName: 'Emergency Contact Name',
	name: 'emergencyContactName',
	type: 'string',
	default: '',
	description: 'Who to call in an emergency',
};

export const emergencyContactPhoneOption: INodeProperties = {
	displayName: 'Emergency Contact Phone',
	name: 'emergencyContactPhone',
	type: 'string',
	default: '',
	description: 'Phone of the emergency contact: 9 or 10 digits once symbols are removed',
};

export function overtimeWageRateOption(description: string): INodeProperties {
	return { displayName: 'Overtime Wage Rate', name: 'overtimeWageRate', type: 'string', default: '', placeholder: '23.25', description };
}

/**
 * The POS PIN. Text, empty by default: a number field would need a numeric default, and a default PIN would give
 * every item whose row leaves the field untouched the same PIN.
 */
export function posPinOption(extra: Pick<INodeProperties, 'description' | 'hint' | 'placeholder'>): INodeProperties {
	return { displayName: 'POS PIN', name: 'posPin', type: 'string', default: '', ...extra };
}

/** A field of the shared builders, for a collection: never required. */
function optional(property: INodeProperties): INodeProperties {
	const { required: _required, ...rest } = property;
	return rest;
}

/** The "Update Fields" of Update and Reactivate: the same pickers as Create, every one optional. */
export const updateFieldsCollection: INodeProperties = collection('updateFields', [
	adpEmployeeIdOption,
	sitesField({
		displayName: 'Available Site Names or IDs',
		required: false,
		description:
			'Replaces the sites where the employee may work: "All Sites", or one or more sites by name. An expression may give a list or names separated by commas; the ID of a site is its name',
	}),
	departmentsOption,
	optional(emailField({ description: 'New e-mail address. Must not belong to another employee.' })),
	emergencyContactNameOption,
	emergencyContactPhoneOption,
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'New first name' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'New last name' },
	overtimeWageRateOption(
		'New hourly overtime wage in dollars (makes the new wage record overtime-eligible). Needs a Wage Rate. Defaults to 1.5 times the new wage rate when the current wage is overtime-eligible.',
	),
	optional(
		permissionTemplateField('pos', {
			description: 'POS permission template to apply, e.g. Shift Leader (matched without regard to case); the ID of a template is its name',
		}),
	),
	optional(phoneField({ description: 'New phone number: 9 or 10 digits once symbols are removed. Must not belong to another employee.' })),
	posPinOption({ description: 'New 5-digit PIN (10000-99999) for the POS. Shown as ***** in the output.' }),
	{
		displayName: 'Wage Effective Date',
		name: 'wageEffectiveDate',
		type: 'dateTime',
		default: '',
		description:
			"When the new wage starts (default today). Backoffice needs it after the latest wage's date; an earlier one is moved to the day after it, with a warning. Needs a Wage Rate.",
	},
	{
		displayName: 'Wage Rate',
		name: 'wageRate',
		type: 'string',
		default: '',
		placeholder: '17.25',
		description: 'New hourly wage in dollars: a new wage record. Handled as an exact decimal.',
	},
]);

/** The preview switch of Create, Update, Reactivate, Disable and Create or Update. */
export const dryRunOption: INodeProperties = {
	displayName: 'Preview Only (Dry Run)',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only validate and read, and output what would change (changes, plannedRequests) without writing anything to Backoffice',
};

/** The "Options" collection of Create, Update, Reactivate and Disable: Concurrency and the preview switch. */
export const dryRunOptions: INodeProperties = optionsCollection([dryRunOption]);

/** Whether the item asks for a preview only. */
export function readDryRun(options: IDataObject | undefined): boolean {
	return options?.dryRun === true;
}

/** The optional employee fields of a collection (Create's Additional Fields, the Update Fields), as the client takes them. */
export async function readEmployeeFields(
	values: IDataObject,
	client: SonnysBackofficeClientApi,
	timeZone: string,
): Promise<EmployeeChanges> {
	const out: EmployeeChanges = {};
	for (const key of ['firstName', 'lastName', 'email', 'phone', 'permission', 'adpEmployeeId', 'emergencyContactName', 'emergencyContactPhone'] as const) {
		const value = readText(values[key], key, false);
		if (value !== undefined) out[key] = value;
	}
	const posPin = readInteger(values.posPin, 'posPin', false);
	if (posPin !== undefined) out.posPin = posPin;
	for (const key of ['wageRate', 'overtimeWageRate'] as const) {
		const money = readMoney(values[key], key, false);
		if (money !== undefined) out[key] = money;
	}
	if (values.wageEffectiveDate !== undefined && values.wageEffectiveDate !== '') {
		out.wageEffectiveDate = readCalendarDate(values.wageEffectiveDate, 'wageEffectiveDate', timeZone);
	}
	if (values.departments !== undefined) {
		const departments = await readNameList(values.departments, 'departments');
		if (departments.length > 0) out.departments = departments;
	}
	if (values.availableSites !== undefined) out.availableSites = await readSites(values.availableSites, 'availableSites', siteNames(client));
	return out;
}

/** The "Options" of Update and Reactivate: those of {@link dryRunOptions} and Fields to Clear. */
export const changeOptions: INodeProperties = withFieldsToClear(dryRunOptions);

/** The input of Update and Reactivate: the Employee locator, the Update Fields (with Options > Fields to Clear) and the preview option. */
export async function readChangeInput(
	fns: IExecuteFunctions,
	i: number,
	client: SonnysBackofficeClientApi,
): Promise<EmployeeRef & { changes: EmployeeChanges; dryRun: boolean }> {
	const fields = fns.getNodeParameter('updateFields', i, {}) as IDataObject;
	const options = fns.getNodeParameter('options', i, {}) as IDataObject;
	const clears = await readFieldsToClear(options, fields, 'Update Fields');
	const changes = { ...(await readEmployeeFields(fields, client, fns.getTimezone())), ...clears };
	return { ...readEmployeeRef(fns, i), changes, dryRun: readDryRun(options) };
}
