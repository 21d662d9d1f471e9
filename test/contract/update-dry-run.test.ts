/** Dry runs (no POST, the plan equal to what the real run then does), reactivation, and the exact request bodies. */
import { describe, expect, it } from 'vitest';
import { serializeForm } from '../emulator/tests/helpers';
import { capturePairs } from '../support/captures';
import { encodeSites } from '../emulator/tests/fixtures';
import { newHire, routes, since, type Emu, useWarmSetup } from './helpers';

const warm = useWarmSetup();

const postsOf = (emu: Emu, from: number) => since(emu, from).filter((r) => r.method === 'POST');
const pairsOf = (body: string) => [...new URLSearchParams(body)];

/** The names whose values differ between two bodies (what a plan names). */
function changedNames(before: Array<[string, string]>, after: Array<[string, string]>): string[] {
	const key = (pairs: Array<[string, string]>, n: string) => JSON.stringify(pairs.filter(([k]) => k === n).map(([, v]) => v));
	const names = [...new Set([...after.map(([k]) => k), ...before.map(([k]) => k)])];
	return names.filter((n) => key(before, n) !== key(after, n));
}

describe('dry runs write nothing and plan exactly what the real run does', () => {
	it('updateEmployee: changes and plannedRequests, zero POSTs; the real run posts the same paths and fields', async () => {
		const s = await warm();
		const changes = { firstName: 'Blakely', posPin: 24680, availableSites: ['Wash 37135'], wageRate: '15.00', permission: 'Shift Leader' };
		let from = s.emu.requests.length;
		const preview = await s.client.updateEmployee({ posUserId: 1008, changes, dryRun: true });
		expect(postsOf(s.emu, from)).toEqual([]);
		expect(preview).toMatchObject({ dryRun: true, changesApplied: [], unchanged: false, phases: ['properties', 'compensation', 'permission'] });
		expect(JSON.stringify(preview)).not.toContain('24680');
		const editBefore = await pageBody(s.emu, '/employee/edit/103');
		from = s.emu.requests.length;
		const real = await s.client.updateEmployee({ posUserId: 1008, changes });
		const posted = postsOf(s.emu, from);
		expect(posted.map((p) => p.path)).toEqual(preview.plannedRequests!.map((p) => p.path));
		expect(real.changes).toEqual(preview.changes);
		expect(real.wageEffectiveDate).toBe(preview.wageEffectiveDate);
		// The properties body differs from the page's own (sites re-encoded per A.3.2) exactly in the planned fields.
		const pageBodyPairs = serializeForm(editBefore, '#employee-create-edit-form').filter(([k]) => !/^employee\[(sites|disabled|isAll)/.test(k));
		const sent = pairsOf(posted[0].body).filter(([k]) => !/^employee\[(sites|disabled|isAll)/.test(k));
		const sitePlan = preview.plannedRequests![0].fields.filter((f) => /^employee\[(sites|disabled)/.test(f));
		expect([...changedNames(pageBodyPairs, sent), ...sitePlan].sort()).toEqual([...preview.plannedRequests![0].fields].sort());
		expect(preview.plannedRequests![0].fields).toContain('posCredential[POSLoginPassword]');
		expect(preview.plannedRequests![2].fields.length).toBeGreaterThan(0);
	});

	it('reactivateEmployee, disableEmployee and createEmployee dry runs: zero POSTs, the real run then matches', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const re = await s.client.reactivateEmployee({ posUserId: 1029, dryRun: true });
		expect(re).toMatchObject({ alreadyActive: false, changes: { isActive: { from: false, to: true } }, plannedRequests: [{ path: '/employee/update', fields: ['employee[isActive]'] }] });
		const off = await s.client.disableEmployee({ posUserId: 1008, dryRun: true });
		expect(off).toMatchObject({ dryRun: true, changes: { isActive: { from: true, to: false } }, plannedRequests: [{ phase: 'properties', method: 'POST', path: '/employee/update', fields: ['employee[isActive]'] }] });
		const hire = newHire({ posPin: 13579, requiresBackoffice: true, backofficeUsername: 'dryrun_user' });
		const plan = await s.client.createEmployee({ ...hire, dryRun: true });
		expect(postsOf(s.emu, from)).toEqual([]);
		expect(s.emu.state.findEmployeeByPosUserId(hire.posUserId)).toBeUndefined();
		expect(plan.plannedRequests.map((p) => p.path)).toEqual(['/employee/insert', '/employee/permissions/update', '/user/insert', '/user/permissions/update']);
		expect(plan.changes.posPin).toEqual({ from: '*****', to: '*****' });
		expect(JSON.stringify(plan)).not.toContain('13579');
		const at = s.emu.requests.length;
		const made = await s.client.createEmployee(hire);
		const posted = postsOf(s.emu, at);
		expect(posted.map((p) => p.path)).toEqual(plan.plannedRequests.map((p) => p.path));
		expect(pairsOf(posted[0].body).map(([k]) => k)).toEqual(plan.plannedRequests[0].fields);
		expect(made.sitesGranted).toEqual(plan.sitesGranted);
		expect(made.permissionApplied).toBe(plan.permissionApplied);
		// The reactivation and the disable then do what their previews said.
		for (const [preview, run] of [
			[re, () => s.client.reactivateEmployee({ posUserId: 1029 })],
			[off, () => s.client.disableEmployee({ posUserId: 1008 })],
		] as const) {
			const at2 = s.emu.requests.length;
			const real = await run();
			expect(real.changes).toEqual(preview.changes);
			const sent = postsOf(s.emu, at2);
			expect(sent.map((p) => p.path)).toEqual(preview.plannedRequests!.map((p) => p.path));
			expect(pairsOf(sent[0].body).some(([k]) => k === 'employee[isActive]')).toBe(preview.changes.isActive.to);
		}
	});
});

describe('reactivateEmployee', () => {
	it('without changes: the round trip with employee[isActive]=1, read back active', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.reactivateEmployee({ posUserId: 1029 });
		expect(routes(since(s.emu, from))).toEqual(['GET /employee', 'GET /employee/edit/112', 'POST /employee/update', 'GET /employee/edit/112']);
		expect(s.emu.state.getEmployee(112)!.isActive).toBe(true);
		expect(r).toMatchObject({ alreadyActive: false, changesApplied: ['activated'], changes: { isActive: { from: false, to: true } } });
	});

	it('with a new site and wage in the same run (a rehire)', async () => {
		const s = await warm();
		const r = await s.client.reactivateEmployee({ posUserId: 1029, changes: { availableSites: ['Wash 37135'], wageRate: '17.00' } });
		const e = s.emu.state.getEmployee(112)!;
		expect(e.isActive).toBe(true);
		expect(s.emu.state.siteNames(e.siteIds)).toEqual(['Wash 37135']);
		expect(e.wages.at(-1)).toMatchObject({ regularRate: '17.00', overtimeEligible: true, overtimeRate: '25.50' });
		expect(r.changesApplied).toEqual(['properties', 'activated', 'compensation']);
	});

	it('an active employee: nothing posted, alreadyActive', async () => {
		const s = await warm();
		const from = s.emu.requests.length;
		const r = await s.client.reactivateEmployee({ posUserId: 1008 });
		expect(postsOf(s.emu, from)).toEqual([]);
		expect(r).toMatchObject({ alreadyActive: true, unchanged: true, changesApplied: [] });
	});
});

/** The captured browser round trip of employee 485's edit page (A.7), the emulator holding the same employee. */
const capture = (file: string): Array<[string, string]> => capturePairs(file);

describe('request bodies equal what a browser submits from the same edit page', () => {
	it('update and reactivation of the captured employee 485: page order, field overlaid, isActive=1, sites per A.3.2', async () => {
		const s = await warm();
		s.emu.state.nextEmployeeId = 485;
		s.emu.state.nextCredentialId = 428;
		const insert = await fetch(`${s.emu.url}/employee/insert`, { method: 'POST', headers: { cookie: await cookie(s.emu), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(capture('allowed_employee_insert_v2_request.json')).toString(), redirect: 'manual' });
		expect(insert.headers.get('location')).toBe('/employee/permissions/485');
		const browser = capture('allowed_employee_update_full_disable_request.json');
		const expected = (over: Record<string, string>) => {
			const out: Array<[string, string]> = [];
			for (const [k, v] of browser) {
				if (/^employee\[(sites|disabledRegions|disabledDistricts)\]/.test(k)) {
					if (!out.some(([n]) => n.startsWith('employee[disabled') || n.startsWith('employee[sites]'))) out.push(...encodeSites([17, 18, 19]));
					continue;
				}
				out.push([k, k === 'employee[startDate]' ? '04/13/2026' : (over[k] ?? v)]);
				if (k === 'employee[startDate]') out.push(['employee[isActive]', '1']);
			}
			return out;
		};
		let from = s.emu.requests.length;
		await s.client.updateEmployee({ employeeId: 485, changes: { firstName: 'Renamed' } });
		expect(pairsOf(postsOf(s.emu, from)[0].body)).toEqual(expected({ 'employee[firstName]': 'Renamed' }));
		await s.client.disableEmployee({ employeeId: 485 });
		from = s.emu.requests.length;
		await s.client.reactivateEmployee({ employeeId: 485 });
		expect(pairsOf(postsOf(s.emu, from)[0].body)).toEqual(expected({ 'employee[firstName]': 'Renamed' }));
	});
});

async function pageBody(emu: Emu, path: string): Promise<string> {
	return (await fetch(emu.url + path, { headers: { cookie: await cookie(emu) } })).text();
}

let jar: { emu: Emu; cookie: string } | undefined;
async function cookie(emu: Emu): Promise<string> {
	if (jar?.emu === emu) return jar.cookie;
	const res = await fetch(`${emu.url}/login_check`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_username=demo-bot&_password=demo-password', redirect: 'manual' });
	jar = { emu, cookie: `PHPSESSID=${/PHPSESSID=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]}` };
	return jar.cookie;
}
