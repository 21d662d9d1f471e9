/** `POST /employee/insert` body (protocol A.4). Pure. */
import { NotFoundError, ValidationError } from '../errors';
import type { Pairs } from '../html/form';
import { formatMoney } from '../models/money';
import type { ValidatedCreateEmployee } from '../models/schemas';
import type { SiteTree } from '../pages/site-tree';
import { encodeSiteAvailability } from './site-availability';

/** What the insert body needs beyond the validated input. */
export interface EmployeeInsertContext {
	tree: SiteTree;
	/** Department ids resolved from the create page (Greeter included). */
	departmentIds: number[];
	/** Wage attribution site: the first requested site, or the first site of the tree for `'all'` (B.4). */
	wageSiteId: number;
	granted: number[] | 'all';
	posPin: number;
}

/**
 * The step-1 create body in the field order of A.4 (the order of the captured, server-accepted creates
 * of employees 485-487): names, phone digits, e-mail, start date, POS id and PIN, hourly wage block, optional
 * ADP id / emergency contact (only when given), departments, then the site fields of A.3.2.
 *
 * Wage decision (A.4, E.11): we send `wage[isOvertimeEligible]=1`, `wage[overtimeRate]` and `wage[siteId]`
 * as every captured successful create did. A browser leaves the overtime rate and wage site disabled
 * until toggled, but the live server accepted and stored these values, the API promises an overtime rate
 * (default 1.5x) and a wage site in the result, and an unverified "browser-minimal" body would be a guess.
 */
export function buildEmployeeInsertPairs(input: ValidatedCreateEmployee, ctx: EmployeeInsertContext): Pairs {
	// The departments select is `required`: a body without one would be refused after the fact.
	if (ctx.departmentIds.length === 0) throw new ValidationError('departments', 'none of the requested departments exists on this tenant');
	if (!ctx.tree.sites.some((s) => s.id === ctx.wageSiteId)) {
		throw new NotFoundError('site', `wage site id ${ctx.wageSiteId} is not on this tenant`, String(ctx.wageSiteId));
	}
	const pairs: Pairs = [
		['employee[firstName]', input.firstName],
		['employee[lastName]', input.lastName],
		['employee[phone]', input.phone],
		['employee[email]', input.email],
		['employee[startDate]', input.startDate],
		['posCredential[POSLoginID]', String(input.posUserId)],
		['posCredential[POSLoginPassword]', String(ctx.posPin)],
		['wage[isHourly]', '1'],
		['wage[regularRate]', formatMoney(input.wageRate)],
		['wage[overtimeRate]', formatMoney(input.overtimeWageRate)],
		['wage[isOvertimeEligible]', '1'],
		['wage[siteId]', String(ctx.wageSiteId)],
	];
	if (input.adpEmployeeId !== undefined) pairs.push(['employee[adpEmployeeId]', input.adpEmployeeId]);
	if (input.emergencyContactName !== undefined) pairs.push(['employee[emergencyContactName]', input.emergencyContactName]);
	if (input.emergencyContactPhone !== undefined) pairs.push(['employee[emergencyContactPhone]', input.emergencyContactPhone]);
	const departments = [...new Set(ctx.departmentIds)];
	for (const id of departments) pairs.push(['employee[departments][]', String(id)]);
	pairs.push(...encodeSiteAvailability(ctx.tree, ctx.granted));
	return pairs;
}
