import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index';
import { Browser, load, loggedIn, serializeForm, withoutKeys, type Pairs } from './helpers';
import { createBody, encodeSites, REGION1, REGION2 } from './fixtures';

describe('site availability (protocol A.3.1 / A.3.2) and presence binding (A.0)', () => {
	let emu: Emulator;
	let b: Browser;
	let pos = 70000;
	beforeAll(async () => {
		({ emu, b } = await loggedIn());
	});
	afterAll(() => emu.close());

	async function create(sites: Pairs, over: Record<string, string> = {}): Promise<number[]> {
		pos++;
		const r = await b.post('/employee/insert', createBody({ 'posCredential[POSLoginID]': String(pos), 'employee[email]': `s${pos}@example.invalid`, 'employee[phone]': `555${pos}`, ...over }, sites));
		expect(r.location).toMatch(/^\/employee\/permissions\/\d+$/);
		return emu.state.findEmployeeByPosUserId(pos)!.siteIds;
	}

	it('A.3.2 encoding grants exactly the requested set', async () => {
		expect(await create(encodeSites([1]))).toEqual([1]);
		expect(await create(encodeSites([17, 18]))).toEqual([17, 18]);
		expect(await create(encodeSites([4, 19]))).toEqual([4, 19]);
	});

	it('isAllRegionsAllowed with any value (1, 0, empty) grants everything and wins over denials', async () => {
		const all = emu.state.allSiteIds();
		expect(await create([['employee[isAllRegionsAllowed]', '1']])).toEqual(all);
		expect(await create([['employee[isAllRegionsAllowed]', '0'], ...encodeSites([1])])).toEqual(all);
		expect(await create([['employee[isAllRegionsAllowed]', '']])).toEqual(all);
	});

	it('isAvailable means denied whatever its value; a site needs its siteId twin', async () => {
		expect(await create([['employee[sites][17][siteId]', '17'], ['employee[sites][17][isAvailable]', '0']])).toEqual([]);
		expect(await create([['employee[sites][18][isAvailable]', '1']])).toEqual([]);
		expect(await create([['employee[sites][19][siteId]', '19']])).toEqual([19]);
	});

	it('roll-ups: a denied region/district hides its sites; all-districts / all-sites grant them', async () => {
		expect(await create([['employee[disabledRegions][]', '1'], ['employee[sites][17][siteId]', '17']])).toEqual([]);
		expect(await create([['employee[disabledDistricts][]', '1'], ['employee[sites][17][siteId]', '17']])).toEqual([]);
		expect(await create([['employee[isAllDistrictsAllowedByRegion][]', '1']])).toEqual(REGION1);
		expect(await create([['employee[isAllSitesAllowedByDistrict][2]', ''], ['employee[sites][1][isAvailable]', '1']])).toEqual([...REGION2].sort((a, b) => a - b));
		expect(await create([['employee[disabledRegions][]', '2'], ['employee[isAllDistrictsAllowedByRegion][]', '2']])).toEqual([]);
	});

	it('the create page denies everything by default; a browser-like blank submission grants nothing', async () => {
		const page = await b.get('/employee/create');
		const $ = load(page.body);
		expect($('input.boac-permission-region-option:not([checked])').length).toBe(0);
		expect($('input.boac-permission-site-option:not([checked])').length).toBe(0);
		expect($('input[type=hidden][name$="[siteId]"]:not([disabled])').length).toBe(0);
		expect($('#employee-compensation-overtime-rate').attr('disabled')).toBeDefined();
		expect($('select[name="wage[siteId]"]').attr('disabled')).toBeDefined();
		expect($('#employee-start-date').attr('value')).toBeUndefined();
		expect($('#employee-start-date').attr('name')).toBe('employee[startDate]');
		const form = serializeForm(page.body, '#employee-create-edit-form').filter(([k]) => /sites|Regions|Districts|isAll/.test(k));
		expect(form.filter(([k]) => k.includes('[siteId]'))).toEqual([]);
	});

	it('the edit page renders the stored set back and a browser round trip keeps it unchanged', async () => {
		await create(encodeSites([17, 18, 19]));
		const id = emu.state.findEmployeeByPosUserId(pos)!.id;
		const page = await b.get(`/employee/edit/${id}`);
		const $ = load(page.body);
		expect($('#boac-permission-region-2').attr('checked')).toBeDefined();
		expect($('#boac-permission-region-1').attr('checked')).toBeUndefined();
		expect($('#boac-permission-district-2').attr('checked')).toBeDefined();
		expect($('#boac-permission-district-2').attr('disabled')).toBeDefined();
		expect($('#boac-permission-site-17').attr('checked')).toBeUndefined();
		expect($('#boac-permission-site-option-hidden-input-17').attr('disabled')).toBeUndefined();
		expect($('#boac-permission-site-20').attr('checked')).toBeDefined();
		expect($('#boac-permission-site-option-hidden-input-20').attr('disabled')).toBeDefined();
		expect($('#employee-is-active').attr('checked')).toBeDefined();
		const pairs = serializeForm(page.body, '#employee-create-edit-form');
		expect(pairs.filter(([k]) => k === 'employee[disabledDistricts][]')).toEqual([]);
		const r = await b.post('/employee/update', pairs);
		expect(r.location).toBe('/employee');
		expect(emu.state.getEmployee(id)!.siteIds).toEqual([17, 18, 19]);
		expect(emu.state.getEmployee(id)!.isActive).toBe(true);
	});

	it('edit: switching sites with the A.3.2 encoding, and "all" renders isAllRegionsAllowed checked', async () => {
		const id = emu.state.findEmployeeByPosUserId(pos)!.id;
		const strip = (p: Pairs) => withoutKeys(p, (k) => /^employee\[(sites|disabledRegions|disabledDistricts|isAll)/.test(k));
		let pairs = strip(serializeForm((await b.get(`/employee/edit/${id}`)).body, '#employee-create-edit-form'));
		await b.post('/employee/update', [...pairs, ...encodeSites([4])]);
		expect(emu.state.getEmployee(id)!.siteIds).toEqual([4]);
		pairs = strip(serializeForm((await b.get(`/employee/edit/${id}`)).body, '#employee-create-edit-form'));
		await b.post('/employee/update', [...pairs, ['employee[isAllRegionsAllowed]', '1']]);
		const $ = load((await b.get(`/employee/edit/${id}`)).body);
		expect($('#boac-permission-type-region').attr('checked')).toBeDefined();
		expect(emu.state.getEmployee(id)!.siteIds).toEqual(emu.state.allSiteIds());
	});

	it('presence binding: employee[isActive]=0 keeps active; absent disables; =0 re-enables', async () => {
		const id = emu.state.findEmployeeByPosUserId(pos)!.id;
		const pairs = withoutKeys(serializeForm((await b.get(`/employee/edit/${id}`)).body, '#employee-create-edit-form'), (k) => k === 'employee[isActive]');
		await b.post('/employee/update', [...pairs, ['employee[isActive]', '0']]);
		expect(emu.state.getEmployee(id)!.isActive).toBe(true);
		await b.post('/employee/update', pairs);
		expect(emu.state.getEmployee(id)!.isActive).toBe(false);
		await b.post('/employee/update', [...pairs, ['employee[isActive]', 'false']]);
		expect(emu.state.getEmployee(id)!.isActive).toBe(true);
	});

	it('presence binding: wage[isOvertimeEligible]=0 means eligible; absent means not', async () => {
		await create(encodeSites([1]), { 'wage[isOvertimeEligible]': '0' });
		expect(emu.state.findEmployeeByPosUserId(pos)!.wages[0].overtimeEligible).toBe(true);
		await create(encodeSites([1]), { 'wage[isOvertimeEligible]': '__omit__', 'wage[overtimeRate]': '__omit__' });
		expect(emu.state.findEmployeeByPosUserId(pos)!.wages[0].overtimeEligible).toBe(false);
	});

	it('raw and percent-encoded brackets are both accepted', async () => {
		pos++;
		const { encodePairs } = await import('./helpers');
		const body = encodePairs(createBody({ 'posCredential[POSLoginID]': String(pos), 'employee[email]': `raw${pos}@example.invalid`, 'employee[phone]': '' }, encodeSites([2])), true);
		expect(body).toContain('employee[firstName]=');
		const r = await b.post('/employee/insert', body);
		expect(r.location).toMatch(/^\/employee\/permissions\/\d+$/);
		expect(emu.state.findEmployeeByPosUserId(pos)!.siteIds).toEqual([2]);
	});
});
