import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ValidationError } from '../../../src/errors';
import { readNameList, readText } from './values';

/**
 * Options > Fields to Clear (Update, Reactivate, Create or Update): the one way a node user empties an optional
 * employee field. An empty text field keeps meaning "not given" (so a workflow that maps an empty column changes
 * nothing); a field listed here is sent to the client as `''`, which is how `updateEmployee` clears it.
 */

/** The employee fields the client can clear (`''` in `EmployeeChanges`), with their names in the node. */
const CLEARABLE = [
	{ name: 'ADP Employee ID', value: 'adpEmployeeId' },
	{ name: 'Emergency Contact Name', value: 'emergencyContactName' },
	{ name: 'Emergency Contact Phone', value: 'emergencyContactPhone' },
] as const;

/** A field Fields to Clear accepts. */
export type ClearableField = (typeof CLEARABLE)[number]['value'];

const VALUES: readonly string[] = CLEARABLE.map((c) => c.value);

/** A listed name as its field: the option's value, or its label as the editor shows it (any case), else undefined. */
function clearableField(name: string): ClearableField | undefined {
	const lower = name.toLowerCase();
	return CLEARABLE.find((c) => c.value.toLowerCase() === lower || c.name.toLowerCase() === lower)?.value;
}

/** The option, for the Options collection of an operation that changes an existing employee. */
export const fieldsToClearOption: INodeProperties = {
	displayName: 'Fields to Clear',
	name: 'fieldsToClear',
	type: 'multiOptions',
	options: CLEARABLE.map((c) => ({ ...c })),
	default: [],
	description:
		'Optional fields to empty on the employee in Backoffice. An empty field elsewhere in this node means "leave as it is"; only a field listed here is removed. A field cannot be both given a value and cleared. An expression may give a list or names separated by commas (adpEmployeeId or ADP Employee ID, and so on).',
};

/** An Options collection with Fields to Clear added, the entries kept in display-name order as n8n lists them. */
export function withFieldsToClear(collection: INodeProperties): INodeProperties {
	const options = [...((collection.options ?? []) as INodeProperties[]), fieldsToClearOption];
	return { ...collection, options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
}

/**
 * The item's Fields to Clear as client changes (each field `''`), checked against the values the item also gives
 * (`given`: the collection's parameters; a blank one is "not given"): a field both set and cleared is a
 * ValidationError naming it. Called before anything else of the item is read, so before any request. `where`
 * names the collection, for the message.
 */
export async function readFieldsToClear(
	options: IDataObject,
	given: Partial<Record<ClearableField, unknown>>,
	where: string,
): Promise<Partial<Record<ClearableField, ''>>> {
	const names = await readNameList(options.fieldsToClear, 'fieldsToClear');
	const clears: Partial<Record<ClearableField, ''>> = {};
	for (const name of names) {
		const field = clearableField(name);
		if (field === undefined) {
			throw new ValidationError('fieldsToClear', `unknown field ${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)}; choose from ${VALUES.join(', ')}`);
		}
		if (readText(given[field], field, false) !== undefined) {
			throw new ValidationError(field, `is given a value under ${where} and also listed in Options > Fields to Clear: keep only one`);
		}
		clears[field] = '';
	}
	return clears;
}
