/**
 * updateEmployee and reactivateEmployee, top to bottom: find the employee (inactive included) -> read only the pages
 * the changes need (edit, compensation, permissions) -> compare with the live record -> check a new e-mail or phone
 * is free -> a dry run returns the plan here -> otherwise each phase posts once and is read back before the next
 * (properties A.7, compensation A.8, permission A.6). Only what differs is written; nothing is re-sent blindly.
 */
import { DuplicateError } from '../errors';
import type { ChangeApplied, EmployeeReactivated, EmployeeUpdated } from '../models/api';
import type { Changes } from '../models/changes';
import type { EmployeeRef } from '../models/employee-ref';
import type { ValidatedChanges } from '../models/update-schema';
import type { EditPage } from '../pages/employee-edit';
import { parsePosPermissionsPage } from '../pages/employee-permissions';
import { holdsTemplate, templateSubmission } from './apply-pos-template';
import { planCompensationChange } from './compensation-change';
import type { OperationContext } from './context';
import { resolveTemplate } from './discovery';
import { findEditPage, getEmployeePage, resolveEmployee } from './employee-lookup';
import { namePermissionLevel } from './employee-profile';
import { planOf, runPhases, type Submission } from './form-submission';
import { planProfileChange, PROPERTY_FIELDS } from './profile-change';

/** What to do besides the changes. */
export interface ChangeOptions {
	dryRun: boolean;
	/** Reactivation: `employee[isActive]` present in the round trip. */
	activate: boolean;
}

/** Runs an update or a reactivation. */
export async function changeEmployee(
	ctx: OperationContext,
	ref: EmployeeRef,
	changes: ValidatedChanges,
	options: ChangeOptions,
): Promise<EmployeeReactivated> {
	// Found by e-mail, the edit page also confirms who holds the address now (a stale map must not change another person).
	const needsPage = options.activate || 'email' in ref || PROPERTY_FIELDS.some((f) => changes[f] !== undefined);
	let page: EditPage | undefined;
	let employeeId: number;
	let posUserId: number | null;
	if (needsPage) {
		page = await findEditPage(ctx, ref, { includeInactive: true });
		employeeId = page.employeeId;
		posUserId = page.posUserId;
	} else {
		const found = await resolveEmployee(ctx, ref, { includeInactive: true });
		employeeId = found.employeeId;
		posUserId = found.posUserId ?? null;
	}
	const alreadyActive = options.activate && page?.isActive === true;
	const warnings: string[] = [];
	const all: Changes = {};
	const submissions: Array<Submission<unknown>> = [];
	if (page) {
		const profile = planProfileChange(ctx, page, changes, options.activate);
		await assertFree(ctx, employeeId, profile.changes);
		Object.assign(all, profile.changes);
		if (profile.submission) submissions.push(profile.submission as Submission<unknown>);
	}
	let wageEffectiveDate: string | undefined;
	if (changes.wageRate !== undefined) {
		const wage = await planCompensationChange(ctx, employeeId, { ...changes, wageRate: changes.wageRate });
		Object.assign(all, wage.changes);
		warnings.push(...wage.warnings);
		wageEffectiveDate = wage.wageEffectiveDate;
		if (wage.submission) submissions.push(wage.submission as Submission<unknown>);
	}
	if (changes.permission !== undefined) {
		const permission = await planPermissionChange(ctx, employeeId, changes.permission, warnings);
		Object.assign(all, permission.changes);
		if (permission.submission) submissions.push(permission.submission as Submission<unknown>);
	}
	if (alreadyActive) warnings.push(`employee ${employeeId} was already active; the activation posted nothing`);
	const phases = submissions.map((s) => s.phase as ChangeApplied);
	const result: EmployeeReactivated = {
		employeeId,
		posUserId,
		changesApplied: [],
		changes: all,
		unchanged: submissions.length === 0,
		...(wageEffectiveDate !== undefined && phases.includes('compensation') ? { wageEffectiveDate } : {}),
		warnings,
		dryRun: options.dryRun,
		phases,
		alreadyActive,
	};
	if (options.dryRun) return { ...result, plannedRequests: submissions.map(planOf) };
	if (submissions.length === 0) return result;

	const release = ctx.caches.index.claim({ email: changed(all, 'email'), phoneDigits: changed(all, 'phone') });
	try {
		const run = await runPhases(ctx, `updating employee ${employeeId}`, submissions);
		warnings.push(...run.warnings);
	} finally {
		release();
	}
	if (all.email || all.phone) {
		ctx.caches.index.recordEmployee({ employeeId, ...(posUserId !== null ? { posUserId } : {}), email: changed(all, 'email'), phoneDigits: changed(all, 'phone') });
	}
	result.changesApplied = reported(phases, all);
	return result;
}

/** `'properties'` only when a property changed, `'activated'` when the employee was activated. */
function reported(phases: ChangeApplied[], all: Changes): ChangeApplied[] {
	const out: ChangeApplied[] = [];
	for (const phase of phases) {
		if (phase !== 'properties') out.push(phase);
		else {
			if (PROPERTY_FIELDS.some((f) => all[f] !== undefined)) out.push('properties');
			if (all.isActive) out.push('activated');
		}
	}
	return out;
}

function changed(all: Changes, field: string): string | undefined {
	const to = all[field]?.to;
	return typeof to === 'string' ? to : undefined;
}

/** A new e-mail or phone must not belong to another employee (as on create; cached index, read once per client). */
async function assertFree(ctx: OperationContext, employeeId: number, all: Changes): Promise<void> {
	const index = ctx.caches.index;
	const email = changed(all, 'email');
	if (email !== undefined) {
		await index.loadEmails(ctx.session);
		const holder = index.byEmail(email);
		if (holder && holder.employeeId !== employeeId) throw new DuplicateError('email', email, undefined, holder.employeeId);
	}
	const phone = changed(all, 'phone');
	if (phone !== undefined) {
		await index.loadRoster(ctx.session);
		const holder = index.byPhone(phone);
		if (holder && holder.employeeId !== employeeId) throw new DuplicateError('phone', phone, undefined, holder.employeeId);
	}
}

/** The permission phase: the template's full matrix, unless the employee already has exactly its grants and overrides. */
async function planPermissionChange(ctx: OperationContext, employeeId: number, requested: string, warnings: string[]) {
	const path = `/employee/permissions/${employeeId}`;
	const page = parsePosPermissionsPage(await getEmployeePage(ctx, path, employeeId), path);
	// The page carries the templates and the schema: keep them for later creates.
	ctx.caches.posTemplates ??= { templates: page.templates, schema: page.schema };
	const resolved = resolveTemplate(page.templates, requested, ctx.onUnknownPermission, 'pos');
	warnings.push(...resolved.warnings);
	const template = resolved.template;
	if (holdsTemplate(page, template)) return { changes: {} };
	const level = namePermissionLevel(page.templates, page.granted, page.overrides);
	const from = level.templateName ?? (level.isCustom ? 'Custom' : 'None');
	return {
		changes: { permission: { from, to: template.name } },
		submission: templateSubmission(ctx, employeeId, template, page.schema, page),
	};
}
