import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ValidationError } from '../../../src/errors';
import type { EmployeeRef } from '../../../src/models/api';
import { readInteger, readText } from './values';

/**
 * The Employee resource locator of every operation that acts on one employee (version 2 on): the property builder
 * and the value -> EmployeeRef function. Modes: From List (listSearch `searchEmployees`, the value is the internal
 * employee id, so no lookup request is needed), By POS User ID, By E-mail.
 */

/**
 * The client's e-mail rule (`EMAIL_PATTERN` in src/models/validation.ts, protocol B.9), as text for the editor's
 * mode validation. A copy, because node files must not load src/ at n8n's start (helpers/client.ts);
 * test/node/employee-read.test.ts checks that both stay equal.
 */
export const EMAIL_REGEX = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

/** The parameter's name. */
export const EMPLOYEE_LOCATOR = 'employee';

/** The list search method behind "From List" (`methods/listSearch.ts`). */
export const EMPLOYEE_SEARCH_METHOD = 'searchEmployees';

/** The Employee resource locator, described for the operation it serves ("the employee to disable"). */
export function employeeLocator(description: string): INodeProperties {
	return {
		displayName: 'Employee',
		name: EMPLOYEE_LOCATOR,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an employee...',
				typeOptions: { searchListMethod: EMPLOYEE_SEARCH_METHOD, searchable: true },
			},
			{
				displayName: 'By POS User ID',
				name: 'posUserId',
				type: 'string',
				placeholder: 'e.g. 1001',
				hint: 'The number the employee logs in with at the POS',
				validation: [{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Not a valid POS user ID (digits only)' } }],
			},
			{
				displayName: 'By E-Mail',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				hint: 'Backoffice finds inactive employees by POS user ID only',
				validation: [{ type: 'regex', properties: { regex: EMAIL_REGEX, errorMessage: 'Not a valid e-mail address' } }],
			},
		],
	};
}

function isLocator(value: unknown): value is INodeParameterResourceLocator {
	return typeof value === 'object' && value !== null && 'mode' in value && 'value' in value;
}

/**
 * The EmployeeRef a locator value stands for. A plain value (an expression that yields a number or text instead of
 * a locator) is read as a POS user ID when it is digits and as an e-mail when it has an @.
 */
export function employeeRefFromLocator(value: unknown): EmployeeRef {
	const mode = isLocator(value) ? value.mode : undefined;
	const raw = isLocator(value) ? value.value : value;
	if (mode === 'list') return { employeeId: readInteger(raw, EMPLOYEE_LOCATOR, true)! };
	if (mode === 'posUserId') return { posUserId: readInteger(raw, EMPLOYEE_LOCATOR, true)! };
	const text = readText(raw, EMPLOYEE_LOCATOR, true)!;
	if (mode === 'email' || text.includes('@')) {
		if (!new RegExp(EMAIL_REGEX).test(text)) throw new ValidationError(EMPLOYEE_LOCATOR, 'must be a valid e-mail address (name@domain.tld)');
		return { email: text };
	}
	return { posUserId: readInteger(text, EMPLOYEE_LOCATOR, true)! };
}

/** The item's Employee locator as an EmployeeRef. */
export function readEmployeeRef(fns: IExecuteFunctions, itemIndex: number): EmployeeRef {
	return employeeRefFromLocator(fns.getNodeParameter(EMPLOYEE_LOCATOR, itemIndex, undefined, { extractValue: false }));
}
