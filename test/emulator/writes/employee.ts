import { digits, parseUsDate, positiveInt } from '../form';
import { resolveSites } from '../sites';
import type { EmployeeRecord } from '../types';
import { bindWageRates, employeeNotFound, fail, ok, postedEmployee, type WriteContext, type WriteOutcome } from './common';

/** Flash texts for duplicates. ASSUMPTION (E.1): the real wording was never captured; these are the team's contract. */
export const DUPLICATE_MESSAGES = {
	posUserId: 'That POS user ID is already in use!',
	email: 'That email address is already in use.',
	phone: 'That phone number is already in use.',
	username: 'That username is already taken.',
} as const;

type ProfileFields = Pick<
	EmployeeRecord,
	'firstName' | 'lastName' | 'phone' | 'email' | 'departmentIds' | 'startDate' | 'posUserId' | 'pin' | 'emergencyContactName' | 'emergencyContactPhone' | 'adpEmployeeId' | 'siteIds'
>;

/**
 * Binds and validates the fields the create and edit forms share. Returns an error message naming the field (ASSUMPTION:
 * validation wording was never captured) or the bound values. Presence binding applies to every checkbox (A.0).
 */
function bindProfile(ctx: WriteContext, exceptEmployeeId?: number): ProfileFields | string {
	const f = ctx.form;
	const firstName = f.text('employee[firstName]');
	const lastName = f.text('employee[lastName]');
	if (!firstName || firstName.length > 50) return 'Please enter a valid First Name.';
	if (!lastName || lastName.length > 100) return 'Please enter a valid Last Name.';
	const phone = f.text('employee[phone]');
	if (phone.length > 20) return 'Please enter a valid Phone.';
	const email = f.text('employee[email]');
	if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return 'Please enter a valid Email.';
	const known = new Set(ctx.state.tenant.departments.map((d) => d.id));
	const posted = f.all('employee[departments][]');
	if (posted.length === 0) return 'An Employee must belong to at least one department.';
	// A choice field refuses values that are not among its options (Symfony ChoiceType). ASSUMPTION: wording.
	if (posted.some((v) => !/^\d+$/.test(v) || !known.has(Number(v)))) return 'Please select valid Departments.';
	const departmentIds = [...new Set(posted.map(Number))];
	// The start date is a JS-populated field; empty or missing makes the whole form invalid (protocol A.4, A.7).
	const startDate = f.text('employee[startDate]');
	if (!parseUsDate(startDate)) return 'Please enter a valid Start Date.';
	const posUserId = positiveInt(f.get('posCredential[POSLoginID]'));
	if (posUserId === null) return 'Please enter a valid POS User ID.';
	const pinN = positiveInt(f.get('posCredential[POSLoginPassword]'));
	if (pinN === null) return 'Please enter a valid POS User Pin.';
	if (ctx.state.posUserIdTaken(posUserId, exceptEmployeeId)) return DUPLICATE_MESSAGES.posUserId;
	if (email && ctx.state.emailTaken(email, { employeeId: exceptEmployeeId })) return DUPLICATE_MESSAGES.email;
	if (digits(phone) && ctx.state.phoneTaken(phone, exceptEmployeeId)) return DUPLICATE_MESSAGES.phone;
	return {
		firstName,
		lastName,
		phone,
		email,
		departmentIds,
		startDate,
		posUserId,
		pin: f.text('posCredential[POSLoginPassword]'),
		emergencyContactName: f.text('employee[emergencyContactName]'),
		emergencyContactPhone: f.text('employee[emergencyContactPhone]'),
		adpEmployeeId: f.text('employee[adpEmployeeId]'),
		siteIds: resolveSites(f, ctx.state, 'employee'),
	};
}

/**
 * `POST /employee/insert` (A.4): success 302 `/employee/permissions/<newId>` with the creation flash; failure
 * (ASSUMPTION E.1) 302 `/employee/create?actionXfer=…` with an error flash, nothing stored.
 */
export function employeeInsert(ctx: WriteContext): WriteOutcome {
	const f = ctx.form;
	const bound = bindProfile(ctx);
	if (typeof bound === 'string') return fail('/employee/create', bound);
	const rates = bindWageRates(f);
	if (typeof rates === 'string') return fail('/employee/create', rates);
	const wageSiteRaw = f.text('wage[siteId]');
	const wageSite = positiveInt(wageSiteRaw);
	if (wageSiteRaw && (wageSite === null || !ctx.state.siteById(wageSite))) return fail('/employee/create', 'Please select a valid Employee Labor Site.');
	const state = ctx.state;
	const e: EmployeeRecord = {
		id: state.nextEmployeeId++,
		credentialId: state.nextCredentialId++,
		...bound,
		isActive: true,
		posGrants: [],
		posOverrides: [],
		hasActionApprovalAuthority: false,
		wages: [
			{
				...rates,
				effectiveDate: bound.startDate,
				endDate: null,
				siteId: wageSite,
			},
		],
	};
	state.employees.push(e);
	return ok(`/employee/permissions/${e.id}`, `${e.firstName} ${e.lastName} has been created successfully! Please setup their POS permissions.`);
}

/**
 * `POST /employee/update` (A.7): full-form semantics. Anything missing (names, start date, POS fields, departments)
 * bounces to `/employee/edit/<id>?actionXfer=…` and changes nothing. Absent `employee[isActive]` = disabled.
 */
export function employeeUpdate(ctx: WriteContext): WriteOutcome {
	const e = postedEmployee(ctx, 'employee[id]');
	if (!e) return employeeNotFound();
	const bound = bindProfile(ctx, e.id);
	if (typeof bound === 'string') return fail(`/employee/edit/${e.id}`, bound);
	Object.assign(e, bound, { isActive: ctx.form.has('employee[isActive]') });
	// ASSUMPTION: the success flash of an edit was never captured.
	return ok('/employee', `${e.firstName} ${e.lastName} has been updated successfully!`);
}
