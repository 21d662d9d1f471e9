import { attr, esc, renderAlerts, type Flash } from '../html';
import { todayUs } from '../form';
import type { EmulatorState } from '../state';
import type { EmployeeRecord } from '../types';
import { siteTree } from './site-tree';
import { wageBlock } from './wage-block';
import { pageHeader } from './layout';

function textField(id: string, name: string, label: string, value: string, extra: string, required = false, type = 'text'): string {
	return `
<div class="form-group validate-${id}">
    <label for="${id}" class="control-label">${label}${required ? '\n        <span class="field-required">*</span>' : ''}</label>
    <div class="row">
        <div class="form-col-main">
            <input type="${type}" id="${id}" name="${name}" value="${esc(value)}" class="form-control"${extra}${required ? ' required' : ''}>
        </div>
    </div>
</div>
<!-- /form-group -->`;
}

/**
 * `/employee/create` (e === undefined) and `/employee/edit/<id>`: form `#employee-create-edit-form` (protocol A.3,
 * A.7). Raw server HTML: the start date carries its real `name` with the date only in `data-value`; the edit form adds
 * hidden ids and `employee[isActive]`, and has no wage fields.
 */
export function employeeForm(state: EmulatorState, e: EmployeeRecord | undefined, flashes: Flash[]): string {
	const edit = e !== undefined;
	const deps = state.tenant.departments
		.map((d) => `<option value="${d.id}"${attr('selected', !!e?.departmentIds.includes(d.id))}>${esc(d.name)}</option>`)
		.join('');
	const title = edit ? `Edit ${e.firstName} ${e.lastName}` : 'Create Employee';
	const hidden = edit
		? `
            <input type="hidden" id="employee-id" name="employee[id]" value="${e.id}" data-unique>
            <input type="hidden" id="selected-employee-id" value="${e.id}">
            <input type="hidden" id="employee-pos-credentials-id" name="posCredential[id]" value="${e.credentialId}">`
		: '';
	const active = edit
		? `
<div class="form-group validate-employee-is-active">
    <input type="checkbox"
           id="employee-is-active"
           name="employee[isActive]"
           value="1"
           data-toggle="toggle" data-on="Active" data-off="Inactive"${attr('checked', e.isActive)}>
    <label for="employee-is-active" class="control-label">Status</label>
</div>
<!-- /form-group -->`
		: '';
	return `${pageHeader(title)}

    <div class="form-sonny">
${renderAlerts(flashes)}

        <form data-check-unique="/employee/checkunique" id="employee-create-edit-form" class="employee-crud-form" action="${edit ? '/employee/update' : '/employee/insert'}" autocomplete="off" method="post">
${hidden}
${textField('employee-name-first', 'employee[firstName]', 'First Name', e?.firstName ?? '', ' maxlength="50"', true)}
${textField('employee-name-last', 'employee[lastName]', 'Last Name', e?.lastName ?? '', ' maxlength="100"', true)}
${textField('employee-phone', 'employee[phone]', 'Phone', e?.phone ?? '', ' maxlength="20"', false, 'tel')}
<div class="margin-top-form-group" id="group-user-employee-email">
    <label for="employee-email" class="control-label">Email</label>
    <div class="input-group">
        <input type="text" class="form-control" id="user-email" name="employee[email]" aria-describedby="employee-email" value="${esc(e?.email ?? '')}" data-required="false" autocomplete="dummy">
        <span class="input-group-btn">
            <button type="button" id="employee-email-check" class="btn btn-clear-success square" title="Email Availability Check"><i id="employee-email-check-icon" class="fa fa-check"></i></button>
        </span>
    </div>
    <p id="employee-last-name-help" class="help-block">
        The email must be unique among the employees and Back Office users.
    </p>
</div>
<!-- email -->

<div class="form-group validate-employee-departments">
    <label for="employee-departments" class="control-label">Departments
        <span class="field-required">*</span></label>
    <select data-placeholder="Choose Departments" id="employee-departments" name="employee[departments][]" multiple class="form-control chosen-select" aria-describedby="employee-departments-help" required>${deps}</select>
    <p id="employee-departments-help" class="help-block">An Employee must belong to at least
        one department.</p>
</div>
<!-- /form-group -->

<div class="form-group validate-employee-start-date">
    <label for="employee-start-date" class="control-label">Start Date
        <span class="field-required">*</span></label>
    <input type="text"
           id="employee-start-date"
           name="employee[startDate]"
           class="form-control pickadate-date"
           data-value="${esc(e?.startDate ?? todayUs())}"
           placeholder="00/00/00"
           aria-describedby="employee-start-date-help"
           data-pickadate-small
           required
           readonly>
</div>
<!-- /form-group -->
${active}
<div class="row">
    <div class="form-col-main">
        <div class="sbox-collapse sbox-toggle-egde2edge">
            <a id="link-sbox-collapse-item-available" class="sbox-collapse-head" role="button" data-toggle="collapse" href="#sbox-item-available">
                <h3 class="sbox-collapse-title">Available To Work<span class="sr-only">View Options</span></h3>
            </a>
            <div class="sbox-collapse-area-wrapper">
                <div id="sbox-item-available" class="sbox-collapse-area collapse in">
${siteTree(state, e?.siteIds ?? [], 'employee')}
                </div>
            </div>
        </div>
    </div>
    <div class="form-col-aside">
        <p id="site-available-all-help" class="help-block outside-form-group">
            Available to Clock In at the Site's POS. All employees, <strong><span class="text-success">active</span></strong>
            and <strong><span class="text-danger">inactive</span></strong>, must be assigned to at least
            <strong>one</strong> site  to remain visible on the employee list page. Set the employee to
            inactive if  they are no  longer employed.
        </p>
    </div>
</div>

<h2>POS Login</h2>
<div class="form-group validate-employee-pos-user-id">
    <label for="employee-pos-user-id" class="control-label">POS User ID
        <span class="field-required">*</span></label>
    <input type="number" min="1" id="employee-pos-user-id" name="posCredential[POSLoginID]" value="${e ? e.posUserId : ''}" class="form-control" aria-describedby="employee-pos-user-id-help" data-unique required>
    <p id="employee-pos-user-id-help" class="help-block" data-collision-message="That POS user ID is already in use!"></p>
</div>
<div class="form-group validate-employee-pos-user-pin">
    <label for="employee-pos-user-pin" class="control-label">POS User Pin
        <span class="field-required">*</span></label>
    <input type="number" min="1" id="employee-pos-user-pin" name="posCredential[POSLoginPassword]" value="${esc(e?.pin ?? '')}" class="form-control" required>
</div>

<h2>Emergency Contact</h2>
${textField('employee-emergency-name', 'employee[emergencyContactName]', 'Name', e?.emergencyContactName ?? '', ' maxlength="100"')}
${textField('employee-emergency-phone', 'employee[emergencyContactPhone]', 'Phone', e?.emergencyContactPhone ?? '', ' maxlength="20"', false, 'tel')}

<h2>ADP Report</h2>
${textField('adp-employee-id', 'employee[adpEmployeeId]', 'Employee ID', e?.adpEmployeeId ?? '', ' maxlength="32" autocomplete="off"')}
${edit ? '' : `\n            <h2>Compensation</h2>\n${wageBlock(state)}`}

            <div class="alerts alerts-js"></div>

            <div class="row">
                <div class="col-xs-6">
                    <button type="submit" id="btn-user-save" class="btn btn-success btn-lg btn-block">${edit ? 'Save' : 'Set POS Access'}</button>
                </div>
                <div class="col-xs-6">
                    <a href="/employee" id="btn-employee-create-cancel" class="btn btn-default btn-lg btn-block">Cancel</a>
                </div>
            </div>

        </form>
        <!-- /form -->

    </div>
    <!-- /form-sonny -->
`;
}
