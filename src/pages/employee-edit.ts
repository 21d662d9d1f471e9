/** `GET /employee/edit/<id>`: the stored profile and the full form for round trips (protocol A.7, B.7). Pure. */
import { UnexpectedPageError } from '../errors';
import type { Department } from '../models/api';
import { parseForm, type FormModel } from '../html/form';
import { parseDepartments } from './employee-create';
import { EMPLOYEE_FORM } from './selectors';
import { loadExpectedPage } from './page';
import { parseSiteTree, readAvailableSites, type SiteTree } from './site-tree';

/** The employee edit page: stored profile, site tree and the form as a browser would submit it. */
export interface EditPage {
	employeeId: number;
	/** `posCredential[id]`: the POS credential record id (not the POS user id). */
	credentialId: number | null;
	posUserId: number | null;
	firstName: string;
	lastName: string;
	email: string;
	/** Phone exactly as stored (as typed). */
	phone: string;
	/** `MM/DD/YYYY` (from `value`, else `data-value`), or null when empty. */
	startDate: string | null;
	/** `employee[isActive]` is rendered checked. */
	isActive: boolean;
	departmentIds: number[];
	/** Selected departments with their names. */
	departments: Department[];
	/** Granted site ids (page order) or `'all'`, by the v0.7.2 rules. */
	availableSites: number[] | 'all';
	adpEmployeeId: string;
	emergencyContactName: string;
	emergencyContactPhone: string;
	/** The site tree shown on the page (same shape as the create page's). */
	tree: SiteTree;
	/** The whole form, serialised as a browser would submit it (round trips, A.7). */
	form: FormModel;
}

function intOrNull(value: string | undefined): number | null {
	return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * Parse the edit page of one employee. Throws UnexpectedPageError when it is not an edit form
 * (login page, another page, or a form without `employee[id]`).
 */
export function parseEditPage(html: string, path = '/employee/edit'): EditPage {
	const $ = loadExpectedPage(html, path, EMPLOYEE_FORM);
	const form = parseForm($, EMPLOYEE_FORM, path);
	const idControl = form.control('employee[id]');
	const employeeId = intOrNull(idControl?.value);
	if (employeeId === null) throw new UnexpectedPageError(path, 'an employee form without employee[id] (not an edit page)');
	// Without the status checkbox "inactive" could not be told from "page changed": a disable would verify falsely.
	if (!form.control('employee[isActive]')) throw new UnexpectedPageError(path, 'an employee edit form without employee[isActive]');
	const text = (name: string) => form.control(name)?.value ?? '';
	const tree = parseSiteTree($);
	const allDepartments = parseDepartments($);
	const departmentIds = (form.control('employee[departments][]')?.options ?? [])
		.filter((o) => o.selected && /^\d+$/.test(o.value))
		.map((o) => Number(o.value));
	const startDate = text('employee[startDate]');
	return {
		employeeId,
		credentialId: intOrNull(form.control('posCredential[id]')?.value),
		posUserId: intOrNull(form.control('posCredential[POSLoginID]')?.value),
		firstName: text('employee[firstName]'),
		lastName: text('employee[lastName]'),
		email: text('employee[email]').trim(),
		phone: text('employee[phone]'),
		startDate: startDate === '' ? null : startDate,
		isActive: form.controls.some((c) => c.name === 'employee[isActive]' && c.checked),
		departmentIds,
		departments: allDepartments.filter((d) => departmentIds.includes(d.id)),
		availableSites: readAvailableSites($, tree),
		adpEmployeeId: text('employee[adpEmployeeId]'),
		emergencyContactName: text('employee[emergencyContactName]'),
		emergencyContactPhone: text('employee[emergencyContactPhone]'),
		tree,
		form,
	};
}
