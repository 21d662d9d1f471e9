/**
 * The compensation phase of an update (protocol A.8, B.6): a new wage record through the add-wage form of the
 * compensation page, round-tripped with the rate, overtime and effective date overlaid. The effective date must be
 * strictly after the latest record's, or the server silently ignores the post: an earlier requested (or default)
 * date is clamped to the latest plus one day, with a warning naming both. Overtime eligibility is re-sent from the
 * current history row (the add-wage form always renders it off); an explicit overtime rate makes the record eligible.
 */
import type Decimal from 'decimal.js';
import { parseForm } from '../html/form';
import { diffFields, type Changes } from '../models/changes';
import { addDaysIso, parseBackofficeDate, toBackofficeDate } from '../models/dates';
import { defaultOvertimeRate, formatMoney } from '../models/money';
import { parseCompensationPage, type CompensationPage } from '../pages/employee-compensation';
import { mainColumnHtml } from '../pages/page-kind';
import { COMPENSATION_FORM } from '../pages/selectors';
import type { OperationContext } from './context';
import { getEmployeePage } from './employee-lookup';
import { currentWageOf } from './employee-profile';
import type { FieldMismatch, Submission } from './form-submission';

/** The wage part of `changes`. */
export interface WageChange {
	wageRate: Decimal;
	overtimeWageRate?: Decimal;
	/** `MM/DD/YYYY`, when requested. */
	wageEffectiveDate?: string;
}

/** What the compensation phase would write. */
export interface CompensationPlan {
	submission?: Submission<CompensationPage>;
	changes: Changes;
	/** ISO date of the new record, when one is written. */
	wageEffectiveDate?: string;
	warnings: string[];
}

/**
 * Loads the compensation page and plans the new wage record; nothing to write when the current record already has
 * the requested rate and overtime. `today` (ISO) is the default effective date.
 */
export async function planCompensationChange(
	ctx: OperationContext,
	employeeId: number,
	wage: WageChange,
	today = parseBackofficeDate(toBackofficeDate(new Date(), 'today')) as string,
): Promise<CompensationPlan> {
	const path = `/employee/compensation/${employeeId}`;
	const html = await getEmployeePage(ctx, path, employeeId);
	const page = parseCompensationPage(html, path);
	const current = currentWageOf(page.history);
	const rate = formatMoney(wage.wageRate);
	const eligible = wage.overtimeWageRate !== undefined || (current?.overtimeEligible ?? false);
	const overtime = eligible ? formatMoney(wage.overtimeWageRate ?? defaultOvertimeRate(wage.wageRate)) : null;
	const from = { wageRate: current?.wageRate ?? null, overtimeWageRate: current?.overtimeEligible ? current.overtimeWageRate : null };
	const changes = diffFields(from, { wageRate: rate, overtimeWageRate: overtime }, ['wageRate', 'overtimeWageRate']);
	if (Object.keys(changes).length === 0) return { changes, warnings: [] };

	const warnings: string[] = [];
	const requested = wage.wageEffectiveDate !== undefined ? (parseBackofficeDate(wage.wageEffectiveDate) as string) : today;
	const latest = page.history.reduce<string | null>((max, w) => (w.effectiveDate !== null && (max === null || w.effectiveDate > max) ? w.effectiveDate : max), null);
	let effective = requested;
	if (latest !== null && requested <= latest) {
		effective = addDaysIso(latest, 1);
		warnings.push(
			`wageEffectiveDate ${requested}${wage.wageEffectiveDate === undefined ? ' (today, the default)' : ''} is on or before the latest wage's effective date ${latest}; clamped to ${effective}`,
		);
	}

	const form = parseForm(mainColumnHtml(html), COMPENSATION_FORM, path);
	const before = form.pairs();
	form.set('wage[effectiveDate]', toBackofficeDate(effective, 'wageEffectiveDate'));
	form.set('wage[isHourly]', '1');
	form.set('wage[regularRate]', rate);
	// Presence binding (A.0): eligibility is the key's presence, so an ineligible record omits both keys.
	if (overtime !== null) {
		form.set('wage[isOvertimeEligible]', '1');
		form.set('wage[overtimeRate]', overtime);
	} else {
		form.remove('wage[isOvertimeEligible]');
		form.remove('wage[overtimeRate]');
	}
	return {
		changes,
		wageEffectiveDate: effective,
		warnings,
		submission: {
			phase: 'compensation',
			path: '/employee/compensation/update',
			before,
			pairs: form.pairs(),
			// ASSUMPTION (E.8): the redirect of this endpoint was never captured; the emulator answers with the page.
			successPath: path,
			action: `adding wage ${rate} effective ${effective} for employee ${employeeId}`,
			readBackPath: path,
			readBack: async () => parseCompensationPage(await getEmployeePage(ctx, path, employeeId), path),
			verify: (after) => {
				const row = currentWageOf(after.history);
				const wrong: FieldMismatch[] = [];
				if (!row || row.effectiveDate !== effective) return [{ field: 'wageEffectiveDate', detail: `no current wage effective ${effective}` }];
				if (row.wageRate !== rate) wrong.push({ field: 'wageRate', detail: `reads ${row.wageRate}` });
				if (row.overtimeEligible !== (overtime !== null)) wrong.push({ field: 'overtimeWageRate', detail: `overtime eligibility reads ${row.overtimeEligible}` });
				else if (overtime !== null && row.overtimeWageRate !== overtime) wrong.push({ field: 'overtimeWageRate', detail: `reads ${row.overtimeWageRate}` });
				return wrong;
			},
		},
	};
}
