import { esc, renderAlerts, type Flash } from '../html';
import { todayUs, usDateKey } from '../form';
import type { EmulatorState } from '../state';
import type { EmployeeRecord } from '../types';
import { pageHeader } from './layout';
import { wageBlock } from './wage-block';

/** Latest effective date + 1 day, the earliest date a new wage may take (ASSUMPTION E.12). */
export function minNextEffectiveDate(e: EmployeeRecord): string | null {
	if (e.wages.length === 0) return null;
	const latest = [...e.wages].sort((a, b) => usDateKey(b.effectiveDate) - usDateKey(a.effectiveDate))[0];
	const [m, d, y] = latest.effectiveDate.split('/').map(Number);
	return todayUs(new Date(Date.UTC(y, m - 1, d + 1)));
}

/**
 * `GET /employee/compensation/<id>` (protocol A.8): collapsed "Add Wage" form `#employee-compensation-edit-form`
 * with a blank wage block, then the history table, newest first.
 */
export function compensationPage(state: EmulatorState, e: EmployeeRecord, flashes: Flash[]): string {
	const history = [...e.wages]
		.sort((a, b) => usDateKey(b.effectiveDate) - usDateKey(a.effectiveDate))
		.map(
			(w) => `
                <tr>
                    <td class="employee-compensation-col-wage-type">${w.isHourly ? 'Hourly' : 'Salary'}</td>
                    <td class="employee-compensation-col-wage">$${esc(w.regularRate)}/hr</td>
                    <td class="employee-compensation-col-overtime-eligible">${w.overtimeEligible ? '<i class="fa fa-check text-success"></i>' : '<i class="fa fa-times text-danger"></i>'}</td>
                    <td class="employee-compensation-col-overtime-rate">${w.overtimeEligible && w.overtimeRate ? `$${esc(w.overtimeRate)}/hr` : ''}</td>
                    <td class="employee-compensation-col-effective-date">${esc(w.effectiveDate)}</td>
                    <td class="employee-compensation-col-end-date">${esc(w.endDate ?? '')}</td>
                </tr>`,
		)
		.join('');
	const min = minNextEffectiveDate(e) ?? e.startDate;
	const today = todayUs();
	const value = usDateKey(today) >= usDateKey(min) ? today : min;
	const buttons = `
            <div class="col-head-btns">
                <a href="#employee-compensation-form-wrapper" id="btn-employee-compensation-add" class="btn btn-success" data-toggle="collapse"><i class="fa fa-plus"></i> Add Wage</a>
            </div>`;
	return `${pageHeader(`Compensation for ${e.firstName} ${e.lastName}`, '', buttons)}

    <div class="form-sonny">
${renderAlerts(flashes)}
        <div id="employee-compensation-form-wrapper" class="collapse">
        <form data-submit-once id="employee-compensation-edit-form" class="employee-compensation-crud-form" action="/employee/compensation/update" method="post">
            <input type="hidden" id="employee-id" name="employeeId" value="${e.id}">
            <div class="form-group validate-employee-compensation-effective-date">
                <label for="employee-compensation-effective-date" class="control-label">Effective Date
                    <span class="field-required">*</span></label>
                <input type="text"
                       id="employee-compensation-effective-date"
                       name="wage[effectiveDate]"
                       class="form-control pickadate-date"
                       data-value="${esc(value)}"
                       data-pickadate-min="${esc(min)}"
                       placeholder="00/00/00"
                       required
                       readonly>
                <p class="help-block">The first wage is locked to the employee start date. A new wage must be effective at least one day after the latest wage's effective date.</p>
            </div>
${wageBlock(state)}
            <button type="submit" id="btn-compensation-save" class="btn btn-success btn-lg btn-block">Save</button>
        </form>
        </div>

        <table class="table table-striped table-employee-compensation-history">
            <thead>
                <tr>
                    <th class="employee-compensation-col-wage-type">Type</th>
                    <th class="employee-compensation-col-wage">Wage</th>
                    <th class="employee-compensation-col-overtime-eligible">Overtime</th>
                    <th class="employee-compensation-col-overtime-rate">Overtime Rate</th>
                    <th class="employee-compensation-col-effective-date">Effective Date</th>
                    <th class="employee-compensation-col-end-date">End Date</th>
                </tr>
            </thead>
            <tbody>${history}
            </tbody>
        </table>
    </div>
`;
}
