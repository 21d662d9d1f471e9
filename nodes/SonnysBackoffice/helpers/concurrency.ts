import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ValidationError } from '../../../src/errors';
import { ONLY_V1 } from './displayOptions';
import { collection } from './fields';

/** The client's `MAX_SESSIONS` (a node file may not import values from src/; a node test checks they agree). */
export const MAX_SESSIONS = 8;

/** The "Concurrency" option: how many items run at once, each on its own Backoffice session of the bot user. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_SESSIONS, numberPrecision: 0 },
	default: 1,
	noDataExpression: true,
	description:
		'How many items run at the same time, each on its own Backoffice session of the bot user (1-8). Output order stays the input order. Start with 1 or 4: what a tenant tolerates is not known (see the README).',
};

/**
 * An operation's one "Options" collection: Concurrency, then the operation's own options (sorted by display name),
 * shown under `show` when given.
 */
export function optionsCollection(own: INodeProperties[] = [], show?: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return collection('options', [concurrencyOption, ...own], show ? { displayOptions: { show } } : {});
}

/**
 * "Options > Concurrency" of the per-item operations that have no other options. The operations with options of
 * their own carry Concurrency in that same "Options" collection (the preview switch in helpers/employeeFields.ts,
 * Get's includes), so that each operation and version shows exactly one collection of that name. Listings (Get
 * Many, sites, departments, templates) gain nothing from it.
 */
export const concurrencyOptions: INodeProperties[] = [
	optionsCollection([], { resource: ['employee'], operation: ['checkAvailability'] }),
	optionsCollection([], { resource: ['employee'], operation: ['create', 'disable'], ...ONLY_V1 }),
	optionsCollection([], { resource: ['backofficeUser'], operation: ['create'] }),
];

/** The node's Concurrency, read once (from the first item): 1 unless set; a whole number from 1 to 8. */
export function readConcurrency(fns: IExecuteFunctions): number {
	const value = fns.getNodeParameter('options.concurrency', 0, 1) as unknown;
	if (value === undefined || value === null || value === '') return 1;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_SESSIONS) {
		throw new ValidationError('concurrency', `must be a whole number from 1 to ${MAX_SESSIONS} (got ${String(value)})`);
	}
	return value;
}
