/** Input items for Employee > Create node tests: a new hire per number, and the parameters that map them. */

/** Create Employee with every required field (and a few optional ones) driven by expressions over the input. */
export const createByExpression = {
	resource: 'employee',
	operation: 'create',
	firstName: '={{ $json.firstName }}',
	lastName: '={{ $json.lastName }}',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	posUserId: '={{ $json.posUserId }}',
	wageRate: '={{ $json.wageRate }}',
	startDate: '={{ $json.startDate }}',
	availableSites: '={{ $json.sites }}',
	permission: '={{ $json.permission }}',
	additionalFields: { departments: '={{ $json.departments }}' },
};

export function hire(n: number, overrides: Record<string, unknown> = {}) {
	return {
		firstName: `Node${n}`,
		lastName: 'Tester',
		email: `node.tester${n}@example.invalid`,
		phone: `(615) 555-${String(7000 + n).padStart(4, '0')}`,
		posUserId: 70000 + n,
		wageRate: '15.50',
		startDate: '2026-05-01',
		sites: ['WashU Fiesta', 'WashU Niles'],
		permission: 'General User',
		departments: 'Cashier, Line',
		...overrides,
	};
}
