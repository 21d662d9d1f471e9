/** The edit and compensation round trips as a browser makes them (A.7, A.8): all-sites pages, the PIN, too-early wages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index';
import { Browser, flashes, loggedIn, serializeForm, withoutKeys, type Pairs } from './helpers';
import { encodeSites } from './fixtures';

const EDIT = '#employee-create-edit-form';
const overlay = (pairs: Pairs, over: Record<string, string>): Pairs => pairs.map(([k, v]) => [k, over[k] ?? v]);
const sitesStripped = (pairs: Pairs) => withoutKeys(pairs, (k) => /^employee\[(sites|disabledRegions|disabledDistricts|isAll)/.test(k));

describe('edit round trip (A.7) and compensation (A.8) as a browser submits them', () => {
	let emu: Emulator;
	let b: Browser;
	beforeAll(async () => {
		({ emu, b } = await loggedIn());
	});
	afterAll(() => emu.close());

	it('an all-sites page (roll-ups checked, site twins disabled) round-trips as all; A.3.2 then restricts it', async () => {
		const page = (await b.get('/employee/edit/100')).body;
		const pairs = serializeForm(page, EDIT);
		expect(pairs.filter(([k]) => k.includes('[siteId]'))).toEqual([]);
		expect(pairs).toContainEqual(['employee[isAllRegionsAllowed]', 'on']);
		expect((await b.post('/employee/update', pairs)).location).toBe('/employee');
		expect(emu.state.getEmployee(100)!.siteIds).toEqual(emu.state.allSiteIds());
		await b.post('/employee/update', [...sitesStripped(pairs), ...encodeSites([17, 18])]);
		expect(emu.state.getEmployee(100)!.siteIds).toEqual([17, 18]);
		const again = serializeForm((await b.get('/employee/edit/100')).body, EDIT);
		expect(again.some(([k]) => k === 'employee[isAllRegionsAllowed]')).toBe(false);
		await b.post('/employee/update', again);
		expect(emu.state.getEmployee(100)!.siteIds).toEqual([17, 18]);
	});

	it('the PIN is bound from the round trip (changed when overlaid, kept otherwise); an empty PIN bounces', async () => {
		const pairs = serializeForm((await b.get('/employee/edit/103')).body, EDIT);
		const old = emu.state.getEmployee(103)!.pin;
		expect(pairs).toContainEqual(['posCredential[POSLoginPassword]', old]);
		await b.post('/employee/update', overlay(pairs, { 'employee[lastName]': 'Kept' }));
		expect(emu.state.getEmployee(103)!.pin).toBe(old);
		await b.post('/employee/update', overlay(pairs, { 'posCredential[POSLoginPassword]': '24680' }));
		expect(emu.state.getEmployee(103)!.pin).toBe('24680');
		const r = await b.post('/employee/update', overlay(pairs, { 'posCredential[POSLoginPassword]': '' }));
		expect(r.location).toMatch(/^\/employee\/edit\/103\?actionXfer=/);
		expect(emu.state.getEmployee(103)!.pin).toBe('24680');
	});

	it('reactivation: the round trip of an inactive employee with employee[isActive]=1 added', async () => {
		const pairs = serializeForm((await b.get('/employee/edit/112')).body, EDIT);
		expect(pairs.some(([k]) => k === 'employee[isActive]')).toBe(false);
		const i = pairs.findIndex(([k]) => k === 'employee[startDate]');
		await b.post('/employee/update', [...pairs.slice(0, i + 1), ['employee[isActive]', '1'], ...pairs.slice(i + 1)]);
		expect(emu.state.getEmployee(112)!.isActive).toBe(true);
		expect(emu.state.getEmployee(112)!.siteIds).toEqual([10, 17]);
	});

	it('compensation: the add-wage form round-trips with its data-value date; a date before the latest is ignored silently', async () => {
		const page = (await b.get('/employee/compensation/103')).body;
		const form = serializeForm(page, '#employee-compensation-edit-form');
		expect(form.find(([k]) => k === 'wage[effectiveDate]')![1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		expect(form.some(([k]) => k === 'wage[isOvertimeEligible]' || k === 'wage[overtimeRate]' || k === 'wage[siteId]')).toBe(false);
		const early = await b.post('/employee/compensation/update', overlay(form, { 'wage[effectiveDate]': '01/01/2020', 'wage[regularRate]': '30.00' }));
		expect(early.location).toBe('/employee/compensation/103');
		expect(flashes((await b.get(early.location!)).body)).toEqual({ errors: [], successes: [] });
		expect(emu.state.getEmployee(103)!.wages).toHaveLength(1);
		const ok = await b.post('/employee/compensation/update', [...overlay(form, { 'wage[effectiveDate]': '03/01/2026', 'wage[regularRate]': '14.00' })]);
		expect(ok.location).toBe('/employee/compensation/103');
		expect(emu.state.getEmployee(103)!.wages.map((w) => [w.regularRate, w.effectiveDate, w.endDate, w.overtimeEligible])).toEqual([
			['13.25', '02/06/2021', '02/28/2026', true],
			['14.00', '03/01/2026', null, false],
		]);
	});
});
