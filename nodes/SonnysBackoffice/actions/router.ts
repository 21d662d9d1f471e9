import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AuthenticationError, ValidationError } from '../../../src/errors';
import type { SonnysBackofficeClientApi } from '../../../src/models/api';
import { CREDENTIAL_TYPE, createClient } from '../helpers/client';
import { readConcurrency } from '../helpers/concurrency';
import { EMPLOYEE_LOCATOR } from '../helpers/employeeLocator';
import { failedItem, toNodeError, type ItemFields } from '../helpers/errors';
import { runItemPool } from '../helpers/item-pool';
import * as backofficeUser from './backofficeUser/BackofficeUser.resource';
import * as department from './department/Department.resource';
import * as employee from './employee/Employee.resource';
import type { OperationExecute, SonnysBackofficeType } from './node.type';
import * as permissionTemplate from './permissionTemplate/PermissionTemplate.resource';
import * as site from './site/Site.resource';

const operations: Record<string, Record<string, OperationExecute | undefined> | undefined> = {
	employee: {
		create: employee.create.execute,
		disable: employee.disable.execute,
		checkAvailability: employee.checkAvailability.execute,
		get: employee.get.execute,
		getAll: employee.getAll.execute,
		update: employee.update.execute,
		reactivate: employee.reactivate.execute,
		upsert: employee.upsert.execute,
	},
	backofficeUser: {
		create: backofficeUser.create.execute,
		get: backofficeUser.get.execute,
		getAll: backofficeUser.getAll.execute,
		updateAccess: backofficeUser.updateAccess.execute,
	},
	site: { getAll: site.getAll.execute },
	department: { getAll: department.getAll.execute },
	permissionTemplate: { getAll: permissionTemplate.getAll.execute },
} satisfies { [R in SonnysBackofficeType['resource']]: Record<string, OperationExecute> };

/** A parameter's value (a resource locator's value), or `undefined` when it is not shown for this operation. */
function parameter(fns: IExecuteFunctions, itemIndex: number, path: string): unknown {
	try {
		return fns.getNodeParameter(path, itemIndex, undefined, { extractValue: true });
	} catch {
		return undefined;
	}
}

/** The failing item's fields, as error messages name them. */
function itemFields(fns: IExecuteFunctions, itemIndex: number): ItemFields {
	return {
		// Where a core input field lives among the node's parameters: top level, else in "Additional Fields".
		// Update and Reactivate: the client names `changes.<field>`, the node's "Update Fields" hold it.
		valueOf: (field) =>
			parameter(fns, itemIndex, field) ??
			parameter(fns, itemIndex, `additionalFields.${field}`) ??
			parameter(fns, itemIndex, `updateFields.${field.replace(/^changes\./, '')}`),
		lookupField: (subject, key) => {
			if (subject === 'permission') {
				// Employee > Create names two templates: the POS one, and the Backoffice one of its linked login.
				const bo = parameter(fns, itemIndex, 'additionalFields.backofficePermission');
				return key !== undefined && bo === key && parameter(fns, itemIndex, 'permission') !== key ? 'backofficePermission' : 'permission';
			}
			const findBy = parameter(fns, itemIndex, 'findBy') as string | undefined;
			if (subject === 'backofficeUser') return findBy;
			if (subject === 'site') return 'availableSites';
			if (subject !== 'employee') return undefined;
			// Version 2: the Employee locator.
			if (parameter(fns, itemIndex, EMPLOYEE_LOCATOR) !== undefined) return EMPLOYEE_LOCATOR;
			// Backoffice User > Create links by "Link To"; Employee > Disable (version 1) finds by "Look Up By".
			const linkTo = parameter(fns, itemIndex, 'linkTo');
			if (linkTo === 'posUserId') return 'linkToEmployeePosUserId';
			if (linkTo === 'email') return 'linkToEmployeeEmail';
			const lookupBy = parameter(fns, itemIndex, 'lookupBy');
			return lookupBy === 'posUserId' || lookupBy === 'email' ? lookupBy : undefined;
		},
	};
}

/**
 * The only dispatcher. One client per execution, shared by every item so that its caches (sites, templates,
 * employee index) and its sessions serve the whole batch; closed when the batch ends. Items run through a pool of
 * "Concurrency" workers, each call on its own Backoffice session; the output keeps the input order, and an error
 * without "Continue" stops the batch at the first failing item as a sequential run would (items already running
 * finish first).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as SonnysBackofficeType['resource'];
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw toNodeError(this.getNode(), new ValidationError('operation', `"${resource}: ${operation}" is not supported`), 0);
	}

	let concurrency: number;
	try {
		concurrency = readConcurrency(this);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	const errorOutput = this.getNode().onError === 'continueErrorOutput';
	// One client for the batch, made when the first item needs it. An unusable credential (empty field, plain http
	// to a remote host) fails every item alike.
	let client: Promise<SonnysBackofficeClientApi> | undefined;
	const clientFor = (i: number) =>
		(client ??= this.getCredentials(CREDENTIAL_TYPE, i).then((credentials) => createClient(credentials, { maxSessions: concurrency })));
	// After a refused login every further item would try the same password again; a bot account must not be
	// locked out, so the first such error is reused for the remaining items without another request.
	let fatal: unknown;
	const runItem = async (i: number): Promise<INodeExecutionData[]> => {
		try {
			if (fatal !== undefined) throw fatal;
			return await execute.call(this, await clientFor(i), i);
		} catch (error) {
			if (error instanceof AuthenticationError) fatal ??= error;
			const fields = itemFields(this, i);
			const nodeError = toNodeError(this.getNode(), error, i, fields);
			if (!this.continueOnFail()) throw nodeError;
			return [{ json: failedItem(nodeError, error, errorOutput, fields), pairedItem: { item: i } }];
		}
	};
	try {
		return [(await runItemPool(items.length, concurrency, runItem)).flat()];
	} finally {
		await client?.then((c) => c.close()).catch(() => undefined);
	}
}
