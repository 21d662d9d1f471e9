import { DuplicateError, ValidationError, VerificationError } from '../errors';
import { generatePin } from '../generators';
import type { CreateEmployeeDryRunInput, EmployeeCreated, EmployeeCreatePreview, Permission } from '../models/api';
import { formatMoney } from '../models/money';
import { validateCreateEmployee } from '../models/schemas';
import type { Pairs } from '../html/form';
import type { EditPage } from '../pages/employee-edit';
import { buildEmployeeInsertPairs } from '../payloads/employee-insert';
import { resolveSiteNames } from '../payloads/site-availability';
import { applyPosTemplate } from './apply-pos-template';
import { previewCreate } from './create-preview';
import type { OperationContext } from './context';
import { assertUsernameFree, checkSiteNames, createLinkedUser, resolveBoTemplate } from './create-backoffice-user';
import { findByPosUserId, readEditPage } from './employee-lookup';
import { loadCreatePage, loadPosTemplates, resolveDepartments, resolveTemplate } from './discovery';
import { reconcileLostInsert } from './reconcile';
import { afterAcceptedWrite, idFromLocation, isAmbiguousFailure, rejectionFromResponse, sameSet } from './write-outcome';

type Validated = ReturnType<typeof validateCreateEmployee>;

const EMPLOYEE_ID_IN_LOCATION = /^\/employee\/(edit|permissions)\/(\d+)$/;

/**
 * Creates a POS employee: validate -> resolve template, sites, departments -> pre-flight POS id (live),
 * e-mail and phone (cached index; the phone only from a cached roster with `skipPhonePreflight`) -> POST insert -> read back the granted sites -> POST the full
 * permission matrix -> read the permissions back -> optional linked Backoffice user.
 * The insert is never re-sent; after an ambiguous failure the POS id is looked up instead.
 */
export async function createEmployee(ctx: OperationContext, input: CreateEmployeeDryRunInput): Promise<EmployeeCreated | EmployeeCreatePreview> {
	const v = validateCreateEmployee(input);
	const release = ctx.caches.index.claim({
		posUserId: v.posUserId,
		email: v.email,
		phoneDigits: v.phone,
		username: v.requiresBackoffice ? v.backofficeUsername : undefined,
	});
	try {
		return await create(ctx, v);
	} finally {
		release();
	}
}

async function create(ctx: OperationContext, v: Validated): Promise<EmployeeCreated | EmployeeCreatePreview> {
	const warnings: string[] = [];
	const page = await loadCreatePage(ctx);
	const granted = resolveSiteNames(page, v.availableSites);
	const departmentIds = resolveDepartments(page.departments, v.departments);
	const index = ctx.caches.index;
	// Skipping the phone pre-flight skips the roster download; the e-mail list then gives the template lookup an employee.
	if (v.skipPhonePreflight) await index.loadEmails(ctx.session);
	else await index.loadRoster(ctx.session);
	const pos = await loadPosTemplates(ctx);
	const resolved = resolveTemplate(pos.templates, v.permission, ctx.onUnknownPermission, 'pos');
	warnings.push(...resolved.warnings);
	await index.loadEmails(ctx.session);
	await preflight(ctx, v);
	let boTemplate: Permission | undefined;
	if (v.requiresBackoffice && v.backofficeUsername) {
		// Check the Backoffice template, sites and username before creating the employee: a problem found after the
		// insert would leave a half-done hire.
		if (v.backofficePermission !== undefined) boTemplate = await resolveBoTemplate(ctx, v.backofficePermission, warnings);
		await checkSiteNames(ctx, v.backofficeSites ?? v.availableSites);
		await assertUsernameFree(ctx, v.backofficeUsername);
	}

	const posPin = v.posPin ?? generatePin();
	const wageSiteId = granted === 'all' ? page.sites[0]?.id : granted[0];
	if (wageSiteId === undefined) throw new ValidationError('availableSites', 'the tenant has no site to attribute the wage to');
	const pairs = buildEmployeeInsertPairs(v, { tree: page, departmentIds, wageSiteId, granted, posPin });
	if (v.dryRun) return previewCreate(ctx, v, { page, pairs, granted, departmentIds, wageSiteId, template: resolved.template, schema: pos.schema, warnings });

	const employeeId = await insertEmployee(ctx, v, pairs, warnings);
	index.recordEmployee({
		employeeId,
		posUserId: v.posUserId,
		firstName: v.firstName,
		lastName: v.lastName,
		phoneDigits: v.phone,
		email: v.email,
	});
	const created = `employee ${employeeId} (POS user ID ${v.posUserId}) was created`;
	// From here on the employee exists: every error says so, so that nobody re-runs the whole hire.
	let edit: EditPage;
	let gotIds: number[];
	const template = resolved.template;
	try {
		// Read back before applying permissions: a wrong site grant must stop here (protocol A.5, v0.7.2 fix).
		edit = await readEditPage(ctx, employeeId);
		const allIds = page.sites.map((s) => s.id);
		const wantIds = granted === 'all' ? allIds : granted;
		gotIds = edit.availableSites === 'all' ? allIds : edit.availableSites;
		if (!sameSet(wantIds, gotIds)) {
			throw new VerificationError(
				`employee ${employeeId} was created but its site access reads back as [${siteNames(page.sites, gotIds).join(', ')}] ` +
					`instead of [${siteNames(page.sites, wantIds).join(', ')}]; the permission template was NOT applied`,
			);
		}
		await applyPosTemplate(ctx, employeeId, template, pos.schema, warnings);
	} catch (err) {
		throw afterAcceptedWrite(err, `${created}, but the create did not finish: `, `employee ${employeeId} was created`);
	}

	const result: EmployeeCreated = {
		employeeId,
		posUserId: v.posUserId,
		posPin,
		firstName: v.firstName,
		lastName: v.lastName,
		email: v.email,
		permissionApplied: template.name,
		sitesGranted: siteNames(page.sites, gotIds),
		departments: departmentNames(page.departments, edit.departmentIds.length > 0 ? edit.departmentIds : departmentIds),
		wageSite: page.sites.find((s) => s.id === wageSiteId)?.name ?? String(wageSiteId),
		wageRate: formatMoney(v.wageRate),
		overtimeWageRate: formatMoney(v.overtimeWageRate),
		warnings,
	};

	if (v.requiresBackoffice && v.backofficeUsername) {
		const user = await createLinkedUser(ctx, {
			employeeId,
			username: v.backofficeUsername,
			password: v.backofficePassword,
			email: v.email,
			template: boTemplate,
			siteNames: v.backofficeSites ?? v.availableSites,
		}).catch((err: unknown) => {
			// The user may exist already (its access step failed): then the message says so after this prefix.
			const userExists = err instanceof Error && / was created; its access /.test(err.message);
			throw afterAcceptedWrite(err, `${created} with its permissions, ${userExists ? 'but ' : 'but its Backoffice user was not: '}`);
		});
		result.backofficeUserId = user.userId;
		result.backofficeUsername = v.backofficeUsername;
		result.backofficePassword = user.password;
		result.backofficePermissionApplied = user.permissionApplied;
		result.backofficeSitesGranted = user.sitesGranted;
		warnings.push(...user.warnings);
	}
	return result;
}

/**
 * POST /employee/insert once and return the new employee id. Never re-sent: after an ambiguous failure the
 * POS id is looked up instead; when that cannot prove the outcome, the index forgets its e-mails and phones.
 */
async function insertEmployee(ctx: OperationContext, v: Validated, pairs: Pairs, warnings: string[]): Promise<number> {
	let failure: unknown;
	try {
		const res = await ctx.session.post('/employee/insert', pairs);
		const id = idFromLocation(res.location, EMPLOYEE_ID_IN_LOCATION);
		if (id !== undefined) return id;
		failure = await rejectionFromResponse(ctx, 'the new employee', res, { posUserId: v.posUserId, email: v.email, phone: v.phone });
	} catch (err) {
		failure = err;
	}
	if (!isAmbiguousFailure(failure)) throw failure;
	const cause = failure as Error;
	const employeeId = await reconcileLostInsert(ctx, v, cause).catch((e: unknown) => {
		// Created or not is unproven (it may still appear): the cached e-mails and phones must be read again.
		ctx.caches.index.invalidate();
		throw e;
	});
	warnings.push(
		`the create request failed (${cause.message}) but employee ${employeeId} with POS user ID ${v.posUserId} exists; it was not re-sent and the create continued`,
	);
	return employeeId;
}

async function preflight(ctx: OperationContext, v: Validated): Promise<void> {
	const row = await findByPosUserId(ctx, v.posUserId);
	if (row) throw new DuplicateError('posUserId', String(v.posUserId), undefined, row.employeeId);
	const byEmail = ctx.caches.index.byEmail(v.email);
	if (byEmail) throw new DuplicateError('email', v.email, undefined, byEmail.employeeId);
	const byPhone = ctx.caches.index.byPhone(v.phone);
	if (byPhone) throw new DuplicateError('phone', v.phone, undefined, byPhone.employeeId);
}

function departmentNames(available: Array<{ id: number; name: string }>, ids: readonly number[]): string[] {
	return ids.map((id) => available.find((d) => d.id === id)?.name ?? String(id));
}

function siteNames(sites: Array<{ id: number; name: string }>, ids: readonly number[]): string[] {
	return sites.filter((s) => ids.includes(s.id)).map((s) => s.name);
}
