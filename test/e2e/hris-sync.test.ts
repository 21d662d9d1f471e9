// Example 07, the nightly HRIS CSV sync, in real n8n 2.41.1 against the emulator: the export is read from disk,
// every active row is created or updated, leavers on the listed sites are disabled, and a truncated export trips
// the guard so that nobody is disabled.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { outputOf, runFromTrigger, useE2eSession } from './env';

const EXPORT_PATH = '/tmp/sbo-hris-export.csv';
const SAMPLE = join(__dirname, '..', '..', 'fixtures', 'hris-export.csv');
const WORKFLOW = 'sboNightlyHris01';
const TRIGGER = 'Nightly at 2:00';

const e2e = useE2eSession();

afterAll(() => {
	rmSync(EXPORT_PATH, { force: true });
});

const posts = (): string[] => e2e.emu.requests.filter((r) => r.method === 'POST' && r.path !== '/login_check').map((r) => r.path);
const byPos = (posUserId: number) => e2e.emu.state.findEmployeeByPosUserId(posUserId);
const snapshot = (ids: number[]): string => JSON.stringify(ids.map((id) => byPos(id)));

async function sync(): Promise<Record<string, any>> {
	const ex = await runFromTrigger(e2e.rest, WORKFLOW, TRIGGER);
	expect(ex.status, JSON.stringify(ex.data.resultData.error ?? null)).toBe('success');
	const [summary] = outputOf(ex, 'Summary');
	return summary!.json;
}

describe('7. nightly HRIS CSV sync', () => {
	const exported = [1015, 1120, 1225, 1155, 1085];
	let untouched: number[];
	let untouchedBefore: string;

	it('creates the new rows, updates the changed ones and disables a leaver on a listed site', async () => {
		copyFileSync(SAMPLE, EXPORT_PATH);
		untouched = e2e.emu.state.employees
			.map((e) => e.posUserId)
			.filter((p): p is number => p !== null && p !== undefined && !exported.includes(p) && p !== 1050);
		untouchedBefore = snapshot(untouched);
		expect(byPos(1050)!.isActive).toBe(true);

		const summary = await sync();
		expect(summary).toMatchObject({ created: 3, updated: 4, unchanged: 1, disabled: 1, failed: 1, guardTripped: false, guardReason: null });
		// Cruz Easton's row matches Backoffice already; the other four differ (raise, e-mail, template, department).
		const updated = summary.updatedRows as Array<{ posUserId: number; changes: Record<string, unknown> }>;
		expect(updated.map((r) => r.posUserId).sort()).toEqual([1015, 1085, 1120, 1155]);
		expect(Object.keys(updated.find((r) => r.posUserId === 1015)!.changes)).toContain('wageRate');
		expect(Object.keys(updated.find((r) => r.posUserId === 1120)!.changes)).toContain('email');
		expect(summary.leavers).toEqual([expect.objectContaining({ posUserId: 1050, name: 'Harper Hawthorn' })]);
		expect(summary.failedRows).toEqual([expect.objectContaining({ posUserId: 5204, status: 'failed' })]);

		for (const id of [5201, 5202, 5203]) expect(byPos(id)).toMatchObject({ isActive: true });
		expect(byPos(5201)).toMatchObject({ firstName: 'Robin', lastName: 'Sato', email: 'robin.sato@example.com' });
		expect(byPos(5204)).toBeUndefined();
		// Casey's raise from the export.
		expect(byPos(1015)!.wages.at(-1)!.regularRate).toBe('15.00');
		expect(byPos(1120)!.email).toBe('parker.oakhurst@example.invalid');
		expect(byPos(1050)!.isActive).toBe(false);
		// Nobody outside the export and the listed sites was touched (multi-site and other-site staff included).
		expect(snapshot(untouched)).toBe(untouchedBefore);
	});

	it('run again: every good row is unchanged, nobody is disabled and nothing is posted', async () => {
		const before = posts().length;
		const summary = await sync();
		expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 8, disabled: 0, failed: 1, guardTripped: false, leavers: [] });
		expect(posts().slice(before)).toEqual([]);
	});

	it('a truncated export trips the guard: nobody is disabled and the summary says why', async () => {
		const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
		writeFileSync(EXPORT_PATH, [lines[0], ...lines.filter((l) => /^520[12],/.test(l))].join('\n') + '\n');
		const active = e2e.emu.state.employees.filter((e) => e.isActive).length;
		// The roster Get Many reads lists no employee without a site (protocol E.13): the guard's share is of those.
		const listed = e2e.emu.state.employees.filter((e) => e.isActive && e.siteIds.length > 0).length;
		const before = posts().length;
		const summary = await sync();
		expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, disabled: 0, failed: 0, guardTripped: true });
		expect(summary.leavers.length).toBe(6);
		expect(summary.guardReason).toContain(`6 of ${listed} active employees`);
		expect(summary.guardReason).toContain('Nobody was disabled');
		expect(posts().slice(before)).toEqual([]);
		expect(e2e.emu.state.employees.filter((e) => e.isActive).length).toBe(active);
	});
});
