import type { INodeProperties } from 'n8n-workflow';

import { collection } from '../helpers/fields';

/** The trigger's event options; the values are the `event` of each output item. */
export const EVENT_OPTIONS = [
	{
		name: 'Employee Changed',
		value: 'employeeChanged',
		description: 'A roster column changed: name, POS user ID, phone, sites, access level or departments',
	},
	{ name: 'Employee Deactivated', value: 'employeeDeactivated', description: 'An active employee was disabled' },
	{ name: 'Employee Reactivated', value: 'employeeReactivated', description: 'A disabled employee was turned back on' },
	{ name: 'New Employee', value: 'newEmployee', description: 'An employee appeared in the roster' },
] as const;

/** Parameters of the trigger (n8n adds "Poll Times" itself to every polling node). */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['newEmployee', 'employeeDeactivated', 'employeeReactivated', 'employeeChanged'],
		options: EVENT_OPTIONS.map((o) => ({ ...o })),
		description: 'Which changes in the Backoffice roster start the workflow, one item per employee and event',
	},
	collection('filters', [
		{
			displayName: 'Access Level Names or IDs',
			name: 'accessLevels',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getAccessLevels' },
			default: [],
			description:
				'Only employees whose roster access level (a POS permission template, Custom or None) is one of these, before or after the change. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Site Names or IDs',
			name: 'sites',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getSites' },
			default: [],
			description:
				'Only employees available at one of these sites, before or after the change. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
	{
		displayName:
			'The first poll after activation records the current roster and starts nothing; "Fetch Test Event" returns the newest matching employee as a sample',
		name: 'baselineNotice',
		type: 'notice',
		default: '',
	},
];
