/** getEmployee: one employee's profile, wage history and POS permission level (protocol A.6-A.8, B.7). */
import { UnexpectedPageError } from '../errors';
import type { Employee, GetEmployeeInput } from '../models/employee';
import { validateGetEmployee } from '../models/employee-read-schema';
import { parseCompensationPage } from '../pages/employee-compensation';
import { parsePosPermissionsPage } from '../pages/employee-permissions';
import type { OperationContext } from './context';
import { findEditPage, getEmployeePage } from './employee-lookup';
import { currentWageOf, namePermissionLevel, toEmployeeProfile } from './employee-profile';

/**
 * Reads one employee, always live: the lookup (none by employee id, one roster search by POS user ID, the cached
 * e-mail map by e-mail), the edit page (profile), then, as `include` asks, the compensation page (wage history,
 * current wage) and the permissions page (grants, overrides, template name), those two concurrently.
 * Warm budget by POS user ID: 4 requests, 2 with `include: []`.
 */
export async function getEmployee(ctx: OperationContext, input: GetEmployeeInput): Promise<Employee> {
	const v = validateGetEmployee(input);
	const page = await findEditPage(ctx, v.ref);
	const id = page.employeeId;
	const [compensation, permissions] = await Promise.all([
		v.include.includes('compensation') ? readCompensation(ctx, id) : undefined,
		v.include.includes('permissions') ? readPermissions(ctx, id) : undefined,
	]);
	const employee: Employee = toEmployeeProfile(page);
	if (compensation) {
		employee.currentWage = currentWageOf(compensation.history);
		employee.wageHistory = compensation.history;
	}
	if (permissions) employee.permission = namePermissionLevel(permissions.templates, permissions.granted, permissions.overrides);
	return employee;
}

async function readCompensation(ctx: OperationContext, employeeId: number) {
	const path = `/employee/compensation/${employeeId}`;
	return sameEmployee(parseCompensationPage(await getEmployeePage(ctx, path, employeeId), path), employeeId, path);
}

async function readPermissions(ctx: OperationContext, employeeId: number) {
	const path = `/employee/permissions/${employeeId}`;
	const page = sameEmployee(parsePosPermissionsPage(await getEmployeePage(ctx, path, employeeId), path), employeeId, path);
	// The page carries the tenant's templates and schema: warm the cache later writes use, at no cost.
	ctx.caches.posTemplates ??= { templates: page.templates, schema: page.schema };
	return page;
}

function sameEmployee<T extends { employeeId: number }>(page: T, employeeId: number, path: string): T {
	if (page.employeeId !== employeeId) throw new UnexpectedPageError(path, `the page of employee ${page.employeeId}`);
	return page;
}
