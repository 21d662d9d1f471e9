import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import {
	AmbiguousMatchError,
	BackofficeServerError,
	DuplicateError,
	NotFoundError,
	SonnysBackofficeError,
	ValidationError,
} from '../../../src/errors';
import { SECRET_FIELDS } from './values';

/** The editor's labels for the client's input fields, so that messages name what the user sees. */
const FIELD_LABELS: Record<string, string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	phone: 'Phone',
	email: 'Email',
	posUserId: 'POS User ID',
	wageRate: 'Wage Rate',
	startDate: 'Start Date',
	availableSites: 'Available Sites',
	permission: 'Permission Template',
	posPin: 'POS PIN',
	overtimeWageRate: 'Overtime Wage Rate',
	departments: 'Departments',
	adpEmployeeId: 'ADP Employee ID',
	emergencyContactName: 'Emergency Contact Name',
	emergencyContactPhone: 'Emergency Contact Phone',
	requiresBackoffice: 'Backoffice Username',
	backofficeUsername: 'Backoffice Username',
	backofficePassword: 'Backoffice Password',
	username: 'Username',
	password: 'Password',
	employee: 'Employee',
	changes: 'Update Fields',
	wageEffectiveDate: 'Wage Effective Date',
	fieldsToClear: 'Fields to Clear',
	linkToEmployeePosUserId: 'Employee POS User ID',
	linkToEmployeeEmail: 'Employee Email',
	subdomain: 'Subdomain',
	baseUrl: 'Base URL Override',
	// Sonny's Backoffice Trigger
	events: 'Trigger On',
	sites: 'Sites',
	accessLevels: 'Access Levels',
};

const REMOTE_HINTS: Partial<Record<string, string>> = {
	AUTHENTICATION_FAILED:
		'Backoffice refused the login. Check the username and password in the "Sonny\'s Backoffice API" credential. The login is not retried, so the account is not locked out.',
	TIMEOUT: 'Backoffice did not answer in time. Nothing that was not confirmed is replayed; check Backoffice before re-running.',
	CONNECTION_ERROR: 'Backoffice could not be reached. Check the subdomain or base URL override and the network.',
	OUTCOME_UNKNOWN:
		'The write may or may not have happened, and it was not replayed. Check the employee in Backoffice before running this item again.',
	VERIFICATION_FAILED: 'Backoffice accepted the change but reading it back shows it did not take effect.',
	UNEXPECTED_PAGE: 'Backoffice answered with a page this node does not recognise (a changed layout or a maintenance page).',
	REJECTED_BY_SERVER: 'Backoffice refused the form.',
};

/** `availableSites.0` -> `availableSites`: the parameter a nested path belongs to. */
export function rootField(field: string): string {
	// Update and Reactivate: the client names `changes.<field>`; the node's field is `<field>` (under Update Fields).
	return field.replace(/^changes\./, '').split('.')[0];
}

export function fieldLabel(field: string): string {
	const root = rootField(field);
	return FIELD_LABELS[root] ?? root;
}

function showValue(field: string, value: unknown): string | undefined {
	if (SECRET_FIELDS.has(rootField(field)) || value === undefined || value === '') return undefined;
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The stable code of any error (core codes; `UNKNOWN_ERROR` for anything else). */
export function errorCode(error: unknown): string {
	return error instanceof SonnysBackofficeError ? error.code : 'UNKNOWN_ERROR';
}

/** What the router knows about the failing item, so that an error can name the field and quote its value. */
export interface ItemFields {
	/** The item's value for a core input field name. */
	valueOf(field: string): unknown;
	/** The parameter whose value a lookup of `subject` (employee, site, permission) used, when there is one. */
	lookupField(subject: string, key?: string): string | undefined;
}

const NO_FIELDS: ItemFields = { valueOf: () => undefined, lookupField: () => undefined };

/** The input field an error is about, when there is one (for a failed lookup: the field that gave the key). */
export function errorField(error: unknown, fields: ItemFields = NO_FIELDS): string | null {
	if (error instanceof ValidationError || error instanceof DuplicateError) return error.field;
	if (error instanceof NotFoundError && error.key !== undefined) return fields.lookupField(error.subject, error.key) ?? null;
	return null;
}

/**
 * The one mapping from core errors to n8n errors. Bad input, duplicates and failed lookups become
 * `NodeOperationError` (the user fixes the item); authentication, server, timeout and connection failures become
 * `NodeApiError` (Backoffice or the network). Messages come from the core client, which never includes
 * passwords or cookies; values of secret fields are never repeated.
 *
 * `fields` gives the item's values and the field behind a lookup, to name them in the description.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	fields: ItemFields = NO_FIELDS,
): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;

	if (error instanceof ValidationError) {
		const label = fieldLabel(error.field);
		const shown = showValue(error.field, fields.valueOf(rootField(error.field)));
		return new NodeOperationError(node, `Invalid ${label}: ${error.reason}`, {
			itemIndex,
			description:
				`Field "${label}" (${error.field})` + (shown !== undefined ? ` has the value ${JSON.stringify(shown)}` : '') + `: ${error.reason}.`,
		});
	}
	if (error instanceof DuplicateError) {
		const label = fieldLabel(error.field);
		const holder = error.holder;
		const id = error.existingEmployeeId;
		const owner = id === undefined ? 'another record' : error.existingEmployeeName ? `${holder} (employee ${id})` : holder;
		return new NodeOperationError(node, `${label} ${error.value} is already used by ${holder}; choose another`, {
			itemIndex,
			description:
				`Field "${label}" (${error.field}) has the value ${JSON.stringify(error.value)}, which must be unique on the tenant and already belongs to ` +
				`${owner}. Nothing was created for this item.` +
				(error.field === 'posUserId' ? ' Disabled employees keep their POS user ID reserved.' : ''),
		});
	}
	if (error instanceof NotFoundError) {
		const field = errorField(error, fields);
		const key = error.key !== undefined ? JSON.stringify(error.key) : undefined;
		const where =
			field !== null && key !== undefined
				? `Field "${fieldLabel(field)}" (${field}) has the value ${key}, and no ${error.subject} matches it in Backoffice.`
				: `No ${error.subject}${key !== undefined ? ` (${key})` : ''} matches this item's input in Backoffice.`;
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: `${where} Check the spelling (names match exactly as Backoffice shows them). Nothing was changed for this item.`,
		});
	}
	if (error instanceof AmbiguousMatchError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: 'More than one record matches; use a unique key such as the POS user ID.',
		});
	}
	if (error instanceof SonnysBackofficeError) {
		const status = error instanceof BackofficeServerError ? error.status : undefined;
		const hint = REMOTE_HINTS[error.code];
		const response: JsonObject = { message: error.message, code: error.code };
		return new NodeApiError(node, response, {
			itemIndex,
			message: error.message,
			description: hint,
			...(status !== undefined ? { httpCode: String(status) } : {}),
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, `Unexpected error: ${message}`, { itemIndex });
}

/**
 * The JSON of a failed item under "On Error: Continue": `{ error, code, field }` on the regular output. n8n moves
 * an item to the error output only when its JSON holds nothing but `error`, `message` and `details`, so there the
 * same facts travel as `{ error, details: { code, field } }`.
 */
export function failedItem(
	nodeError: Error,
	original: unknown,
	errorOutput: boolean,
	fields: ItemFields = NO_FIELDS,
): JsonObject {
	const code = errorCode(original);
	const field = errorField(original, fields);
	return errorOutput ? { error: nodeError.message, details: { code, field } } : { error: nodeError.message, code, field };
}
