import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { concurrencyOptions } from '../helpers/concurrency';
import * as backofficeUser from './backofficeUser/BackofficeUser.resource';
import * as department from './department/Department.resource';
import * as employee from './employee/Employee.resource';
import * as permissionTemplate from './permissionTemplate/PermissionTemplate.resource';
import * as site from './site/Site.resource';

/**
 * Every parameter of version 1: the resource selector, then each resource's operations and fields. The
 * top-level description (name, icon, credentials) stays in the node class, where n8n's lint rules read it.
 */
export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Backoffice User', value: 'backofficeUser', description: 'A login to the Backoffice web application' },
			{ name: 'Department', value: 'department', description: 'A department an employee works in, e.g. Cashier' },
			{ name: 'Employee', value: 'employee', description: 'A POS employee of the car wash' },
			{
				name: 'Permission Template',
				value: 'permissionTemplate',
				description: 'A named set of POS or Backoffice permissions',
			},
			{ name: 'Site', value: 'site', description: 'A car wash location, with its district and region' },
		],
		default: 'employee',
	},
	...employee.description,
	...backofficeUser.description,
	...site.description,
	...department.description,
	...permissionTemplate.description,
	...concurrencyOptions,
];

/** `{ "employee:create": "Create: Employee", ... }`: every operation's label with its resource's label. */
function operationLabels(properties: INodeProperties[]): Record<string, string> {
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	const labels: Record<string, string> = {};
	for (const selector of properties.filter((p) => p.name === 'operation')) {
		for (const resource of selector.displayOptions?.show?.resource ?? []) {
			const resourceLabel = resources.find((r) => r.value === resource)?.name ?? String(resource);
			for (const operation of (selector.options ?? []) as INodePropertyOptions[]) {
				labels[`${String(resource)}:${String(operation.value)}`] = `${operation.name}: ${resourceLabel}`;
			}
		}
	}
	return labels;
}

/**
 * The canvas subtitle, e.g. "Check Availability: Employee": the labels users picked rather than the internal
 * values ("checkAvailability: employee"); an unknown pair falls back to the values.
 */
export const subtitle = `={{ (${JSON.stringify(operationLabels(versionProperties))})[$parameter["resource"] + ":" + $parameter["operation"]] ?? ($parameter["operation"] + ": " + $parameter["resource"]) }}`;
