import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index';
import { Browser, load, loggedIn } from './helpers';

interface Row {
	id: number;
	first: string;
	last: string;
	pos: string;
	active: boolean;
	sites: string;
	access: string;
	phone: string;
}

function rows(html: string): Row[] {
	const $ = load(html);
	return $('table.table-employees-list tbody tr')
		.map((_, tr) => {
			const $tr = $(tr);
			const href = $tr.find('a[href^="/employee/edit/"]').attr('href')!;
			return {
				id: Number(/\/employee\/edit\/(\d+)/.exec(href)![1]),
				first: $tr.find('td.employees-col-first-name').text(),
				last: $tr.find('td.employees-col-last-name').text(),
				pos: $tr.find('td.employees-col-pos-user-id').text(),
				active: $tr.find('td.employees-col-active i.fa-check').length === 1,
				sites: $tr.find('td.employees-col-sites').text(),
				access: $tr.find('td.employees-col-template').text(),
				phone: $tr.find('td.employees-col-phone a').text(),
			};
		})
		.get();
}

describe('GET /employee roster filters (protocol A.2)', () => {
	let emu: Emulator;
	let b: Browser;
	beforeAll(async () => {
		({ emu, b } = await loggedIn());
	});
	afterAll(() => emu.close());

	const visible = () => emu.state.employees.filter((e) => e.siteIds.length > 0);

	it('default: active only, first page of 25, sorted by first name', async () => {
		const r = rows((await b.get('/employee')).body);
		expect(r).toHaveLength(25);
		expect(r.every((x) => x.active)).toBe(true);
		const names = r.map((x) => x.first.toLowerCase());
		expect(names).toEqual([...names].sort());
	});

	it('active=all with limit=10000 returns every employee that has a site; inactive only inactive', async () => {
		const all = rows((await b.get('/employee?active=all&limit=10000')).body);
		expect(all).toHaveLength(visible().length);
		const inactive = rows((await b.get('/employee?active=inactive&limit=10000')).body);
		expect(inactive.length).toBe(visible().filter((e) => !e.isActive).length);
		expect(inactive.every((x) => !x.active)).toBe(true);
	});

	it('employees without any site are hidden even with active=all (E.13)', async () => {
		const hidden = emu.state.employees.find((e) => e.siteIds.length === 0)!;
		const r = rows((await b.get(`/employee?active=all&limit=10000&posUserId=${hidden.posUserId}`)).body);
		expect(r).toEqual([]);
	});

	it('first_name / last_name are case-insensitive prefixes, AND-combined', async () => {
		const r = rows((await b.get('/employee?first_name=JOR&active=all&limit=10000')).body);
		expect(r.length).toBeGreaterThanOrEqual(2);
		expect(r.every((x) => x.first.toLowerCase().startsWith('jor'))).toBe(true);
		const both = rows((await b.get('/employee?first_name=jordan&last_name=smi&active=all&limit=10000')).body);
		expect(both.every((x) => x.first === 'Jordan' && x.last.startsWith('Smi'))).toBe(true);
		expect(rows((await b.get('/employee?first_name=ordan&active=all')).body)).toEqual([]);
	});

	it('posUserId is exact and covers inactive employees with active=all', async () => {
		const inactive = emu.state.employees.find((e) => !e.isActive && e.siteIds.length)!;
		expect(rows((await b.get(`/employee?posUserId=${inactive.posUserId}`)).body)).toEqual([]);
		const r = rows((await b.get(`/employee?sort_type=first_name&sort_dir=1&first_name=&last_name=&posUserId=${inactive.posUserId}&active=all&limit=10000`)).body);
		expect(r.map((x) => x.id)).toEqual([inactive.id]);
		const prefix = String(inactive.posUserId).slice(0, 2);
		expect(rows((await b.get(`/employee?posUserId=${prefix}&active=all`)).body)).toEqual([]);
	});

	it('unknown parameters (search, q, filter, name, page, per_page) are ignored', async () => {
		const base = rows((await b.get('/employee')).body).map((x) => x.id);
		const r = rows((await b.get('/employee?search=Jordan&q=Jordan&filter=x&name=Jordan&posLoginId=1&page=2&per_page=5&pageSize=3')).body);
		expect(r.map((x) => x.id)).toEqual(base);
	});

	it('limit, sort_type=last_name, sort_dir=-1 and sites[] work', async () => {
		expect(rows((await b.get('/employee?limit=3')).body)).toHaveLength(3);
		const desc = rows((await b.get('/employee?sort_type=last_name&sort_dir=-1&limit=10000')).body).map((x) => x.last.toLowerCase());
		expect(desc).toEqual([...desc].sort().reverse());
		const atNolo = rows((await b.get('/employee?sites[0]=17&active=all&limit=10000')).body);
		expect(atNolo.length).toBe(visible().filter((e) => e.siteIds.includes(17)).length);
		expect(atNolo.every((x) => x.sites.split(', ').includes('NOLO'))).toBe(true);
	});

	it('rows carry the documented cells: short codes, Access name/Custom/None, phone as typed, action links', async () => {
		const html = (await b.get('/employee?active=all&limit=10000')).body;
		const r = rows(html);
		const custom = emu.state.employees.find((e) => emu.state.accessName(e) === 'Custom' && e.siteIds.length)!;
		expect(r.find((x) => x.id === custom.id)!.access).toBe('Custom');
		const none = emu.state.employees.find((e) => e.posGrants.length === 0 && e.siteIds.length)!;
		expect(r.find((x) => x.id === none.id)!.access).toBe('None');
		const typed = emu.state.employees.find((e) => e.phone.startsWith('(') && e.siteIds.length)!;
		expect(r.find((x) => x.id === typed.id)!.phone).toBe(typed.phone);
		const $ = load(html);
		for (const kind of ['compensation', 'permission', 'timesheet']) expect($(`#link-employee-${kind}-${custom.id}`).length).toBe(1);
		expect($(`#link-edit-employee-${custom.id}`).attr('href')).toBe(`/employee/edit/${custom.id}`);
		expect($('tr[data-employee-id]').length).toBe(0);
	});
});
