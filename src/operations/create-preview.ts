/** The dry run of `createEmployee`: what would be created and the requests that would be sent, nothing written. */
import type { Pairs } from '../html/form';
import type { EmployeeCreatePreview } from '../models/api';
import { diffFields } from '../models/changes';
import { formatMoney } from '../models/money';
import type { ValidatedCreateEmployee } from '../models/schemas';
import type { PermissionFieldMeta } from '../pages/employee-permissions';
import { siteNamesOf, type SiteTree } from '../payloads/site-availability';
import { buildUserInsertPairs } from '../payloads/user-insert';
import { templateSubmission, type PosTemplate } from './apply-pos-template';
import { plannedAccessForNewUser } from './backoffice-access';
import type { OperationContext } from './context';
import { planOf } from './form-submission';

/** What the create resolved before its first write. */
export interface ResolvedCreate {
	page: SiteTree & { departments: Array<{ id: number; name: string }> };
	pairs: Pairs;
	granted: number[] | 'all';
	departmentIds: number[];
	wageSiteId: number;
	template: PosTemplate;
	schema: readonly PermissionFieldMeta[];
	warnings: string[];
}

const CREATED_FIELDS = [
	'firstName',
	'lastName',
	'phone',
	'email',
	'posUserId',
	'posPin',
	'startDate',
	'departments',
	'availableSites',
	'wageRate',
	'overtimeWageRate',
	'adpEmployeeId',
	'emergencyContactName',
	'emergencyContactPhone',
	'permission',
	'backofficeUsername',
] as const;

/** The preview: every field from `null` (PIN masked), the insert, the permission matrix and the optional user insert. */
export function previewCreate(ctx: OperationContext, v: ValidatedCreateEmployee, r: ResolvedCreate): EmployeeCreatePreview {
	const sitesGranted = siteNamesOf(r.page, r.granted);
	const departments = r.departmentIds.map((id) => r.page.departments.find((d) => d.id === id)?.name ?? String(id));
	const after = {
		...v,
		posPin: v.posPin ?? 'generated',
		startDate: v.startDate,
		departments,
		availableSites: sitesGranted,
		wageRate: formatMoney(v.wageRate),
		overtimeWageRate: formatMoney(v.overtimeWageRate),
		permission: r.template.name,
	};
	const plannedRequests = [
		planOf({ phase: 'create', path: '/employee/insert', before: [], pairs: r.pairs }),
		planOf({ ...templateSubmission(ctx, 0, r.template, r.schema, { granted: [], overrides: [] }) }),
	];
	if (v.requiresBackoffice && v.backofficeUsername) {
		// Only the names matter: the values here are placeholders and never leave this function.
		const user = buildUserInsertPairs({ employeeId: 0, email: v.email, username: v.backofficeUsername, password: '-' });
		plannedRequests.push(planOf({ phase: 'backofficeUser', path: '/user/insert', before: [], pairs: user }));
		plannedRequests.push(plannedAccessForNewUser(v.backofficePermission !== undefined, v.backofficeSites ?? v.availableSites));
	}
	return {
		dryRun: true,
		posUserId: v.posUserId,
		firstName: v.firstName,
		lastName: v.lastName,
		email: v.email,
		permissionApplied: r.template.name,
		sitesGranted,
		departments,
		wageSite: r.page.sites.find((s) => s.id === r.wageSiteId)?.name ?? String(r.wageSiteId),
		wageRate: formatMoney(v.wageRate),
		overtimeWageRate: formatMoney(v.overtimeWageRate),
		changes: diffFields({}, after, CREATED_FIELDS, { secret: ['posPin'] }),
		plannedRequests,
		warnings: r.warnings,
	};
}
