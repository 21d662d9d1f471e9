import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EmployeeInclude, SonnysBackofficeClientApi } from '../../../../src/models/api';
import { optionsCollection } from '../../helpers/concurrency';
import { operationProperties } from '../../helpers/displayOptions';
import { employeeLocator, readEmployeeRef } from '../../helpers/employeeLocator';
import { outputItem } from '../../helpers/parameters';

const properties: INodeProperties[] = [
	employeeLocator('The employee to read'),
	optionsCollection([
		{
			displayName: 'Include Permissions',
			name: 'includePermissions',
			type: 'boolean',
			default: true,
			description: 'Whether to read the POS permissions and name their template (one more page)',
		},
		{
			displayName: 'Include Wage History',
			name: 'includeWageHistory',
			type: 'boolean',
			default: true,
			description: 'Whether to read the current wage and the wage history (one more page)',
		},
	]),
];

export const description = operationProperties('employee', 'get', properties);

export async function execute(
	this: IExecuteFunctions,
	client: SonnysBackofficeClientApi,
	i: number,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as { includePermissions?: boolean; includeWageHistory?: boolean };
	const include: EmployeeInclude[] = [];
	if (options.includeWageHistory !== false) include.push('compensation');
	if (options.includePermissions !== false) include.push('permissions');
	return outputItem(await client.getEmployee({ ...readEmployeeRef(this, i), include }), i);
}
