/**
 * upsertEmployee ("Create or Update"), top to bottom: validate every field as a create would -> look the POS user ID
 * up (live, inactive included) -> absent: createEmployee -> present: the given fields become an update's changes
 * (the PIN only with `updatePosPin`; the start date and a Backoffice login never) and run as updateEmployee, or as
 * reactivateEmployee when the employee is inactive and `reactivate` is set. Only what differs is written; a sync run
 * twice posts nothing the second time.
 */
import type { ChangeApplied, CreateEmployeeInput, EmployeeChanges, EmployeeCreated, EmployeeCreatePreview } from '../models/api';
import { diffFields, MASKED } from '../models/changes';
import { validateCreateEmployee } from '../models/schemas';
import { CHANGE_FIELDS, validateEmployeeChange } from '../models/update-schema';
import { splitUpsertInput, type EmployeeUpserted, type UpsertEmployeeInput } from '../models/upsert';
import type { OperationContext } from './context';
import { createEmployee } from './create-employee';
import { changeEmployee } from './employee-change';
import { findByPosUserId } from './employee-lookup';

/**
 * Create fields an update takes over when given (absent = left as it is): every change field but the PIN (only with
 * `updatePosPin`) and the wage's effective date (a create has none).
 */
const UPDATABLE = CHANGE_FIELDS.filter((f) => f !== 'posPin' && f !== 'wageEffectiveDate');

/** Creates the employee of a POS user ID, or updates (or reactivates) it to match the given fields. */
export async function upsertEmployee(ctx: OperationContext, input: UpsertEmployeeInput): Promise<EmployeeUpserted> {
	const { create, reactivate, updatePosPin, dryRun } = splitUpsertInput(input);
	// Every field is checked as a create checks it, before any request, whichever way the upsert goes.
	const v = validateCreateEmployee({ ...create, dryRun });
	const changes = changesOf(create, updatePosPin);
	const row = await findByPosUserId(ctx, v.posUserId);
	if (!row) return created(ctx, create, dryRun);

	const warnings: string[] = [];
	if (v.requiresBackoffice) {
		warnings.push(`employee ${row.employeeId} exists: its Backoffice login is not created or changed by Create or Update`);
	}
	const activate = reactivate && !row.isActive;
	if (!row.isActive && !reactivate) {
		warnings.push(`employee ${row.employeeId} (POS user ID ${v.posUserId}) is inactive and stays so (reactivate: true reactivates it)`);
	}
	const ref = { employeeId: row.employeeId, changes, dryRun };
	const c = validateEmployeeChange(ref, false);
	const r = await changeEmployee(ctx, c.ref, c.changes, { dryRun, activate });
	const action = r.unchanged ? 'unchanged' : activate ? 'reactivated' : 'updated';
	return {
		action,
		employeeId: r.employeeId,
		posUserId: v.posUserId,
		changes: r.changes,
		changesApplied: r.changesApplied,
		...(r.wageEffectiveDate !== undefined ? { wageEffectiveDate: r.wageEffectiveDate } : {}),
		...(r.plannedRequests ? { plannedRequests: r.plannedRequests } : {}),
		dryRun,
		warnings: [...warnings, ...r.warnings],
	};
}

/** The given create fields as update changes (the PIN only when asked). */
function changesOf(create: CreateEmployeeInput, updatePosPin: boolean): EmployeeChanges {
	const changes: Record<string, unknown> = {};
	for (const field of UPDATABLE) {
		const value = (create as unknown as Record<string, unknown>)[field];
		if (value !== undefined && value !== null) changes[field] = value;
	}
	if (updatePosPin && create.posPin !== undefined && create.posPin !== null) changes.posPin = create.posPin;
	return changes as EmployeeChanges;
}

async function created(ctx: OperationContext, create: CreateEmployeeInput, dryRun: boolean): Promise<EmployeeUpserted> {
	if (dryRun) {
		const preview = (await createEmployee(ctx, { ...create, dryRun: true })) as EmployeeCreatePreview;
		const { dryRun: _d, changes, plannedRequests, warnings, ...fields } = preview;
		return { ...fields, action: 'created', employeeId: null, changes, changesApplied: [], plannedRequests, dryRun: true, warnings };
	}
	const result = (await createEmployee(ctx, create)) as EmployeeCreated;
	const after = {
		firstName: result.firstName,
		lastName: result.lastName,
		email: result.email,
		posUserId: result.posUserId,
		posPin: result.posPin,
		departments: result.departments,
		availableSites: result.sitesGranted,
		wageRate: result.wageRate,
		overtimeWageRate: result.overtimeWageRate,
		permission: result.permissionApplied,
	};
	const changes = diffFields({}, after, Object.keys(after) as Array<keyof typeof after>, { secret: ['posPin'] });
	if (changes.posPin) changes.posPin = { from: null, to: MASKED };
	const applied: ChangeApplied[] = [];
	return { ...result, action: 'created', changes, changesApplied: applied, dryRun: false };
}
