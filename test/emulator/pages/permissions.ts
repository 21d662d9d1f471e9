import { attr, esc, renderAlerts, type Flash } from '../html';
import type { EmulatorState } from '../state';
import type { EmployeeRecord, PosPermission } from '../types';
import { pageHeader } from './layout';

function permissionRow(p: PosPermission, label: string, description: string, granted: boolean, override: boolean): string {
	return `

                <h4>${esc(label)}</h4>
                <div class="row">
                    <div class="form-col-main">

                        <div class="sbox sbox-bg sbox-edge2edge sbox-toggle-list">
                            <div class="form-group">
                                <input type="hidden" name="permissions[${p.id}][id]" value="${p.id}" />
                                <input type="hidden" name="permissions[${p.id}][label]" value="${esc(label)}" />
                                <input type="hidden" name="permissions[${p.id}][description]" value="${esc(description)}" />
                                <input type="checkbox"
                                       id="perm-grant-${p.id}"
                                       aria-describedby="perm-${p.id}-help"
                                       class="permission-grant"
                                       name="permissions[${p.id}][hasGrantAccess]"
                                       value="1"
                                       data-permission-id="${p.id}"
                                       data-toggle="toggle"
                                       data-size="small"
                                       data-width="70"
                                       data-onstyle="success"
                                       data-offstyle="danger"
                                       data-on="Grant"
                                       data-off="Deny"
                                       data-fhchecked-toggle-collapse-open="#sbox-perm-override-${p.id}"
                                       ${attr('checked', granted)}>
                                <label for="perm-grant-${p.id}" class="control-label">Access</label>
                            </div><!-- /form-group -->
                        </div><!-- /sbox -->
                        <div id="sbox-perm-override-${p.id}" class="sbox-collapse-area collapse${granted ? ' in' : ''}">
                            <div class="sbox sbox-bg sbox-edge2edge sbox-toggle-list">
                                <div class="form-group">
                                    <input type="checkbox"
                                           id="perm-override-${p.id}"
                                           aria-describedby="perm-${p.id}-help"
                                           class="permission-override"
                                           name="permissions[${p.id}][requiresOverride]"
                                           value="1"
                                           data-toggle="toggle"
                                           data-on="Yes"
                                           data-off="No"
                                           ${attr('checked', override)}>
                                    <label for="perm-override-${p.id}" class="control-label">Requires Approval</label>
                                </div><!-- /form-group -->
                            </div><!-- /sbox -->
                        </div>
                    </div><!-- /col -->
                    <div class="form-col-aside">
                        <p id="perm-${p.id}-help" class="help-block">${esc(description)}</p>
                    </div>
                </div><!-- /row -->`;
}

/**
 * `GET /employee/permissions/<id>` (protocol A.6), raw server HTML as in the captured excerpt: template select
 * (always blank), the Action Approval Authority block (hidden `permissions[1][requiresOverride]` value 0), then the
 * groups in page order with permission 1 rendered a second time as "Manager Approval".
 */
export function permissionsPage(state: EmulatorState, e: EmployeeRecord, flashes: Flash[]): string {
	const t = state.tenant;
	const options = t.posTemplates
		.map(
			(tp) => `
                                <option
                                        value="${tp.id}"
                                        data-permissions-set="${tp.grants.join(',')}"
                                        data-manager-override-permissions-set="${tp.overrides.join(',')}"
                                >${esc(tp.name)}</option>`,
		)
		.join('');
	const p1 = t.posPermissions.find((p) => p.id === 1);
	const grants = new Set(e.posGrants);
	const overrides = new Set(e.posOverrides);
	let groups = '';
	for (const g of t.posPermissionGroups) {
		let rows = '';
		for (const id of g.ids) {
			const p = t.posPermissions.find((x) => x.id === id);
			if (!p) continue;
			const alias = t.posPermissionAliases[String(id)];
			rows += permissionRow(p, alias?.label ?? p.label, alias?.description ?? p.description, grants.has(id), overrides.has(id));
		}
		groups += `

                <div class="sbox-collapse ">
    <a id="link-sbox-collapse-permission-group${g.slug}"
       class="sbox-collapse-head  collapsed"
       role="button"
       data-toggle="collapse"
       href="#sbox-permission-group${g.slug}"
       aria-expanded="false"
       aria-controls="sbox-permission-group${g.slug}">
                <h3 class="sbox-collapse-title">${esc(g.title)}<span class="sr-only">View Options</span></h3>
        <div class="btn-faux btn btn-primary btn-block">View Permissions</div>
    </a>
    <div class="sbox-collapse-area-wrapper">
        <div id="sbox-permission-group${g.slug}"
             class="sbox-collapse-area collapse"
             aria-labelledby="link-sbox-collapse-permission-group${g.slug}">${rows}
        </div>
    </div>
</div>`;
	}
	const sub = `Name: <strong>${esc(e.firstName)} ${esc(e.lastName)}</strong>, POS ID: <strong>${e.posUserId}</strong>`;
	return `${pageHeader('Employee Access', sub)}

    <div class="form-sonny">
${renderAlerts(flashes)}
        <form data-submit-once id="employee-permission-update-form" action="/employee/permissions/update" method="post">

            <input type="hidden" name="employeeId" value="${e.id}">
            <div class="form-group">
                <label class="control-label" for="template">Permissions Templates</label>
                        <select
                                id="template"
                                class="form-control chosen-select"
                                data-placeholder="Load from a Template"
                                name="templateId">
                            <option value="" class="placeholder" selected></option>${options}
                        </select>
            </div><!-- /form-group -->

            <h4>Action Approval Authority</h4>
            <div class="row">
                <div class="form-col-main">
                    <div class="sbox sbox-bg sbox-edge2edg sbox-toggle-list">
                        <div class="form-group">
                            <input type="hidden" id="has-action-approval-authority" name="hasActionApprovalAuthority" value="${e.hasActionApprovalAuthority ? 1 : 0}" />
                            <input type="hidden" name="permissions[1][id]" value="1" />
                            <input type="hidden" name="permissions[1][label]" value="${esc(p1?.label ?? '')}" />
                            <input type="hidden" name="permissions[1][description]" value="${esc(p1?.description ?? '')}" />
                            <input type="hidden" name="permissions[1][requiresOverride]" value="0" />
                            <input type="checkbox"
                                   id="action-approval-authority"
                                   aria-describedby="action-approval-authority-help"
                                   name="permissions[1][hasGrantAccess]"
                                   value="1"
                                   data-toggle="toggle"
                                   data-on="Yes"
                                   data-off="No"
                                   ${attr('checked', grants.has(1))}>
                            <label for="action-approval-authority" class="control-label">Give Authority</label>
                        </div><!-- /form-group -->
                    </div><!-- /sbox -->
                </div><!-- /col -->
                <div class="form-col-aside">
                    <p id="action-approval-authority-help" class="help-block">${esc(p1?.description ?? '')}</p>
                </div><!-- /col -->
            </div><!-- /row -->

            <h2>Permissions</h2>
${groups}

            <div class="row">
                <div class="col-xs-6">
                    <button type="submit" id="btn-permission-save" class="btn btn-success btn-lg btn-block">Save</button>
                </div>
                <div class="col-xs-6">
                    <a href="/employee" class="btn btn-default btn-lg btn-block">Cancel</a>
                </div>
            </div>
        </form>
    </div>
`;
}
