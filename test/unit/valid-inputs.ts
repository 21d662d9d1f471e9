/** Valid inputs that unit tests vary one field at a time (data only). */

/** A valid `createEmployee` input with the required fields only. */
export const VALID_HIRE = {
	firstName: 'Jane',
	lastName: 'Doe',
	phone: '6155550100',
	email: 'jane@example.invalid',
	posUserId: 77001,
	wageRate: '15.50',
	startDate: '2026-05-01',
	availableSites: ['Wash 37135'],
	permission: 'General User',
};

/** A valid standalone `createBackofficeUser` input. */
export const VALID_BO_USER = { username: 'jdoe', email: 'jd@example.invalid', permission: 'General User', firstName: 'J', lastName: 'D' };
