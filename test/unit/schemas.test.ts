import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import {
	validateAvailabilityEmail,
	validateAvailabilityPhone,
	validateAvailabilityPosUserId,
	validateClientOptions,
	validateCreateBackofficeUser,
	validateCreateEmployee,
	validateDisableEmployee,
	validateListPermissions,
} from '../../src/models/schemas';

function failure(fn: () => unknown): ValidationError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return e as ValidationError;
	}
	throw new Error('expected a ValidationError');
}

const employee = {
	firstName: 'Jane',
	lastName: 'Doe',
	phone: '6155551234',
	email: 'jane.doe@example.com',
	posUserId: 12345,
	wageRate: '15.50',
	startDate: '2026-05-01',
	availableSites: ['Wash 37135'],
	permission: 'General User',
};

describe('validateCreateEmployee (B.4, B.9)', () => {
	const expectFail = (patch: Record<string, unknown>, field: string, reason: string | RegExp) => {
		const error = failure(() => validateCreateEmployee({ ...employee, ...patch }));
		expect(error.field).toBe(field);
		if (typeof reason === 'string') expect(error.reason).toBe(reason);
		else expect(error.reason).toMatch(reason);
		expect(error.message).toBe(`${error.field}: ${error.reason}`);
	};

	it('normalises a valid input', () => {
		const v = validateCreateEmployee({ ...employee, firstName: '  Zoë ', lastName: ' Łukasz-Öz ', phone: '(615) 555-1234', email: '  Jane.Doe@Example.com ' });
		expect(v).toMatchObject({
			firstName: 'Zoë',
			lastName: 'Łukasz-Öz',
			phone: '6155551234',
			email: 'Jane.Doe@Example.com',
			posUserId: 12345,
			startDate: '05/01/2026',
			availableSites: ['Wash 37135'],
			permission: 'General User',
			departments: ['Greeter'],
			requiresBackoffice: false,
		});
		expect(v.wageRate.toFixed(2)).toBe('15.50');
		expect(v.overtimeWageRate.toFixed(2)).toBe('23.25');
		expect(v.posPin).toBeUndefined();
		expect('backofficeUsername' in v).toBe(false);
	});

	it('names: trimmed, required, Unicode kept, max length', () => {
		expectFail({ firstName: '   ' }, 'firstName', 'must not be empty');
		expectFail({ lastName: '' }, 'lastName', 'must not be empty');
		expectFail({ firstName: 'x'.repeat(51) }, 'firstName', 'must be at most 50 characters');
		expectFail({ firstName: undefined }, 'firstName', 'is required');
		expectFail({ firstName: 5 }, 'firstName', 'must be a string');
	});

	it('phone: 9 or 10 digits after symbols are stripped', () => {
		expect(validateCreateEmployee({ ...employee, phone: '615-555-123' }).phone).toBe('615555123');
		expectFail({ phone: '615-555-12' }, 'phone', 'must be 9 or 10 digits after symbols are stripped');
		expectFail({ phone: '1-615-555-1234' }, 'phone', 'must be 9 or 10 digits after symbols are stripped');
		expectFail({ phone: '615 555 1234 x12' }, 'phone', 'must be 9 or 10 digits after symbols are stripped');
		expectFail({ emergencyContactPhone: '12' }, 'emergencyContactPhone', 'must be 9 or 10 digits after symbols are stripped');
	});

	it('e-mail: must contain a valid @domain.tld', () => {
		for (const ok of ['a@gmail.com', 'b@icloud.com', 'first.last@corp.example.co.uk']) expect(validateCreateEmployee({ ...employee, email: ok }).email).toBe(ok);
		for (const bad of ['plain', 'a@b', 'a b@c.de', '@c.de', 'a@@c.de', '']) expectFail({ email: bad }, 'email', 'must contain a valid @domain.tld');
	});

	it('posUserId: a positive whole number', () => {
		expectFail({ posUserId: '12345' }, 'posUserId', 'must be a number');
		expectFail({ posUserId: 1.5 }, 'posUserId', 'must be a whole number');
		expectFail({ posUserId: 0 }, 'posUserId', 'must be greater than 0');
		expectFail({ posUserId: Number.NaN }, 'posUserId', 'must be a finite number');
		expectFail({ posUserId: undefined }, 'posUserId', 'is required');
	});

	it('posPin: absent/null or an integer 10000-99999 (not a boolean)', () => {
		expect(validateCreateEmployee({ ...employee, posPin: 54321 }).posPin).toBe(54321);
		expect(validateCreateEmployee({ ...employee, posPin: null }).posPin).toBeUndefined();
		expectFail({ posPin: 123 }, 'posPin', 'must be a 5-digit number between 10000 and 99999');
		expectFail({ posPin: 123456 }, 'posPin', 'must be a 5-digit number between 10000 and 99999');
		expectFail({ posPin: true }, 'posPin', 'must be a number');
		expectFail({ posPin: 12345.5 }, 'posPin', 'must be a whole number');
	});

	it('wages: Decimal, 2 decimals at most, overtime default 1.5x rounded half up, explicit kept', () => {
		expect(validateCreateEmployee({ ...employee, wageRate: 10 }).overtimeWageRate.toFixed(2)).toBe('15.00');
		expect(validateCreateEmployee({ ...employee, wageRate: '17.25' }).overtimeWageRate.toFixed(2)).toBe('25.88');
		expect(validateCreateEmployee({ ...employee, wageRate: '0.01' }).overtimeWageRate.toFixed(2)).toBe('0.02');
		const explicit = validateCreateEmployee({ ...employee, wageRate: new Decimal('15.50'), overtimeWageRate: 20 });
		expect(explicit.overtimeWageRate.equals(new Decimal(20))).toBe(true);
		expectFail({ wageRate: '15.505' }, 'wageRate', /at most 2 decimal places/);
		expectFail({ wageRate: -1 }, 'wageRate', 'must be 0 or more');
		expectFail({ wageRate: '$15' }, 'wageRate', /decimal amount/);
		expectFail({ wageRate: undefined }, 'wageRate', 'is required');
		expectFail({ wageRate: true }, 'wageRate', /must be a number/);
		expectFail({ wageRate: '999999999.99' }, 'wageRate', /default overtime rate/);
		expectFail({ overtimeWageRate: '1.234' }, 'overtimeWageRate', /at most 2 decimal places/);
		expectFail({ overtimeWageRate: {} }, 'overtimeWageRate', /must be a number/);
	});

	it('startDate: ISO date or timestamp or Date; real dates only', () => {
		expect(validateCreateEmployee({ ...employee, startDate: new Date(2026, 4, 1) }).startDate).toBe('05/01/2026');
		expect(validateCreateEmployee({ ...employee, startDate: '2026-05-01T23:30:00-05:00' }).startDate).toBe('05/01/2026');
		expectFail({ startDate: '2026-02-30' }, 'startDate', 'is not a real calendar date');
		expectFail({ startDate: '05/01/2026' }, 'startDate', /YYYY-MM-DD/);
		expectFail({ startDate: 20260501 }, 'startDate', /must be a date/);
	});

	it('availableSites: all or a non-empty list of names', () => {
		expect(validateCreateEmployee({ ...employee, availableSites: 'all' }).availableSites).toBe('all');
		expect(validateCreateEmployee({ ...employee, availableSites: [' A ', 'A', 'B'] }).availableSites).toEqual(['A', 'B']);
		expectFail({ availableSites: [] }, 'availableSites', "must contain at least one site name (or be 'all')");
		expectFail({ availableSites: 'All sites' }, 'availableSites', "must be 'all' or a list of site names");
		expectFail({ availableSites: ['ok', ''] }, 'availableSites', 'item 1 must be a non-empty site name');
	});

	it('permission is required', () => {
		expectFail({ permission: undefined }, 'permission', 'is required');
		expectFail({ permission: ' ' }, 'permission', 'must not be empty');
	});

	it('departments: default Greeter, Greeter appended once, order kept', () => {
		expect(validateCreateEmployee({ ...employee, departments: [] }).departments).toEqual(['Greeter']);
		expect(validateCreateEmployee({ ...employee, departments: ['Line', 'Cashier', 'Line'] }).departments).toEqual(['Line', 'Cashier', 'Greeter']);
		expect(validateCreateEmployee({ ...employee, departments: ['Greeter', 'Line'] }).departments).toEqual(['Greeter', 'Line']);
		expectFail({ departments: 'Line' }, 'departments', 'must be a list');
		expectFail({ departments: ['Line', ''] }, 'departments.1', 'must not be empty');
	});

	it('optional texts: blank means absent, max lengths', () => {
		const v = validateCreateEmployee({ ...employee, adpEmployeeId: '  ', emergencyContactName: null, emergencyContactPhone: '' });
		expect('adpEmployeeId' in v || 'emergencyContactName' in v || 'emergencyContactPhone' in v).toBe(false);
		expect(validateCreateEmployee({ ...employee, adpEmployeeId: ' A1 ' }).adpEmployeeId).toBe('A1');
		expectFail({ adpEmployeeId: 'x'.repeat(33) }, 'adpEmployeeId', 'must be at most 32 characters');
	});

	it('requiresBackoffice needs a valid backofficeUsername; the password is never echoed', () => {
		expectFail({ requiresBackoffice: true }, 'backofficeUsername', 'is required when requiresBackoffice is true');
		expectFail({ requiresBackoffice: true, backofficeUsername: '1abc' }, 'backofficeUsername', /must start with a letter/);
		const error = failure(() => validateCreateEmployee({ ...employee, requiresBackoffice: true, backofficeUsername: 'janedoe', backofficePassword: '' }));
		expect(error.field).toBe('backofficePassword');
		const secret = 'hunter2-SECRET';
		const e2 = failure(() => validateCreateEmployee({ ...employee, backofficePassword: secret, phone: 'x' }));
		expect(e2.message).not.toContain(secret);
		const v = validateCreateEmployee({ ...employee, requiresBackoffice: true, backofficeUsername: 'janedoe', backofficePassword: secret });
		expect(v).toMatchObject({ requiresBackoffice: true, backofficeUsername: 'janedoe', backofficePassword: secret });
	});

	it('unknown keys are refused first, with a hint for a misspelt field', () => {
		expectFail({ firstname: 'x', firstName: undefined }, 'firstname', 'is not a supported field (did you mean firstName?)');
		expectFail({ foo: 1 }, 'foo', 'is not a supported field');
	});

	it('the input must be an object', () => {
		for (const bad of [null, 'x', 1, []]) expect(failure(() => validateCreateEmployee(bad)).field).toBe('input');
	});

	it('reports the first problem in field order', () => {
		expect(failure(() => validateCreateEmployee({ ...employee, firstName: '', email: 'bad' })).field).toBe('firstName');
	});
});

describe('validateDisableEmployee', () => {
	it('exactly one of posUserId, email or employeeId', () => {
		expect(validateDisableEmployee({ posUserId: 99003 })).toEqual({ posUserId: 99003, dryRun: false });
		expect(validateDisableEmployee({ email: ' A@B.co ' })).toEqual({ email: 'A@B.co', dryRun: false });
		expect(validateDisableEmployee({ posUserId: null, email: 'a@b.co' })).toEqual({ email: 'a@b.co', dryRun: false });
		expect(validateDisableEmployee({ employeeId: 100, dryRun: true })).toEqual({ employeeId: 100, dryRun: true });
		expect(failure(() => validateDisableEmployee({})).reason).toBe('exactly one of posUserId, email or employeeId is required (got none)');
		expect(failure(() => validateDisableEmployee({ posUserId: 1, email: 'a@b.co' })).reason).toBe(
			'exactly one of posUserId, email or employeeId is required (got posUserId and email)',
		);
		expect(failure(() => validateDisableEmployee({ email: 'nope' }))).toMatchObject({ field: 'email', reason: 'must contain a valid @domain.tld' });
		expect(failure(() => validateDisableEmployee({ posUserId: -3 })).field).toBe('posUserId');
		expect(failure(() => validateDisableEmployee({ pos_user_id: 3 })).field).toBe('pos_user_id');
	});
});

describe('validateCreateBackofficeUser', () => {
	const base = { username: 'janedoe', email: 'jane@example.com', permission: 'General User' };
	it('linked by POS id or e-mail; standalone with both names; default sites all', () => {
		expect(validateCreateBackofficeUser({ ...base, linkToEmployeePosUserId: 99004 })).toEqual({ ...base, mode: 'linked', linkToEmployeePosUserId: 99004, availableSites: 'all' });
		expect(validateCreateBackofficeUser({ ...base, linkToEmployeeEmail: 'x@y.zz' })).toMatchObject({ mode: 'linked', linkToEmployeeEmail: 'x@y.zz' });
		expect(validateCreateBackofficeUser({ ...base, firstName: 'Jane', lastName: 'Doe', password: 'pw', availableSites: ['A'] })).toEqual({
			...base,
			mode: 'standalone',
			firstName: 'Jane',
			lastName: 'Doe',
			password: 'pw',
			availableSites: ['A'],
		});
	});
	it('refuses mixed, missing or half modes', () => {
		expect(failure(() => validateCreateBackofficeUser({ ...base, linkToEmployeePosUserId: 1, firstName: 'A', lastName: 'B' })).reason).toMatch(/either .* not both/);
		expect(failure(() => validateCreateBackofficeUser({ ...base, linkToEmployeePosUserId: 1, linkToEmployeeEmail: 'a@b.co' })).reason).toMatch(/only one of/);
		expect(failure(() => validateCreateBackofficeUser(base)).reason).toBe('provide linkToEmployeePosUserId / linkToEmployeeEmail or firstName+lastName');
		expect(failure(() => validateCreateBackofficeUser({ ...base, firstName: 'A' }))).toMatchObject({ field: 'lastName' });
		expect(failure(() => validateCreateBackofficeUser({ ...base, lastName: 'B' }))).toMatchObject({ field: 'firstName' });
	});
	it('username rule, e-mail rule, permission required', () => {
		for (const bad of ['1abc', 'ab', 'a-b-c', 'a'.repeat(65), 'has space']) {
			expect(failure(() => validateCreateBackofficeUser({ ...base, username: bad, linkToEmployeePosUserId: 1 }))).toMatchObject({
				field: 'username',
				reason: 'must start with a letter and contain 3-64 letters, digits or underscores',
			});
		}
		expect(validateCreateBackofficeUser({ ...base, username: 'abc', linkToEmployeePosUserId: 1 }).username).toBe('abc');
		expect(failure(() => validateCreateBackofficeUser({ ...base, email: 'x', linkToEmployeePosUserId: 1 })).field).toBe('email');
		expect(failure(() => validateCreateBackofficeUser({ ...base, permission: undefined, linkToEmployeePosUserId: 1 })).field).toBe('permission');
		expect(failure(() => validateCreateBackofficeUser({ ...base, linkToEmployeeEmail: 'bad', })).field).toBe('linkToEmployeeEmail');
	});
});

describe('validateClientOptions', () => {
	const base = { subdomain: 'washu', username: 'bot', password: 's3cret' };
	it('applies defaults and builds the production base URL (never contacted by tests)', () => {
		expect(validateClientOptions(base)).toEqual({
			subdomain: 'washu',
			username: 'bot',
			password: 's3cret',
			baseUrl: 'https://washu.sonnyscontrols.com',
			timeoutMs: 30000,
			onUnknownPermission: 'fallback',
			maxRetries: 3,
			maxResponseBytes: 20 * 1024 * 1024,
			maxSessions: 1,
		});
		expect(validateClientOptions({ ...base, subdomain: ' WashU ' }).subdomain).toBe('washu');
	});
	it('subdomain must be a plain DNS label', () => {
		for (const bad of ['washu.sonnyscontrols.com', 'https://washu', '-x', 'x-', 'a_b', '', 'a'.repeat(64)]) {
			expect(failure(() => validateClientOptions({ ...base, subdomain: bad })).field).toBe('subdomain');
		}
	});
	it('baseUrl: https unless loopback; no credentials, query or fragment', () => {
		for (const ok of ['http://127.0.0.1:8080', 'http://127.1.2.3', 'http://localhost:3000/', 'http://[::1]:9000', 'https://proxy.example.com/bo/']) {
			expect(validateClientOptions({ ...base, baseUrl: ok }).baseUrl).toBe(ok.replace(/\/$/, ''));
		}
		expect(failure(() => validateClientOptions({ ...base, baseUrl: 'http://example.com' })).reason).toMatch(/https unless the host is loopback/);
		expect(failure(() => validateClientOptions({ ...base, baseUrl: 'http://128.0.0.1' })).field).toBe('baseUrl');
		expect(failure(() => validateClientOptions({ ...base, baseUrl: 'ftp://x' })).field).toBe('baseUrl');
		expect(failure(() => validateClientOptions({ ...base, baseUrl: 'not a url' })).field).toBe('baseUrl');
		expect(failure(() => validateClientOptions({ ...base, baseUrl: 'https://u:p@x.com' })).reason).toBe('must not contain credentials');
		expect(failure(() => validateClientOptions({ ...base, baseUrl: 'https://x.com/?a=1' })).field).toBe('baseUrl');
	});
	it('numbers and enums', () => {
		expect(failure(() => validateClientOptions({ ...base, timeoutMs: 0 })).field).toBe('timeoutMs');
		expect(failure(() => validateClientOptions({ ...base, timeoutMs: -5 })).reason).toBe('must be greater than 0');
		expect(validateClientOptions({ ...base, timeoutMs: 1500, maxRetries: 0, onUnknownPermission: 'error' })).toMatchObject({ timeoutMs: 1500, maxRetries: 0, onUnknownPermission: 'error' });
		expect(failure(() => validateClientOptions({ ...base, onUnknownPermission: 'ignore' })).reason).toBe('must be one of: fallback, error');
		expect(failure(() => validateClientOptions({ ...base, maxRetries: 2.5 })).field).toBe('maxRetries');
		expect(failure(() => validateClientOptions({ ...base, userAgent: 'a\r\nX-Evil: 1' })).reason).toBe('must not contain line breaks');
	});
	it('never echoes the password', () => {
		const error = failure(() => validateClientOptions({ ...base, password: '', subdomain: 'washu' }));
		expect(error.field).toBe('password');
		const e2 = failure(() => validateClientOptions({ ...base, password: 'TopSecret!', subdomain: 'bad.domain' }));
		expect(e2.message).not.toContain('TopSecret');
		expect(failure(() => validateClientOptions({ username: 'bot', password: 'x' })).field).toBe('subdomain');
	});
});

describe('availability and listPermissions inputs', () => {
	it('validate and normalise for comparison', () => {
		expect(validateAvailabilityPosUserId({ posUserId: 12345 })).toEqual({ posUserId: 12345 });
		expect(failure(() => validateAvailabilityPosUserId({ posUserId: '1' })).field).toBe('posUserId');
		expect(validateAvailabilityEmail({ email: ' Jane@Example.COM ' })).toEqual({ email: 'jane@example.com', refresh: false });
		expect(failure(() => validateAvailabilityEmail({ email: 'x' })).reason).toBe('must contain a valid @domain.tld');
		expect(validateAvailabilityPhone({ phone: '(615) 555-1234', refresh: true })).toEqual({ phone: '6155551234', refresh: true });
		// Issue 9.6: the same rule as createEmployee's phone.
		expect(failure(() => validateAvailabilityPhone({ phone: '--' })).reason).toBe('must be 9 or 10 digits after symbols are stripped');
		expect(validateListPermissions({ scope: 'pos' })).toEqual({ scope: 'pos', refresh: false });
		expect(failure(() => validateListPermissions({ scope: 'admin' })).reason).toBe('must be one of: pos, backoffice');
		expect(failure(() => validateListPermissions({})).reason).toBe('is required');
	});
});
