import { describe, expect, it } from 'vitest';

import type { EmployeeSummary } from '../../src/models/api';
import { compactRoster, expandSnapshot, isComparableSnapshot } from '../../src/models/roster-snapshot';
import { compareRoster } from '../../src/operations/roster-watch';
import { assertLoginAllowed, loginBackoffMs, recordLoginRefusal } from '../../src/session/login-backoff';

const ORIGIN = 'https://washu.sonnyscontrols.com';

function emp(id: number, overrides: Partial<EmployeeSummary> = {}): EmployeeSummary {
	return {
		employeeId: id,
		posUserId: 1000 + id,
		firstName: `First${id}`,
		lastName: `Last${id}`,
		phone: `615555${String(id).padStart(4, '0')}`,
		sites: ['CAROL', 'WHEAT'],
		accessLevel: 'General User',
		departments: ['Greeter'],
		isActive: true,
		...overrides,
	};
}

describe('roster snapshot', () => {
	it('round-trips every field, interning repeated lists once', () => {
		const roster = [emp(3, { phone: null, sites: [], departments: [] }), emp(1), emp(2, { departments: ['Greeter', 'Cashier, Lead'], isActive: false })];
		const snap = compactRoster(ORIGIN, roster);
		expect(snap.rows.map((r) => r[0])).toEqual([1, 2, 3]);
		expect(snap.strings.filter((s) => s === 'CAROL\nWHEAT')).toHaveLength(1);
		const back = expandSnapshot(JSON.parse(JSON.stringify(snap)));
		expect([...back.values()]).toEqual([emp(1), roster[2], roster[0]]);
		expect(isComparableSnapshot(snap, ORIGIN)).toBe(true);
		expect(isComparableSnapshot(snap, 'https://other.sonnyscontrols.com')).toBe(false);
		expect(isComparableSnapshot({ version: 2 }, ORIGIN)).toBe(false);
		// A damaged snapshot is not compared (the caller starts a new baseline instead of failing every poll).
		expect(isComparableSnapshot({ ...snap, rows: [[1, 1, 'a', 'b', null, 99, 0, 0, 1]] }, ORIGIN)).toBe(false);
		expect(isComparableSnapshot({ ...snap, rows: [[1]] }, ORIGIN)).toBe(false);
	});
});

describe('compareRoster', () => {
	const before = [emp(1), emp(2), emp(3), emp(4, { isActive: false })];
	const prev = compactRoster(ORIGIN, before);

	it('is a baseline without a snapshot, or with one of another tenant', () => {
		expect(compareRoster(ORIGIN, undefined, before)).toMatchObject({ baseline: true, events: [] });
		const other = compactRoster('https://other.sonnyscontrols.com', []);
		const r = compareRoster(ORIGIN, other, before);
		expect(r).toMatchObject({ baseline: true, events: [] });
		expect(r.snapshot).toEqual(prev);
	});

	it('finds nothing when nothing changed (site and department order aside)', () => {
		const same = before.map((e) => ({ ...e, sites: [...e.sites].reverse() }));
		expect(compareRoster(ORIGIN, prev, same)).toMatchObject({ baseline: false, events: [] });
	});

	it('reports new, deactivated, reactivated and changed employees, several in one read, by employee id', () => {
		const after = [
			emp(1, { isActive: false, accessLevel: 'Manager' }),
			emp(2, { firstName: 'Renée', sites: ['CAROL'], phone: null }),
			emp(3),
			emp(4, { isActive: true }),
			emp(9, { firstName: 'New' }),
		];
		const r = compareRoster(ORIGIN, prev, after);
		expect(r.events.map((e) => [e.event, e.employee.employeeId])).toEqual([
			['employeeDeactivated', 1],
			['employeeChanged', 1],
			['employeeChanged', 2],
			['employeeReactivated', 4],
			['newEmployee', 9],
		]);
		expect(r.events[0].changes).toEqual({ isActive: { from: true, to: false } });
		expect(r.events[1].changes).toEqual({ accessLevel: { from: 'General User', to: 'Manager' } });
		expect(r.events[2].changes).toEqual({
			firstName: { from: 'First2', to: 'Renée' },
			phone: { from: '6155550002', to: null },
			sites: { from: ['CAROL', 'WHEAT'], to: ['CAROL'] },
		});
		expect(r.events[2].previous).toEqual(emp(2));
		expect(r.events[4]).toEqual({ event: 'newEmployee', employee: emp(9, { firstName: 'New' }) });
		// The next poll compares with this read.
		expect(compareRoster(ORIGIN, r.snapshot, after).events).toEqual([]);
	});

	it('an employee who vanished from the roster lost their sites; reappearing is a change, not a new employee', () => {
		const r = compareRoster(ORIGIN, prev, before.filter((e) => e.employeeId !== 2));
		expect(r.events).toEqual([
			{ event: 'employeeChanged', employee: emp(2, { sites: [] }), changes: { sites: { from: ['CAROL', 'WHEAT'], to: [] } }, previous: emp(2) },
		]);
		expect(compareRoster(ORIGIN, r.snapshot, before.filter((e) => e.employeeId !== 2)).events).toEqual([]);
		const back = compareRoster(ORIGIN, r.snapshot, before);
		expect(back.events.map((e) => [e.event, e.changes])).toEqual([['employeeChanged', { sites: { from: [], to: ['CAROL', 'WHEAT'] } }]]);
	});
});

describe('login backoff', () => {
	const parts = { origin: ORIGIN, username: 'bot', password: 'secret-pw' };
	const t0 = new Date('2026-12-07T10:00:00Z');

	it('keeps a salted fingerprint, never the password', () => {
		const r = recordLoginRefusal(undefined, parts, t0);
		expect(JSON.stringify(r)).not.toContain('secret-pw');
		expect(r).toMatchObject({ at: t0.toISOString(), count: 1 });
		expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
	});

	it('skips the same credential until the wait has passed, never another credential', () => {
		const r = recordLoginRefusal(undefined, parts, t0);
		expect(() => assertLoginAllowed(r, parts, new Date(t0.getTime() + 60_000))).toThrow(/login not attempted.*credential changes or after 2026-12-07T10:15:00.000Z/);
		expect(() => assertLoginAllowed(r, { ...parts, password: 'new-pw' }, new Date(t0.getTime() + 60_000))).not.toThrow();
		expect(() => assertLoginAllowed(r, { ...parts, username: 'bot2' }, t0)).not.toThrow();
		expect(() => assertLoginAllowed(r, parts, new Date(t0.getTime() + 15 * 60_000))).not.toThrow();
		expect(() => assertLoginAllowed(undefined, parts, t0)).not.toThrow();
	});

	it('doubles the wait for each further refusal of the same credential, up to a day', () => {
		const first = recordLoginRefusal(undefined, parts, t0);
		const second = recordLoginRefusal(first, parts, t0);
		expect(second.count).toBe(2);
		expect(recordLoginRefusal(second, { ...parts, password: 'other' }, t0).count).toBe(1);
		expect([1, 2, 3, 7, 50].map(loginBackoffMs)).toEqual([15, 30, 60, 960, 1440].map((m) => m * 60_000));
	});
});

describe('parseRoster on a cut response', () => {
	it('refuses a roster table that is not closed instead of returning part of it', async () => {
		const { parseRoster } = await import('../../src/pages/employee-list');
		const row = '<tr><td class="employees-col-first-name">A</td><td><a href="/employee/edit/7">e</a></td></tr>';
		const page = `<div id="main-column"><table class="table-employees-list"><tbody>${row}${row}`;
		expect(() => parseRoster(page)).toThrow(/not closed/);
		expect(parseRoster(`${page}</tbody></table></div>`)).toHaveLength(2);
	});
});
