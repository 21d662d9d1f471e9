import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SonnysBackofficeClientApi } from '../../../../src/models/api';
import { operationProperties } from '../../helpers/displayOptions';
import { optionsCollection } from '../../helpers/concurrency';
import { dryRunOption, readDryRun } from '../../helpers/employeeFields';
import { readFieldsToClear, withFieldsToClear } from '../../helpers/fieldsToClear';
import { outputItem } from '../../helpers/parameters';
import { createFields, readCreateInput } from './create.operation';

const properties: INodeProperties[] = [
	{
		displayName:
			"Keyed by POS User ID. A new ID creates the employee, with a generated PIN unless one is given under Additional Fields: it is returned in this node's output only, because Backoffice never shows it again. An existing ID is updated to these values, writing only what differs; an update never changes the PIN (unless Options > Update POS PIN) nor the start date, and creates no Backoffice login.",
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	...createFields,
	withFieldsToClear(
		optionsCollection([
			dryRunOption,
			{
				displayName: 'Reactivate If Disabled',
				name: 'reactivate',
				type: 'boolean',
				default: false,
				description:
					'Whether to reactivate an employee with this POS user ID who is disabled (with the changes). Off: a disabled employee is updated and stays disabled, with a warning.',
			},
			{
				displayName: 'Update POS PIN',
				name: 'updatePosPin',
				type: 'boolean',
				default: false,
				description:
					'Whether an existing employee gets the POS PIN given under Additional Fields. Off: only a new employee gets it; an existing PIN is never touched.',
			},
		]),
	),
];

/** Version 2 only. */
export const description = operationProperties('employee', 'upsert', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// A field to clear is sent as '': an existing employee loses its value, a new one is created without it.
	const clears = await readFieldsToClear(options, this.getNodeParameter('additionalFields', i, {}) as IDataObject, 'Additional Fields');
	const input = await readCreateInput(this, client, i);
	const result = await client.upsertEmployee({
		...input,
		...clears,
		reactivate: options.reactivate === true,
		updatePosPin: options.updatePosPin === true,
		dryRun: readDryRun(options),
	});
	return outputItem(result, i);
}
