import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ValidationError } from '../../../src/errors';

/** The client's `MAX_SESSIONS` (a node file may not import values from src/; a node test checks they agree). */
export const MAX_SESSIONS = 8;

/** Resources whose operations list cached data: running their items in parallel gains nothing. */
const LISTING_RESOURCES = ['site', 'department', 'permissionTemplate'];

/**
 * "Options > Concurrency" of the operations that act per item: how many items run at once, each on its own
 * Backoffice session of the bot user (the client's `maxSessions`).
 */
export const concurrencyOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { hide: { resource: LISTING_RESOURCES } },
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_SESSIONS, numberPrecision: 0 },
			default: 1,
			noDataExpression: true,
			description:
				'How many items run at the same time, each on its own Backoffice session of the bot user (1-8). Output order stays the input order. Start with 1 or 4: what a tenant tolerates is not known (see the README).',
		},
	],
};

/** The node's Concurrency, read once (from the first item): 1 unless set; a whole number from 1 to 8. */
export function readConcurrency(fns: IExecuteFunctions): number {
	const value = fns.getNodeParameter('options.concurrency', 0, 1) as unknown;
	if (value === undefined || value === null || value === '') return 1;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_SESSIONS) {
		throw new ValidationError('concurrency', `must be a whole number from 1 to ${MAX_SESSIONS} (got ${String(value)})`);
	}
	return value;
}
