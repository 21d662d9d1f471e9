import type { INodeProperties } from 'n8n-workflow';

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
];
