import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUPLICATE_MESSAGES, type Emulator } from '../index';
import { Browser, capturePairs, flashes, load, loggedIn, serializeForm, type Pairs } from './helpers';
import { createBody, encodeSites } from './fixtures';

describe('employee writes: validation, duplicates (ASSUMPTION E.1), permissions, compensation', () => {
	let emu: Emulator;
	let b: Browser;
	beforeAll(async () => {
		({ emu, b } = await loggedIn());
	});
	afterAll(() => emu.close());

	async function rejected(body: Pairs, message: RegExp | string): Promise<void> {
		const count = emu.state.employees.length;
		const next = emu.state.nextEmployeeId;
		const r = await b.post('/employee/insert', body);
		expect(r.status).toBe(302);
		expect(r.location).toMatch(/^\/employee\/create\?actionXfer=[A-Za-z0-9]{8}$/);
		expect(emu.state.employees.length).toBe(count);
		expect(emu.state.nextEmployeeId).toBe(next);
		const page = await b.get(r.location!);
		expect(page.body).toContain('id="employee-create-edit-form"');
		const errs = flashes(page.body).errors;
		expect(errs).toHaveLength(1);
		if (typeof message === 'string') expect(errs[0]).toBe(message);
		else expect(errs[0]).toMatch(message);
	}

	it('duplicate POS user ID (also of a disabled employee) is refused with the agreed flash', async () => {
		const inactive = emu.state.employees.find((e) => !e.isActive)!;
		await rejected(createBody({ 'posCredential[POSLoginID]': String(inactive.posUserId) }), DUPLICATE_MESSAGES.posUserId);
	});

	it('duplicate e-mail (case-insensitive, employees and BO users) and phone (digits) are refused', async () => {
		const withMail = emu.state.employees.find((e) => e.email && !e.isActive) ?? emu.state.employees.find((e) => e.email)!;
		await rejected(createBody({ 'employee[email]': withMail.email.toUpperCase() }), DUPLICATE_MESSAGES.email);
		await rejected(createBody({ 'employee[email]': 'demo-bot@example.invalid' }), DUPLICATE_MESSAGES.email);
		const withPhone = emu.state.employees.find((e) => e.phone.startsWith('('))!;
		await rejected(createBody({ 'employee[phone]': withPhone.phone.replace(/\D/g, '') }), DUPLICATE_MESSAGES.phone);
	});

	it('missing or empty required fields bounce with a flash naming the field', async () => {
		await rejected(createBody({ 'employee[startDate]': '' }), /Start Date/);
		await rejected(createBody({ 'employee[startDate]': '__omit__' }), /Start Date/);
		await rejected(createBody({ 'employee[firstName]': ' ' }), /First Name/);
		await rejected(createBody({ 'posCredential[POSLoginID]': 'abc' }), /POS User ID/);
		await rejected(createBody({ 'posCredential[POSLoginPassword]': '__omit__' }), /Pin/);
		await rejected(createBody({ 'wage[regularRate]': '1.234' }), /Hourly Rate/);
		await rejected(createBody().filter(([k]) => k !== 'employee[departments][]'), /department/);
		await rejected([...createBody(), ['employee[departments][]', '99']], /Departments/);
		await rejected(createBody({ 'wage[siteId]': '3' }), /Labor Site/);
	});

	it('update: a duplicate POS id of another employee bounces to the edit page and changes nothing', async () => {
		const [a, other] = emu.state.employees.filter((e) => e.isActive && e.siteIds.length);
		const page = await b.get(`/employee/edit/${a.id}`);
		const pairs = serializeForm(page.body, '#employee-create-edit-form').map(([k, v]): [string, string] => (k === 'posCredential[POSLoginID]' ? [k, String(other.posUserId)] : [k, v]));
		const before = structuredClone(a);
		const r = await b.post('/employee/update', pairs);
		expect(r.location).toMatch(new RegExp(`^/employee/edit/${a.id}\\?actionXfer=[A-Za-z0-9]{8}$`));
		expect(emu.state.getEmployee(a.id)).toEqual(before);
		expect(flashes((await b.get(r.location!)).body).errors).toEqual([DUPLICATE_MESSAGES.posUserId]);
	});

	it('update: a post with only employee[id] binds as an empty form and fails', async () => {
		const a = emu.state.employees[0];
		const r = await b.post('/employee/update', [['employee[id]', String(a.id)]]);
		expect(r.location).toMatch(/actionXfer=/);
	});

	it('permissions: a partial matrix is accepted and ignored; overrides only for granted ids, never for 1', async () => {
		const r0 = await b.post('/employee/insert', createBody({ 'posCredential[POSLoginID]': '66001', 'employee[email]': 'p1@example.invalid', 'employee[phone]': '' }, encodeSites([17])));
		const id = Number(r0.location!.split('/').pop());
		const page = await b.get(`/employee/permissions/${id}`);
		expect(load(page.body)('#template option[selected]').attr('value')).toBe('');
		const matrix = serializeForm(page.body, '#employee-permission-update-form');
		expect(matrix.filter(([k]) => k === 'permissions[1][requiresOverride]')).toEqual([['permissions[1][requiresOverride]', '0']]);
		const partial: Pairs = [['employeeId', String(id)], ['templateId', '1'], ['hasActionApprovalAuthority', '1'], ['permissions[22][id]', '22'], ['permissions[22][hasGrantAccess]', '1']];
		expect((await b.post('/employee/permissions/update', partial)).location).toBe('/employee');
		expect(emu.state.getEmployee(id)!.posGrants).toEqual([]);
		const full: Pairs = [
			...matrix,
			['permissions[1][hasGrantAccess]', '1'],
			['permissions[4][hasGrantAccess]', '0'],
			['permissions[4][requiresOverride]', '0'],
			['permissions[5][requiresOverride]', '1'],
		];
		expect((await b.post('/employee/permissions/update', full)).location).toBe('/employee');
		const e = emu.state.getEmployee(id)!;
		expect(e.posGrants).toEqual([1, 4]);
		expect(e.posOverrides).toEqual([4]);
		const back = load((await b.get(`/employee/permissions/${id}`)).body);
		expect(back('#action-approval-authority').attr('checked')).toBeDefined();
		expect(back('#perm-override-4').attr('checked')).toBeDefined();
		expect(back('#perm-override-5').attr('checked')).toBeUndefined();
		expect(emu.state.accessName(e)).toBe('Custom');
	});

	it('permissions: each WashU template applied through the matrix shows its name (Manager before General Manager)', async () => {
		const e = emu.state.employees.find((x) => x.isActive && x.siteIds.length)!;
		const matrix = capturePairs('e2e_permissions_request.json').filter(([k]) => !k.endsWith('[hasGrantAccess]') && !k.endsWith('[requiresOverride]') && k !== 'employeeId');
		for (const t of emu.state.tenant.posTemplates) {
			const body: Pairs = [['employeeId', String(e.id)], ...matrix, ...t.grants.map((g): [string, string] => [`permissions[${g}][hasGrantAccess]`, '1']), ...t.overrides.map((o): [string, string] => [`permissions[${o}][requiresOverride]`, '1'])];
			await b.post('/employee/permissions/update', body);
			expect(emu.state.accessName(e)).toBe(t.name === 'General Manager' ? 'Manager' : t.name);
			expect(emu.state.getEmployee(e.id)!.posOverrides).toEqual(t.overrides);
		}
	});

	it('compensation: a later effective date adds a record and ends the previous; same day is silently ignored', async () => {
		const r0 = await b.post('/employee/insert', createBody({ 'posCredential[POSLoginID]': '66002', 'employee[email]': 'p2@example.invalid', 'employee[phone]': '' }, encodeSites([17])));
		const id = Number(r0.location!.split('/').pop());
		const page = await b.get(`/employee/compensation/${id}`);
		const $ = load(page.body);
		expect($('#employee-compensation-edit-form').attr('action')).toBe('/employee/compensation/update');
		expect($('#employee-compensation-overtime-eligible').attr('checked')).toBeUndefined();
		expect($('#employee-compensation-overtime-rate').attr('disabled')).toBeDefined();
		expect($('#employee-compensation-effective-date').attr('data-pickadate-min')).toBe('05/02/2026');
		expect($('table.table-employee-compensation-history tbody tr')).toHaveLength(1);
		const post = (date: string, rate: string, eligible: boolean) =>
			b.post('/employee/compensation/update', [
				['employeeId', String(id)],
				['wage[effectiveDate]', date],
				['wage[isHourly]', '1'],
				['wage[regularRate]', rate],
				...(eligible ? ([['wage[isOvertimeEligible]', '1'], ['wage[overtimeRate]', '27.00']] as Pairs) : []),
			]);
		const same = await post('05/01/2026', '99.00', true);
		expect(same.location).toBe(`/employee/compensation/${id}`);
		expect(emu.state.getEmployee(id)!.wages).toHaveLength(1);
		const ok = await post('06/16/2026', '18.00', true);
		expect(ok.location).toBe(`/employee/compensation/${id}`);
		const w = emu.state.getEmployee(id)!.wages;
		expect(w.map((x) => [x.regularRate, x.effectiveDate, x.endDate, x.overtimeEligible])).toEqual([
			['15.50', '05/01/2026', '06/15/2026', true],
			['18.00', '06/16/2026', null, true],
		]);
		const bad = await post('', '18.00', false);
		expect(bad.location).toMatch(/actionXfer=/);
		const hist = load((await b.get(`/employee/compensation/${id}`)).body);
		const first = hist('table.table-employee-compensation-history tbody tr').first();
		expect(first.find('.employee-compensation-col-wage').text()).toBe('$18.00/hr');
		expect(first.find('.employee-compensation-col-end-date').text()).toBe('');
		expect(first.find('.employee-compensation-col-overtime-eligible i.fa-check').length).toBe(1);
	});
});
