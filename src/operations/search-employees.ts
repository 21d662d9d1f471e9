/** searchEmployees and findEmployee: the roster with the server's own filters (protocol A.2, B.7). One GET each. */
import { AmbiguousMatchError, NotFoundError } from '../errors';
import type { EmployeeSummary, FindEmployeeInput, SearchEmployeesInput } from '../models/employee';
import { validateFindEmployee, validateSearchEmployees, type ValidatedSearchEmployees } from '../models/employee-read-schema';
import { buildRosterPath, parseRoster, type RosterRow } from '../pages/employee-list';
import type { OperationContext } from './context';

/**
 * One roster GET with the server's filters: first/last name prefixes (case-insensitive), exact POS user ID,
 * status (`active` by default, as the server's), limit. The rows are checked against the same filters, so a
 * tenant that ignored one cannot widen the result. Employees without any site are not on the roster (A.2).
 */
export async function searchEmployees(ctx: OperationContext, input: SearchEmployeesInput = {}): Promise<EmployeeSummary[]> {
	return search(ctx, validateSearchEmployees(input));
}

async function search(ctx: OperationContext, v: ValidatedSearchEmployees): Promise<EmployeeSummary[]> {
	const res = await ctx.session.get(buildRosterPath(v));
	const prefix = (value: string, p: string | undefined) => p === undefined || value.toLowerCase().startsWith(p.toLowerCase());
	return parseRoster(res.body, res.path)
		.filter(
			(r) =>
				prefix(r.firstName, v.firstName) &&
				prefix(r.lastName, v.lastName) &&
				(v.posUserId === undefined || r.posUserId === v.posUserId) &&
				(v.active === 'all' || r.isActive === (v.active === 'active')),
		)
		.slice(0, v.limit)
		.map(toSummary);
}

/**
 * Exactly one employee by name: the server's prefix search, then an exact match of the trimmed, case-insensitive
 * first AND last name. Several matches and a phone: those whose phone's last 10 digits equal the given one's.
 * No match: NotFoundError. Still several: AmbiguousMatchError listing the candidates' POS user IDs and whether a
 * phone would help. One GET.
 */
export async function findEmployee(ctx: OperationContext, input: FindEmployeeInput): Promise<EmployeeSummary> {
	const v = validateFindEmployee(input);
	const name = `${v.firstName} ${v.lastName}`;
	const fold = (s: string) => s.trim().toLowerCase();
	const rows = await search(ctx, { firstName: v.firstName, lastName: v.lastName, posUserId: undefined, active: v.active, limit: 10000 });
	const matches = rows.filter((r) => fold(r.firstName) === fold(v.firstName) && fold(r.lastName) === fold(v.lastName));
	const status = v.active === 'all' ? '' : `${v.active} `;
	if (matches.length === 0) throw new NotFoundError('employee', `no ${status}employee named "${name}"`, name);
	if (matches.length === 1) return matches[0];
	const last10 = (digits: string | null) => (digits ?? '').slice(-10);
	const byPhone = v.phone === undefined ? matches : matches.filter((r) => r.phone !== null && last10(r.phone) === last10(v.phone ?? ''));
	if (v.phone !== undefined && byPhone.length === 1) return byPhone[0];
	const ids = matches.map((r) => r.posUserId);
	const hint = v.phone === undefined ? 'provide a phone number to disambiguate' : `the phone did not narrow them to one (${byPhone.length} match it)`;
	throw new AmbiguousMatchError(
		`${matches.length} ${status}employees are named "${name}" (POS user IDs ${ids.map((id) => id ?? 'none').join(', ')}): ${hint}, or use the POS user ID`,
		ids,
	);
}

function toSummary(r: RosterRow): EmployeeSummary {
	return {
		employeeId: r.employeeId,
		posUserId: r.posUserId,
		firstName: r.firstName,
		lastName: r.lastName,
		phone: r.phoneDigits,
		sites: r.siteCodes,
		accessLevel: r.access,
		departments: r.departments,
		isActive: r.isActive,
	};
}
