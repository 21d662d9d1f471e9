// The example workflows (fixtures/workflows/) in real n8n 2.41.1 with the packed package installed as the
// Community Nodes screen installs it, against the emulator. Each test asserts what n8n answered and what
// Backoffice (the emulator's state) now holds.
import { describe, expect, it } from 'vitest';

import { outputOf, runFromTrigger, useE2eSession } from './env';

const e2e = useE2eSession();

function siteId(name: string): number {
	const site = e2e.emu.state.sites.find((s) => s.name === name);
	if (!site) throw new Error(`no site ${name}`);
	return site.id;
}

function departmentId(name: string): number {
	const dep = e2e.emu.state.tenant.departments.find((d) => d.name === name);
	if (!dep) throw new Error(`no department ${name}`);
	return dep.id;
}

function templateGrants(name: string): number[] {
	const t = e2e.emu.state.tenant.posTemplates.find((x) => x.name === name);
	if (!t) throw new Error(`no template ${name}`);
	return [...t.grants].sort((a, b) => a - b);
}

function writes(): string[] {
	return e2e.emu.requests.filter((r) => r.method === 'POST').map((r) => r.path);
}

async function poll<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const v = await fn();
		if (v !== undefined) return v;
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** Submits the published onboarding form (values in field order) and returns the page n8n then shows. */
async function submitOnboardingForm(values: string[]): Promise<string> {
	const formUrl = `${e2e.env.n8nUrl}/form/onboard-new-hire`;
	const form = new FormData();
	// Field order of the Form Trigger: first, last, e-mail, phone, POS user ID, wage, start date.
	values.forEach((v, i) => form.append(`field-${i}`, v));
	const submitted = await fetch(formUrl, { method: 'POST', body: form });
	expect(submitted.status).toBe(200);
	const { formWaitingUrl } = (await submitted.json()) as { formWaitingUrl: string };
	expect(formWaitingUrl).toMatch(/\/form-waiting\/\d+/);
	// The form page polls the execution status before it shows the completion page; so do we.
	const statusUrl = formWaitingUrl.replace(/(\/form-waiting\/\d+)/, '$1/n8n-execution-status');
	const status = await poll(async () => {
		const s = await (await fetch(statusUrl)).text();
		return s === 'running' || s === 'new' ? undefined : s;
	}, 'the onboarding execution');
	expect(status).toBe('form-waiting');
	return await (await fetch(formWaitingUrl)).text();
}

describe('1. onboarding from an n8n Form', () => {
	it('serves the form, creates the employee and shows the POS PIN on the completion page', async () => {
		const formUrl = `${e2e.env.n8nUrl}/form/onboard-new-hire`;
		const page = await fetch(formUrl);
		const html = await page.text();
		expect(page.status).toBe(200);
		expect(html).toContain('New hire');
		expect(html).toContain('POS user ID');

		const completion = await submitOnboardingForm(['Alex', 'Nguyen', 'alex.nguyen@example.com', '(615) 555-0300', '4343', '15.50', '2026-12-01']);

		const employee = e2e.emu.state.findEmployeeByPosUserId(4343);
		expect(employee).toBeDefined();
		expect(employee).toMatchObject({
			firstName: 'Alex',
			lastName: 'Nguyen',
			email: 'alex.nguyen@example.com',
			isActive: true,
			siteIds: [siteId('WashU Fiesta')],
			posGrants: templateGrants('General User'),
		});
		expect([...employee!.departmentIds].sort()).toEqual(
			[departmentId('Cashier'), departmentId('Greeter')].sort(),
		);
		expect(employee!.wages.at(-1)).toMatchObject({ regularRate: '15.50', siteId: siteId('WashU Fiesta') });
		expect(employee!.pin).toMatch(/^\d{5}$/);
		expect(completion).toContain('Alex Nguyen can start');
		expect(completion).toContain(`POS PIN ${employee!.pin}`);
	});

	it('a taken POS user ID: the page says who holds it and which field to correct, and nothing is created', async () => {
		const holder = e2e.emu.state.findEmployeeByPosUserId(1001)!;
		const before = e2e.emu.state.employees.length;
		const inserts = writes().filter((p) => p.startsWith('/employee/insert')).length;
		const page = await submitOnboardingForm(['Dana', 'Reyes', 'dana.reyes@example.com', '(615) 555-0311', '1001', '15.50', '2026-12-01']);
		const text = page.replace(/<[^>]*>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/\s+/g, ' ');
		expect(text).toContain('Dana Reyes was not created');
		expect(text).toContain(`POS User ID 1001 is already used by ${holder.firstName} ${holder.lastName}; choose another`);
		expect(text).toContain('correct POS user ID and submit it again');
		expect(text).not.toContain('Problem submitting response');
		expect(e2e.emu.state.employees.length).toBe(before);
		expect(writes().filter((p) => p.startsWith('/employee/insert')).length).toBe(inserts);
	});
});

describe('2. offboarding from an HR webhook', () => {
	const hook = () => `${e2e.env.n8nUrl}/webhook/sonnys-offboard`;
	const post = async (body: unknown) =>
		await fetch(hook(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	it('disables the employee and answers with the result', async () => {
		const target = e2e.emu.state.findEmployeeByPosUserId(1008)!;
		expect(target.isActive).toBe(true);
		const res = await post({ posUserId: 1008 });
		const body = (await res.json()) as Record<string, unknown>;
		expect(res.status).toBe(200);
		expect(body).toMatchObject({ ok: true, employeeId: target.id, posUserId: 1008, alreadyInactive: false });
		expect(e2e.emu.state.findEmployeeByPosUserId(1008)!.isActive).toBe(false);
	});

	it('answers again without posting when the employee is already disabled', async () => {
		const before = writes().length;
		const res = await post({ posUserId: 1008 });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ ok: true, posUserId: 1008, alreadyInactive: true });
		expect(writes().slice(before).filter((p) => p.startsWith('/employee/update'))).toEqual([]);
	});

	it('answers 422 with the reason for an unknown POS user ID and changes nothing', async () => {
		const active = e2e.emu.state.employees.filter((e) => e.isActive).length;
		const res = await post({ posUserId: 98765 });
		const body = (await res.json()) as { ok: boolean; error: string; field: string; code: string };
		expect(res.status).toBe(422);
		expect(body.ok).toBe(false);
		expect(body).toMatchObject({ field: 'posUserId', code: 'NOT_FOUND' });
		expect(body.error).toMatch(/98765|not found|no employee/i);
		expect(e2e.emu.state.employees.filter((e) => e.isActive).length).toBe(active);
	});
});

describe('3. a sync from a list (Create or Update)', () => {
	it('creates the good rows, reports the failed ones and never duplicates an employee', async () => {
		const before = e2e.emu.state.employees.length;
		const ex = await runFromTrigger(e2e.rest, 'sboBulkOnboard01', 'Run Bulk Onboarding');
		expect(ex.status).toBe('success');
		const [summary] = outputOf(ex, 'Summary');
		expect(summary!.json).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 2 });
		const createdRows = summary!.json.createdRows as Array<{ posUserId: number; posPin: number }>;
		expect(createdRows.map((r) => r.posUserId).sort()).toEqual([5101, 5102, 5103]);
		const failedRows = summary!.json.failedRows as Array<{ row: string; posUserId: number; error: string }>;
		expect(failedRows.map((r) => r.row).sort()).toEqual(['Casey Wong', 'Jordan Patel']);
		for (const r of failedRows) expect(r.error).toBeTruthy();
		// Jordan's e-mail belongs to another employee: refused before any write, naming that employee.
		expect(failedRows.find((r) => r.row === 'Jordan Patel')!.error).toMatch(/mail/i);

		expect(e2e.emu.state.employees.length).toBe(before + 3);
		for (const row of createdRows) {
			const e = e2e.emu.state.findEmployeeByPosUserId(row.posUserId)!;
			expect(e.isActive).toBe(true);
			expect(Number(e.pin)).toBe(row.posPin);
		}
		expect(e2e.emu.state.findEmployeeByPosUserId(5101)!.siteIds).toEqual([siteId('WashU Fiesta'), siteId('WashU Niles')].sort((a, b) => a - b));
		expect(e2e.emu.state.findEmployeeByPosUserId(5102)!.posGrants).toEqual(templateGrants('Cashier'));
		expect(e2e.emu.state.findEmployeeByPosUserId(5103)!.siteIds).toEqual(e2e.emu.state.sites.map((s) => s.id).sort((a, b) => a - b));
		expect(e2e.emu.state.findEmployeeByPosUserId(5104)).toBeUndefined();
		expect(e2e.emu.state.findEmployeeByPosUserId(5105)).toBeUndefined();
	});

	it('run again: every good row is unchanged and nothing is posted', async () => {
		const posts = writes().filter((p) => p !== '/login_check').length;
		const ex = await runFromTrigger(e2e.rest, 'sboBulkOnboard01', 'Run Bulk Onboarding');
		expect(ex.status).toBe('success');
		const [summary] = outputOf(ex, 'Summary');
		expect(summary!.json).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 2 });
		expect(writes().filter((p) => p !== '/login_check').length).toBe(posts);
	});
});

describe('4. pre-flight checks, then create', () => {
	it('creates the employee when the POS user ID, e-mail and phone are all free', async () => {
		const ex = await runFromTrigger(e2e.rest, 'sboPreflight0001', 'Run Pre-flight');
		expect(ex.status).toBe('success');
		expect(outputOf(ex, 'Check POS User ID')[0]!.json).toMatchObject({ field: 'posUserId', value: 5201, available: true });
		expect(outputOf(ex, 'Check Email')[0]!.json).toMatchObject({ field: 'email', available: true });
		expect(outputOf(ex, 'Check Phone')[0]!.json).toMatchObject({ field: 'phone', available: true });
		const [created] = outputOf(ex, 'Create Employee');
		expect(created!.json).toMatchObject({ posUserId: 5201, email: 'sam.okafor@example.com', permissionApplied: 'Cashier' });
		const e = e2e.emu.state.findEmployeeByPosUserId(5201)!;
		expect(e).toMatchObject({ firstName: 'Sam', lastName: 'Okafor', isActive: true, siteIds: [siteId('WashU Niles')] });
		expect(e.pin).toBe(String(created!.json.posPin));
	});

	it('creates nothing the second time and says which values are taken', async () => {
		const before = e2e.emu.state.employees.length;
		const inserts = writes().filter((p) => p.startsWith('/employee/insert')).length;
		const ex = await runFromTrigger(e2e.rest, 'sboPreflight0001', 'Run Pre-flight');
		expect(ex.status).toBe('success');
		expect(ex.data.resultData.runData['Create Employee']).toBeUndefined();
		const [report] = outputOf(ex, 'Not Created');
		expect(report!.json.created).toBe(false);
		expect(report!.json.reason).toContain('posUserId 5201 is already taken');
		expect(report!.json.reason).toContain('email sam.okafor@example.com is already taken');
		expect(e2e.emu.state.employees.length).toBe(before);
		expect(writes().filter((p) => p.startsWith('/employee/insert')).length).toBe(inserts);
	});
});

describe('5. a transfer or raise from an HR webhook', () => {
	const hook = () => `${e2e.env.n8nUrl}/webhook/sonnys-transfer-raise`;
	const post = async (body: unknown) =>
		await fetch(hook(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const change = { posUserId: 1022, site: 'Wash 37135', wageRate: '16.50', template: 'Shift Leader' };

	it('previews first: answers with what would change and writes nothing', async () => {
		const before = writes().length;
		const res = await post({ ...change, preview: true });
		const body = (await res.json()) as Record<string, unknown>;
		expect(res.status).toBe(200);
		expect(body).toMatchObject({ ok: true, preview: true, changesApplied: [], changes: { wageRate: { from: '15.75', to: '16.50' } } });
		expect((body.plannedRequests as Array<{ path: string }>).map((p) => p.path)).toEqual(['/employee/update', '/employee/compensation/update', '/employee/permissions/update']);
		expect(writes().slice(before).filter((p) => p !== '/login_check')).toEqual([]);
	});

	it('moves the employee, raises the wage and changes the template; answers with what changed', async () => {
		const target = e2e.emu.state.findEmployeeByPosUserId(1022)!;
		const res = await post(change);
		const body = (await res.json()) as Record<string, unknown>;
		expect(res.status).toBe(200);
		expect(body).toMatchObject({
			ok: true,
			preview: false,
			employeeId: target.id,
			changesApplied: ['properties', 'compensation', 'permission'],
			changes: { availableSites: { to: ['Wash 37135'] }, wageRate: { from: '15.75', to: '16.50' }, permission: { to: 'Shift Leader' } },
		});
		const after = e2e.emu.state.findEmployeeByPosUserId(1022)!;
		expect(after.siteIds).toEqual([siteId('Wash 37135')]);
		expect(after.wages.at(-1)).toMatchObject({ regularRate: '16.50', endDate: null });
		expect([...after.posGrants].sort((a, b) => a - b)).toEqual(templateGrants('Shift Leader'));
	});

	it('the same change again writes nothing; an unknown POS user ID answers 422', async () => {
		const before = writes().length;
		const res = await post(change);
		expect(await res.json()).toMatchObject({ ok: true, unchanged: true, changesApplied: [] });
		expect(writes().slice(before).filter((p) => p !== '/login_check')).toEqual([]);
		const bad = await post({ ...change, posUserId: 98765 });
		expect(bad.status).toBe(422);
		expect(((await bad.json()) as { error: string }).error).toMatch(/98765|not found|no employee/i);
	});
});
