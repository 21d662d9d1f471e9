import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import { ONLY_V1, SINCE_V2 } from '../../helpers/displayOptions';
import { operationSelector } from '../../helpers/fields';
import * as checkAvailability from './checkAvailability.operation';
import * as create from './create.operation';
import * as disable from './disable.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as reactivate from './reactivate.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { checkAvailability, create, disable, get, getAll, reactivate, update, upsert };

/** The operations of version 1, exactly as saved workflows know them. */
const v1Operations: INodePropertyOptions[] = [
	{
		name: 'Check Availability',
		value: 'checkAvailability',
		description: 'Check whether a POS user ID, e-mail or phone is still free on the tenant',
		action: 'Check if a POS user ID, email or phone is free',
	},
	{
		name: 'Create',
		value: 'create',
		description:
			'Create a POS employee with wage, sites, departments and permission template, optionally with a Backoffice login',
		action: 'Create an employee',
	},
	{
		name: 'Disable',
		value: 'disable',
		description: 'Deactivate an employee so they can no longer log in at the POS',
		action: 'Disable an employee',
	},
];

/** Version 2 adds the read operations (and the Employee locator on every one-employee operation). */
const v2Operations: INodePropertyOptions[] = [
	...v1Operations,
	{
		name: 'Create or Update',
		value: 'upsert',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action: 'Create or update an employee',
	},
	{
		name: 'Get',
		value: 'get',
		description:
			'Find one employee by POS user ID, e-mail or from the list, and return their profile, sites, current wage, wage history and POS permission template',
		action: 'Get an employee with wage and permissions',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: 'Find employees by first or last name (starts with), POS user ID or status; one item per employee',
		action: 'Get many employees by name, POS user ID or status',
	},
	{
		name: 'Reactivate',
		value: 'reactivate',
		description: 'Reactivate a disabled employee, optionally with new fields such as a wage or sites (a rehire)',
		action: 'Reactivate an employee',
	},
	{
		name: 'Update',
		value: 'update',
		description: 'Change an employee: profile, contact, sites, departments, PIN, wage or POS permission template; only what differs is written',
		action: 'Update an employee',
	},
].sort((a, b) => a.name.localeCompare(b.name));

// Version 2's selector first: n8n's tool description ("<action> in Sonny's Backoffice") reads the first selector of
// the resource whatever the version, and version 2's options include version 1's with the same actions.
export const description: INodeProperties[] = [
	operationSelector('employee', v2Operations, 'create', SINCE_V2),
	operationSelector('employee', v1Operations, 'create', ONLY_V1),
	...create.description,
	...disable.description,
	...checkAvailability.description,
	...get.description,
	...getAll.description,
	...update.description,
	...reactivate.description,
	...upsert.description,
];
