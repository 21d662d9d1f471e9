/**
 * The properties phase of an update or reactivation (protocol A.7): the edit form round-tripped exactly as a browser
 * submits it, the site tree encoded per A.3.2, only the changed fields overlaid. Pure apart from the read-back.
 */
import { diffFields, sameValue, type Changes } from '../models/changes';
import type { ValidatedChanges } from '../models/update-schema';
import type { EditPage } from '../pages/employee-edit';
import { encodeSiteAvailability, isSiteAvailabilityField, resolveSiteNames, siteNamesOf } from '../payloads/site-availability';
import type { OperationContext } from './context';
import { absoluteState, type FieldMismatch, type Submission } from './form-submission';
import { resolveDepartments } from './discovery';
import { readEditPage } from './employee-lookup';
import { sameSet } from './write-outcome';

/** The change fields the edit form carries, in report order. */
export const PROPERTY_FIELDS = [
	'firstName',
	'lastName',
	'phone',
	'email',
	'departments',
	'availableSites',
	'adpEmployeeId',
	'emergencyContactName',
	'emergencyContactPhone',
	'posPin',
] as const;
type PropertyField = (typeof PROPERTY_FIELDS)[number];

/** Text fields and their form names. */
const TEXT_FIELDS = {
	firstName: 'employee[firstName]',
	lastName: 'employee[lastName]',
	phone: 'employee[phone]',
	email: 'employee[email]',
	adpEmployeeId: 'employee[adpEmployeeId]',
	emergencyContactName: 'employee[emergencyContactName]',
	emergencyContactPhone: 'employee[emergencyContactPhone]',
	posPin: 'posCredential[POSLoginPassword]',
} as const;
const DEPARTMENTS = 'employee[departments][]';
const ACTIVE = 'employee[isActive]';

/** What the properties phase would write: the submission (none when everything holds) and the changes. */
export interface ProfilePlan {
	submission?: Submission<EditPage>;
	changes: Changes;
}

const digits = (s: unknown) => String(s ?? '').replace(/\D/g, '');
const EQUAL = {
	phone: (a: unknown, b: unknown) => digits(a) === digits(b),
	emergencyContactPhone: (a: unknown, b: unknown) => digits(a) === digits(b),
	email: (a: unknown, b: unknown) => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase(),
	departments: (a: unknown, b: unknown) => sameValue([...(a as string[])].sort(), [...(b as string[])].sort()),
};

/**
 * Compares the requested property changes (and `activate`) with the edit page and builds the round trip: the form
 * as the page would submit it with the site tree re-encoded (A.3.2) is `before`; the same with the changed fields
 * overlaid is the body. Unknown department or site names are refused before any write, naming them.
 */
export function planProfileChange(ctx: OperationContext, page: EditPage, changes: ValidatedChanges, activate: boolean): ProfilePlan {
	const form = page.form;
	const current = currentProperties(page);
	const wanted: Partial<Record<PropertyField, unknown>> = {};
	for (const f of PROPERTY_FIELDS) if (changes[f] !== undefined) wanted[f] = changes[f];
	const departmentOptions = (form.control(DEPARTMENTS)?.options ?? [])
		.filter((o) => /^\d+$/.test(o.value))
		.map((o) => ({ id: Number(o.value), name: o.label }));
	const departmentIds = changes.departments ? resolveDepartments(departmentOptions, changes.departments, 'changes.departments') : [];
	if (changes.departments) wanted.departments = departmentIds.map((id) => departmentOptions.find((d) => d.id === id)?.name ?? String(id));
	const allIds = page.tree.sites.map((s) => s.id);
	const currentIds = page.availableSites === 'all' ? allIds : page.availableSites;
	let targetIds = currentIds;
	if (changes.availableSites) {
		const resolved = resolveSiteNames(page.tree, changes.availableSites);
		targetIds = resolved === 'all' ? allIds : resolved;
		wanted.availableSites = siteNamesOrAll(page, targetIds);
	}
	const changed = diffFields(current, wanted, PROPERTY_FIELDS, {
		secret: ['posPin'],
		equal: { ...EQUAL, posPin: (a, b) => String(a) === String(b) },
	});
	if (activate && !page.isActive) changed.isActive = { from: false, to: true };
	if (Object.keys(changed).length === 0) return { changes: changed };

	// The site tree is always sent as A.3.2 says, from the stored set when it does not change.
	if (currentIds.length > 0) form.replaceGroup(isSiteAvailabilityField, encodeSiteAvailability(page.tree, siteIdsOrAll(page, currentIds)));
	const before = form.pairs();
	for (const f of Object.keys(changed) as Array<PropertyField | 'isActive'>) {
		if (f === 'isActive') form.set(ACTIVE, '1');
		else if (f === 'departments') {
			form.setAll(DEPARTMENTS, [...new Set(departmentIds)].map(String));
		} else if (f === 'availableSites') form.replaceGroup(isSiteAvailabilityField, encodeSiteAvailability(page.tree, siteIdsOrAll(page, targetIds)));
		else form.set(TEXT_FIELDS[f], String(changes[f]));
	}
	const employeeId = page.employeeId;
	const expected = { ...current, ...wanted };
	const verify = (after: EditPage): FieldMismatch[] => {
		const wrong: FieldMismatch[] = [];
		const got = currentProperties(after);
		for (const f of Object.keys(changed) as Array<PropertyField | 'isActive'>) {
			if (f === 'isActive' || f === 'availableSites') continue;
			const equal = (EQUAL as Record<string, (a: unknown, b: unknown) => boolean>)[f] ?? ((a, b) => String(a) === String(b));
			if (!equal(got[f], expected[f])) wrong.push({ field: f, detail: f === 'posPin' ? undefined : `reads ${JSON.stringify(got[f])}` });
		}
		const gotIds = after.availableSites === 'all' ? allIds : after.availableSites;
		if (!sameSet(gotIds, targetIds)) wrong.push({ field: 'availableSites', detail: `reads ${JSON.stringify(siteNamesOrAll(after, gotIds))}` });
		if ((activate || page.isActive) && !after.isActive) wrong.push({ field: 'isActive', detail: 'the employee reads back inactive' });
		return wrong;
	};
	return {
		changes: changed,
		submission: {
			phase: 'properties',
			path: '/employee/update',
			before,
			pairs: form.pairs(),
			successPath: '/employee',
			action: `updating the properties of employee ${employeeId}`,
			readBackPath: `/employee/edit/${employeeId}`,
			readBack: () => readEditPage(ctx, employeeId),
			verify,
			...absoluteState(verify),
		},
	};
}

/** The property fields as the edit page shows them, in the vocabulary of `changes` (PIN masked is the caller's job). */
function currentProperties(page: EditPage): Record<PropertyField, unknown> {
	const allIds = page.tree.sites.map((s) => s.id);
	return {
		firstName: page.firstName,
		lastName: page.lastName,
		phone: page.phone,
		email: page.email,
		departments: page.departments.map((d) => d.name),
		availableSites: siteNamesOrAll(page, page.availableSites === 'all' ? allIds : page.availableSites),
		adpEmployeeId: page.adpEmployeeId,
		emergencyContactName: page.emergencyContactName,
		emergencyContactPhone: page.emergencyContactPhone,
		posPin: page.form.get(TEXT_FIELDS.posPin) ?? '',
	};
}

/** `'all'` when the ids cover every site of the tree, else the names (sorted). */
function siteNamesOrAll(page: EditPage, ids: readonly number[]): string[] | 'all' {
	return siteNamesOf(page.tree, siteIdsOrAll(page, ids));
}

function siteIdsOrAll(page: EditPage, ids: readonly number[]): number[] | 'all' {
	return page.tree.sites.length > 0 && page.tree.sites.every((s) => ids.includes(s.id)) ? 'all' : [...ids];
}
