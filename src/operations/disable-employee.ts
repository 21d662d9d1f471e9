import type { DisableEmployeeInput, EmployeeDisabled } from '../models/api';
import { validateDisableEmployee } from '../models/schemas';
import type { OperationContext } from './context';
import type { EmployeeRef } from '../models/employee-ref';
import { findEditPage, readEditPage } from './employee-lookup';
import { planOf } from './form-submission';
import { notAppliedError, postThenReadBack } from './write-outcome';

/**
 * Disables an employee found by POS user ID (targeted roster search), e-mail (the `/user/create`
 * e-mail map, protocol A.9 / B.7) or internal id (no lookup): GET the edit form, re-post every field exactly as a browser would
 * with `employee[isActive]` omitted (presence binding, protocol A.0/A.7), then read the page back.
 * Already inactive -> nothing is posted. `dryRun` returns the planned request without posting it.
 */
export async function disableEmployee(ctx: OperationContext, input: DisableEmployeeInput): Promise<EmployeeDisabled> {
	const { dryRun, ...ref } = validateDisableEmployee(input);
	const warnings: string[] = [];
	const before = await findEditPage(ctx, ref as EmployeeRef);
	const employeeId = before.employeeId;
	const base = { employeeId, posUserId: before.posUserId ?? ('posUserId' in ref ? (ref.posUserId as number) : 0), ...(before.email ? { email: before.email } : {}) };
	if (!before.isActive) {
		warnings.push(`employee ${employeeId} was already inactive; nothing was changed`);
		return { ...base, disabledAt: new Date(), alreadyInactive: true, warnings, dryRun, changes: {} };
	}
	const form = before.form;
	const unchanged = form.pairs();
	form.remove('employee[isActive]');
	const changes = { isActive: { from: true, to: false } };
	const update = {
		path: '/employee/update',
		pairs: form.pairs(),
		successPath: '/employee',
		action: `disabling employee ${employeeId}`,
		readBackPath: `/employee/edit/${employeeId}`,
		readBack: () => readEditPage(ctx, employeeId),
		// The round-tripped form sets an absolute state: re-sent (bounded) once the read-back shows it not applied.
		idempotent: true,
		applied: (after: { isActive: boolean }) => !after.isActive,
	};
	if (dryRun) {
		const plannedRequests = [planOf({ phase: 'properties', path: update.path, before: unchanged, pairs: update.pairs })];
		return { ...base, disabledAt: new Date(), alreadyInactive: false, warnings, dryRun, changes, plannedRequests };
	}
	const { after, failure, resentAfter } = await postThenReadBack(ctx, update);
	if (after.isActive) {
		throw notAppliedError(
			update,
			failure,
			failure
				? `disabling employee ${employeeId} failed (${failure.message}); the employee is still active and the request was not re-sent`
				: `the disable of employee ${employeeId} was accepted but the employee is still active`,
		);
	}
	for (const f of resentAfter) warnings.push(`a disable request failed (${f.message}) and did not apply; it was sent again`);
	if (failure) warnings.push(`the disable request failed (${failure.message}) but reading back shows the employee inactive`);
	return { ...base, disabledAt: new Date(), alreadyInactive: false, warnings, dryRun, changes };
}
