import { attr, esc, renderAlerts, type Flash } from '../html';
import type { EmulatorState } from '../state';
import type { BoUserRecord } from '../types';
import { pageHeader } from './layout';
import { siteTree } from './site-tree';

/**
 * `GET /user`: Backoffice user list; rows link to `/user/permissions/<id>` (shield) and `/user/edit/<id>` (A.9).
 * ASSUMPTION: the columns (First Name, Last Name, Username, Email, Employee, Template, Active) were never captured.
 */
export function userListPage(state: EmulatorState, query: URLSearchParams, flashes: Flash[]): string {
	const active = query.get('active');
	const users = state.users.filter((u) => (active === 'all' ? true : active === 'inactive' ? !u.isActive : u.isActive));
	const rows = users
		.map(
			(u) => `
                <tr>
                    <td class="users-col-first-name">${esc(u.firstName)}</td>
                    <td class="users-col-last-name">${esc(u.lastName)}</td>
                    <td class="users-col-username">${esc(u.username)}</td>
                    <td class="users-col-email">${esc(u.email)}</td>
                    <td class="users-col-employee">${employeeLink(state, u)}</td>
                    <td class="users-col-template">${esc(state.tenant.boTemplates.find((t) => t.id === u.templateId)?.name ?? '')}</td>
                    <td class="users-col-active text-center">${u.isActive ? '<i class="fa fa-check fa-lg text-success"></i>' : '<i class="fa fa-times fa-lg text-danger"></i>'}</td>
                    <td class="users-col-edit text-nowrap text-right">
                        <a id="link-user-permission-${u.id}" href="/user/permissions/${u.id}" class="btn btn-clear-info square" title="Permissions"><i class="fa fa-shield fa-lg"></i></a>
                        <a id="link-edit-user-${u.id}" href="/user/edit/${u.id}" class="btn btn-clear-success square" title="Edit"><i class="fa fa-pencil fa-lg"></i></a>
                    </td>
                </tr>`,
		)
		.join('');
	const buttons = `
            <div class="col-head-btns"><a href="/user/create" id="btn-user-create" class="btn btn-success"><i class="fa fa-plus"></i> Create Back Office User</a></div>`;
	return `${pageHeader('Back Office Users', '', buttons)}
${renderAlerts(flashes)}
    <div class="table-responsive">
        <table class="table table-full-width table-striped table-hover table-users-list">
            <thead><tr><th>First Name</th><th>Last Name</th><th>Username</th><th>Email</th><th>Employee</th><th>Template</th><th>Active</th><th></th></tr></thead>
            <tbody>${rows}
            </tbody>
        </table>
    </div>
`;
}

/** ASSUMPTION (never captured): the list links a linked user's employee in an "Employee" column. */
function employeeLink(state: EmulatorState, u: BoUserRecord): string {
	const e = u.employeeId === null ? undefined : state.getEmployee(u.employeeId);
	return e ? `<a href="/employee/edit/${e.id}">${esc(e.firstName)} ${esc(e.lastName)}</a>` : '';
}

/**
 * `GET /user/create` (A.9). The employee dropdown is ordered by first name and carries `data-email`,
 * `data-first-name`, `data-last-name`. ASSUMPTION (E.7): inactive employees are left out unless the emulator option
 * `userCreateListsInactiveEmployees` is set.
 */
export function userCreatePage(state: EmulatorState, flashes: Flash[]): string {
	const emps = state.employees
		.filter((e) => e.isActive || state.options.userCreateListsInactiveEmployees)
		.sort((a, b) => a.firstName.toLowerCase().localeCompare(b.firstName.toLowerCase()) || a.lastName.toLowerCase().localeCompare(b.lastName.toLowerCase()) || a.id - b.id)
		.map(
			(e) =>
				`
                    <option value="${e.id}" data-email="${esc(e.email)}" data-first-name="${esc(e.firstName)}" data-last-name="${esc(e.lastName)}">${esc(e.firstName)} ${esc(e.lastName)}</option>`,
		)
		.join('');
	return `${pageHeader('Create Back Office User')}

    <div class="form-sonny">
${renderAlerts(flashes)}
        <form id="user-create-edit-form" action="/user/insert" method="post" autocomplete="off">
            <div class="form-group">
                <input type="checkbox" id="employee-of-the-wash-toggle" name="employee[isOnSiteEmployee]" value="1" data-toggle="toggle" data-on="Yes" data-off="No" checked>
                <label for="employee-of-the-wash-toggle" class="control-label">Is this user an Employee of the Wash?</label>
            </div>
            <div id="wash-employee" class="form-group">
                <label for="user-employee" class="control-label">Employee <span class="field-required">*</span></label>
                <select id="user-employee" name="user[employeeId]" class="form-control chosen-select" data-placeholder="Select an Employee">
                    <option value="" class="placeholder"></option>${emps}
                </select>
            </div>
            <div id="non-wash-employee" class="collapse">
                <input type="text" id="user-first-name" name="employee[firstName]" value="" class="form-control" maxlength="50" disabled>
                <input type="text" id="user-last-name" name="employee[lastName]" value="" class="form-control" maxlength="100" disabled>
            </div>
            <div class="form-group">
                <label for="user-email" class="control-label">Email <span class="field-required">*</span></label>
                <input type="text" id="user-email" name="employee[email]" value="" class="form-control" required>
            </div>
            <div class="form-group">
                <label for="user-username" class="control-label">Username <span class="field-required">*</span></label>
                <input type="text" id="user-username" name="user[username]" value="" class="form-control" pattern="[A-Za-z][\\w]{2,63}" required>
            </div>
            <div class="form-group">
                <input type="checkbox" id="user-link-existing-account" name="user[linkExistingAccount]" value="1" data-toggle="toggle">
                <label for="user-link-existing-account" class="control-label">Link to an existing account</label>
            </div>
            <div class="form-group">
                <input type="password" id="user-password" name="user[password]" class="form-control" required>
                <input type="password" id="user-confirm-password" name="user[confirmPassword]" class="form-control" required>
            </div>
            <button type="submit" id="btn-user-save" class="btn btn-success btn-lg btn-block">Set Permissions</button>
            <a href="/user" class="btn btn-default btn-lg btn-block">Cancel</a>
        </form>
    </div>
`;
}

/**
 * `GET /user/permissions/<id>` (A.10): hidden `userId` and `userIsNew` (always rendered empty), the unprefixed
 * "Accessible Sites" tree, `<select name="template">` and the `perms[i]` token matrix.
 */
export function userPermissionsPage(state: EmulatorState, u: BoUserRecord, flashes: Flash[]): string {
	const enabled = new Set(u.tokens);
	const templates = state.tenant.boTemplates
		.map((t) => `<option value="${t.id}" data-permissions-set="${esc(t.tokens.join(','))}">${esc(t.name)}</option>`)
		.join('');
	const matrix = state.tenant.boTokens
		.map(
			(token, i) => `
                <div class="form-group bo-permission-row">
                    <input type="hidden" name="perms[${i}][token]" value="${esc(token)}">
                    <input type="checkbox" id="perm-${i}" name="perms[${i}][isEnabled]" value="1" data-token="${esc(token)}" data-toggle="toggle"${attr('checked', enabled.has(token))}>
                    <label for="perm-${i}" class="control-label">${esc(token)}</label>
                </div>`,
		)
		.join('');
	const sub = `Name: <strong>${esc(u.firstName)} ${esc(u.lastName)}</strong>, Username: <strong>${esc(u.username)}</strong>`;
	return `${pageHeader('Back Office Access Control', sub)}

    <div class="form-sonny">
${renderAlerts(flashes)}
        <form data-submit-once id="user-permissions-update-form" action="/user/permissions/update" method="post">
            <input type="hidden" name="userId" value="${u.id}">
            <input type="hidden" name="userIsNew" value="">
            <h2>Accessible Sites</h2>
${siteTree(state, u.siteIds, 'bo')}
            <div class="form-group">
                <label class="control-label" for="template">Permissions Templates</label>
                <select id="template" name="template" class="form-control chosen-select" data-placeholder="Load from a Template">
                    <option value="" class="placeholder" selected></option>${templates}
                </select>
            </div>
            <h2>Permissions</h2>${matrix}
            <button type="submit" id="btn-user-permissions-save" class="btn btn-success btn-lg btn-block">Save</button>
        </form>
    </div>
`;
}
