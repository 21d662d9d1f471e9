import { esc } from '../html';
import type { EmulatorState } from '../state';

/**
 * The wage block shared by the create form and the compensation form (protocol A.3, A.8): `wage[isHourly]`,
 * `wage[regularRate]`, `wage[isOvertimeEligible]` (always rendered unchecked), `wage[overtimeRate]` (rendered
 * disabled), salary calculator, `wage[ignoreSalarySchedule]`, `wage[siteId]` (disabled, short codes), schedule.
 */
export function wageBlock(state: EmulatorState): string {
	const siteOptions = [...state.sites]
		.sort((a, b) => (a.shortCode.toUpperCase() < b.shortCode.toUpperCase() ? -1 : a.shortCode.toUpperCase() > b.shortCode.toUpperCase() ? 1 : 0))
		.map((s) => `<option value="${s.id}">${esc(s.shortCode)}</option>`)
		.join('');
	const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
	const schedule = days
		.map(
			(day, i) => `
                    <tr>
                        <td style="vertical-align: middle;"><span class="dayofweek">${day}</span></td>
                        <td><div class="input-group"><input type="text" id="day-${i}-start-time" data-day="${i}" name="wage[scheduleDay][${i}][startTime]" class="form-control clockpicker day-schedule" value="" placeholder="00:00AM"></div></td>
                        <td><div class="input-group"><input type="text" id="day-${i}-end-time" data-day="${i}" name="wage[scheduleDay][${i}][endTime]" class="form-control clockpicker day-schedule" value="" placeholder="00:00AM"></div></td>
                    </tr>`,
		)
		.join('');
	return `
<div class="row">
    <div class="form-col-main">
        <div class="row">
            <div class="col-xs-12 col-sm-4">
                <div class="form-group validate-employee-compensation-wage-type">
                    <label for="employee-compensation-wage-type" class="control-label">Type</label>
                    <select id="employee-compensation-wage-type" name="wage[isHourly]" class="form-control chosen-select" aria-describedby="employee-compensation-help">
                        <option value="1" selected>Hourly</option>
                        <option value="0">Salary</option>
                    </select>
                </div>
            </div>
            <div class="col-xs-12 col-sm-8">
                <div class="form-group validate-employee-compensation-wage">
                    <label for="employee-compensation-wage" class="control-label">Effective Hourly Rate
                        <span class="field-required">*</span></label>
                    <div class="input-group">
                        <span class="input-group-addon">$</span>
                        <input type="number" id="employee-compensation-wage" name="wage[regularRate]" value="" placeholder="0.00" class="form-control" min="0" max="999999999.99" step="0.01" required>
                        <span id="employee-compensation-wage-type-label" class="input-group-addon">per hour</span>
                    </div>
                </div>
            </div>
        </div>
    </div>
</div>
<div class="row overtime-wrapper">
    <div class="form-col-main">
        <div class="form-group validate-employee-compensation-overtime-eligible">
            <input type="checkbox"
                   id="employee-compensation-overtime-eligible"
                   name="wage[isOvertimeEligible]"
                   value="1"
                   data-toggle="toggle" data-on="Eligible" data-off="Ineligible"
                   data-fhcheck-enable="#employee-compensation-overtime-rate">
            <label for="employee-compensation-overtime-eligible" class="control-label">Overtime</label>
        </div>
        <div id="sbox-employee-compensation-overtime-fields" class="sbox-collapse-area collapse">
            <div class="form-group validate-employee-compensation-overtime-rate">
                <input type="number" id="employee-compensation-overtime-rate" name="wage[overtimeRate]" class="form-control" min="0" max="999999999.99" step="0.01" value="" placeholder="0.00" required disabled>
            </div>
        </div>
    </div>
</div>
<div class="salary-schuedule-wrapper hide">
    <input type="number" id="employee-compensation-salary-wage" class="form-control" name="wage[salaryRate]" min="0" max="999999999.99" step="0.01" value="" placeholder="0.00">
    <select id="employee-compensation-salary-wage-type" class="form-control chosen-select"><option value="year">Per Year</option><option value="week">Per Week</option></select>
    <input type="number" id="employee-compensation-salary-calc-hours" class="form-control" name="wage[hoursPerWeek]" min="0" max="999999999.99" value="" step="0.01" placeholder="0.00">
    <div class="radio nix-tm">
        <label><input type="radio" name="wage[ignoreSalarySchedule]" id="employee-compensation-salary-wage-schedule-choice-1" value="0" data-fhcheck-enable="#employee-compensation-salary-wage-site">Use Labor Scheduled Cost</label>
    </div>
    <div class="radio">
        <label><input type="radio" name="wage[ignoreSalarySchedule]" id="employee-compensation-salary-wage-schedule-choice-2" value="1" data-fhcheck-disable="#employee-compensation-salary-wage-site" checked="checked">Use Employee Clock-Ins</label>
    </div>
    <div class="row salary-schedule" style="display: none;">
        <div class="form-group validate-employee-compensation-ignore-salary-site">
            <label for="employee-compensation-salary-wage-site" class="control-label">Employee Labor Site <span class="field-required">*</span></label>
            <select data-placeholder="Select Site" id="employee-compensation-salary-wage-site" name="wage[siteId]" class="form-control chosen-select" required disabled><option class="placeholder" value=""></option>${siteOptions}</select>
        </div>
        <table class="table table-condensed table-bordered">
            <thead><tr><th>Day</th><th>Start</th><th>End</th></tr></thead>
            <tbody>${schedule}
            </tbody>
        </table>
    </div>
</div>`;
}

