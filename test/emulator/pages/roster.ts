import { esc, renderAlerts, type Flash } from '../html';
import type { EmulatorState } from '../state';
import type { EmployeeRecord } from '../types';
import { pageHeader } from './layout';

/**
 * Roster filters (protocol A.2): `first_name`/`last_name` case-insensitive prefix, `posUserId` exact, `active`
 * (`active` by default, `inactive`, `all`), `sites[]`/`sites[N]`, `limit` (default page of 25), `sort_type`,
 * `sort_dir`. Unknown parameters (`search`, `q`, `page`, ...) are ignored. Employees without any site are hidden.
 */
export function filterRoster(state: EmulatorState, query: URLSearchParams): EmployeeRecord[] {
	const first = (query.get('first_name') ?? '').trim().toLowerCase();
	const last = (query.get('last_name') ?? '').trim().toLowerCase();
	const pos = (query.get('posUserId') ?? '').trim();
	const active = query.get('active');
	const mode = active === 'inactive' || active === 'all' ? active : 'active';
	const siteFilter = new Set<number>();
	for (const [k, v] of query) if (/^sites\[\d*\]$/.test(k) && /^\d+$/.test(v)) siteFilter.add(Number(v));
	const limitRaw = query.get('limit');
	const limit = limitRaw && /^\d+$/.test(limitRaw) && Number(limitRaw) > 0 ? Number(limitRaw) : 25;
	const sortKey = query.get('sort_type') === 'last_name' ? 'lastName' : 'firstName';
	const dir = query.get('sort_dir') === '-1' ? -1 : 1;
	const rows = state.employees.filter((e) => {
		if (e.siteIds.length === 0) return false;
		if (mode === 'active' && !e.isActive) return false;
		if (mode === 'inactive' && e.isActive) return false;
		if (first && !e.firstName.toLowerCase().startsWith(first)) return false;
		if (last && !e.lastName.toLowerCase().startsWith(last)) return false;
		if (pos && String(e.posUserId) !== pos) return false;
		if (siteFilter.size && !e.siteIds.some((s) => siteFilter.has(s))) return false;
		return true;
	});
	rows.sort((a, b) => {
		const x = a[sortKey].toLowerCase();
		const y = b[sortKey].toLowerCase();
		return (x < y ? -1 : x > y ? 1 : a.id - b.id) * dir;
	});
	return rows.slice(0, limit);
}

function row(state: EmulatorState, e: EmployeeRecord): string {
	const codes = e.siteIds
		.map((id) => state.siteById(id)?.shortCode ?? '')
		.filter(Boolean)
		.sort((a, b) => a.toUpperCase().localeCompare(b.toUpperCase()))
		.join(', ');
	const deps = state.tenant.departments
		.filter((d) => e.departmentIds.includes(d.id))
		.map((d) => `<li>${esc(d.name)}</li>`)
		.join('');
	const wage = state.currentWage(e);
	const since = e.startDate;
	const activeIcon = e.isActive
		? `<i class="fa fa-check fa-lg text-success" data-toggle="tooltip" title="Employee is Active since ${esc(since)}" data-date-replace="Employee is Active since %date%" data-date-utc="${esc(since)}"></i>`
		: `<i class="fa fa-times fa-lg text-danger" data-toggle="tooltip" title="Employee is Inactive" data-date-replace="" data-date-utc=""></i>`;
	return `
                <tr>
                    <td class="employees-col-first-name"><span style="white-space: pre">${esc(e.firstName)}</span></td>
                    <td class="employees-col-last-name"><span style="white-space: pre">${esc(e.lastName)}</span></td>
                    <td class="employees-col-sites">${esc(codes)}</td>
                    <td class="employees-col-template">${esc(state.accessName(e))}</td>
                    <td class="employees-col-pos-user-id">${e.posUserId}</td>
                    <td class="employees-col-departments"><ul class="list-inline nix-bm comma-separated">${deps}</ul></td>
                    <td class="employees-col-phone text-nowrap">${e.phone ? `<a href="tel:${esc(e.phone)}">${esc(e.phone)}</a>` : ''}</td>
                    <td class="employees-col-wage-type text-center">${wage ? (wage.isHourly ? 'Hourly' : 'Salary') : ''}</td>
                    <td class="employees-col-active text-center">${activeIcon}</td>
                    <td class="customers-col-edit text-nowrap text-right">
                        <a id="link-employee-compensation-${e.id}" href="/employee/compensation/${e.id}" class="btn btn-clear-info square" title="Compensation"><i class="fa fa-usd fa-lg"></i></a>
                        <a id="link-employee-permission-${e.id}" href="/employee/permissions/${e.id}" class="btn btn-clear-info square" title="POS Access"><i class="fa fa-key fa-lg"></i></a>
                        <a id="link-employee-timesheet-${e.id}" href="/timesheet/${e.id}" class="btn btn-clear-info square" title="Timesheet"><i class="fa fa-clock-o fa-lg"></i></a>
                        <a id="link-edit-employee-${e.id}" href="/employee/edit/${e.id}" class="btn btn-clear-success square" title="Edit"><i class="fa fa-pencil fa-lg"></i></a>
                    </td>
                </tr>`;
}

/** `GET /employee`: search form `#frm-employee-list-search` and `table.table-employees-list` (protocol A.2). */
export function rosterPage(state: EmulatorState, query: URLSearchParams, flashes: Flash[]): string {
	const rows = filterRoster(state, query);
	const siteOptions = state.sites.map((s) => `<option value="${s.id}">${esc(s.shortCode)}</option>`).join('');
	const v = (k: string) => esc(query.get(k) ?? '');
	const buttons = `
            <div class="col-head-btns">
                <a href="/employee/create" id="btn-employee-create" class="btn btn-success"><i class="fa fa-plus"></i> Create Employee</a>
                <a href="#sbox-employee-search" id="btn-employee-search-toggle" class="btn btn-info" data-toggle="collapse">Search &amp; Filter</a>
            </div>`;
	return `${pageHeader('Employees', '', buttons)}
${renderAlerts(flashes)}
    <div id="sbox-employee-search" class="collapse">
        <form id="frm-employee-list-search" method="get" action="/employee">
            <input type="hidden" name="sort_type" value="${query.get('sort_type') === 'last_name' ? 'last_name' : 'first_name'}">
            <input type="hidden" name="sort_dir" value="${query.get('sort_dir') === '-1' ? '-1' : '1'}">
            <input type="text" name="first_name" id="employee-search-first-name" class="form-control" value="${v('first_name')}" placeholder="First Name">
            <input type="text" name="last_name" id="employee-search-last-name" class="form-control" value="${v('last_name')}" placeholder="Last Name">
            <input type="number" name="posUserId" id="employee-search-pos-user-id" class="form-control" value="${v('posUserId')}" placeholder="POS User ID">
            <select name="active" id="employee-search-active" class="form-control">
                <option value="active">Active</option><option value="inactive">Inactive</option><option value="all">All</option>
            </select>
            <select name="sites[]" id="employee-search-sites" class="form-control" multiple>${siteOptions}</select>
            <button type="submit" class="btn btn-success">Search</button>
        </form>
    </div>

    <div class="table-responsive">
        <table class="table table-full-width table-striped table-hover table-employees-list">
            <thead>
                <tr>
                    <th class="employees-col-first-name"><a href="/employee?sort_type=first_name&amp;sort_dir=1">First Name</a></th>
                    <th class="employees-col-last-name"><a href="/employee?sort_type=last_name&amp;sort_dir=1">Last Name</a></th>
                    <th class="employees-col-sites">Sites</th>
                    <th class="employees-col-template">Access</th>
                    <th class="employees-col-pos-user-id">POS User ID</th>
                    <th class="employees-col-departments">Departments</th>
                    <th class="employees-col-phone text-nowrap">Phone</th>
                    <th class="employees-col-wage-type text-center">Wage Type</th>
                    <th class="employees-col-active text-center">Active</th>
                    <th class="customers-col-edit text-nowrap text-right"></th>
                </tr>
            </thead>
            <tbody>${rows.map((e) => row(state, e)).join('')}
            </tbody>
        </table>
    </div>
`;
}
