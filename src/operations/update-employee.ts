import type { EmployeeReactivated, EmployeeUpdated, ReactivateEmployeeInput, UpdateEmployeeInput } from '../models/api';
import { validateEmployeeChange } from '../models/update-schema';
import type { OperationContext } from './context';
import { changeEmployee } from './employee-change';

/**
 * Changes an employee found by POS user ID, e-mail or internal id (inactive included): properties and PIN by the
 * A.7 round trip, a wage by A.8, a POS template by A.6; only what differs is written, each phase read back.
 * `dryRun` returns the changes and the planned requests without writing.
 */
export async function updateEmployee(ctx: OperationContext, input: UpdateEmployeeInput): Promise<EmployeeUpdated> {
	const v = validateEmployeeChange(input, true);
	const { alreadyActive: _unused, ...result } = await changeEmployee(ctx, v.ref, v.changes, { dryRun: v.dryRun, activate: false });
	return result;
}

/**
 * Reactivates an employee (the A.7 round trip with `employee[isActive]` present), with any `changes` in the same
 * run (a rehire usually comes with a new wage and site). Already active: the activation posts nothing
 * (`alreadyActive`); given changes are still applied.
 */
export async function reactivateEmployee(ctx: OperationContext, input: ReactivateEmployeeInput): Promise<EmployeeReactivated> {
	const v = validateEmployeeChange(input, false);
	return changeEmployee(ctx, v.ref, v.changes, { dryRun: v.dryRun, activate: true });
}
