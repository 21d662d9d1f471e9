import { Form, parseForm } from './form';
import type { Flash } from './html';
import { esc } from './html';
import type { EmulatorState } from './state';
import { compensationPage } from './pages/compensation';
import { employeeForm } from './pages/employee-form';
import { loggedInPage, pageHeader } from './pages/layout';
import { permissionsPage } from './pages/permissions';
import { rosterPage } from './pages/roster';
import { userCreatePage, userListPage, userPermissionsPage } from './pages/users';
import type { WriteContext, WriteOutcome } from './writes/common';
import { compensationUpdate } from './writes/compensation';
import { employeeInsert, employeeUpdate } from './writes/employee';
import { employeePermissionsUpdate } from './writes/permissions';
import { userInsert, userPermissionsUpdate } from './writes/users';

export interface PageResult {
	status: number;
	html: string;
}

export interface RouteSession {
	userId: number;
	flashes: Flash[];
	visited: Set<string>;
}

export interface RouteOptions {
	requirePageLoadForUserPermissions: boolean;
}

type Page = (state: EmulatorState, id: number, query: URLSearchParams, flashes: Flash[]) => { title: string; content: string } | null;

const PAGES: Array<[RegExp, Page]> = [
	[/^\/$/, () => ({ title: 'Dashboard', content: `${pageHeader('Dashboard')}\n    <div class="dashboard"><p>Welcome to Sonny's Controls Back Office.</p></div>` })],
	[/^\/employee$/, (s, _id, q, fl) => ({ title: 'Employees', content: rosterPage(s, q, fl) })],
	[/^\/employee\/create$/, (s, _id, _q, fl) => ({ title: 'Create Employee', content: employeeForm(s, undefined, fl) })],
	[/^\/employee\/edit\/(\d+)$/, (s, id, _q, fl) => withEmployee(s, id, (e) => ({ title: 'Edit Employee', content: employeeForm(s, e, fl) }))],
	[/^\/employee\/permissions\/(\d+)$/, (s, id, _q, fl) => withEmployee(s, id, (e) => ({ title: 'Employee Access', content: permissionsPage(s, e, fl) }))],
	[/^\/employee\/compensation\/(\d+)$/, (s, id, _q, fl) => withEmployee(s, id, (e) => ({ title: 'Compensation', content: compensationPage(s, e, fl) }))],
	[/^\/user$/, (s, _id, q, fl) => ({ title: 'Back Office Users', content: userListPage(s, q, fl) })],
	[/^\/user\/create$/, (s, _id, _q, fl) => ({ title: 'Create Back Office User', content: userCreatePage(s, fl) })],
	[
		/^\/user\/permissions\/(\d+)$/,
		(s, id, _q, fl) => {
			const u = s.getUser(id);
			return u ? { title: 'Back Office Access Control', content: userPermissionsPage(s, u, fl) } : null;
		},
	],
];

function withEmployee<T>(s: EmulatorState, id: number, f: (e: NonNullable<ReturnType<EmulatorState['getEmployee']>>) => T): T | null {
	const e = s.getEmployee(id);
	return e ? f(e) : null;
}

const WRITES: Record<string, (ctx: WriteContext, o: RouteOptions) => WriteOutcome> = {
	'/employee/insert': (c) => employeeInsert(c),
	'/employee/update': (c) => employeeUpdate(c),
	'/employee/permissions/update': (c) => employeePermissionsUpdate(c),
	'/employee/compensation/update': (c) => compensationUpdate(c),
	'/user/insert': (c) => userInsert(c),
	'/user/permissions/update': (c, o) => userPermissionsUpdate(c, o.requirePageLoadForUserPermissions),
};

function notFound(state: EmulatorState, session: RouteSession, status: number, title: string): PageResult {
	const content = `${pageHeader(title)}\n    <div class="error-page"><p>${esc(title)}</p></div>`;
	return { status, html: render(state, session, title, content) };
}

function render(state: EmulatorState, session: RouteSession, title: string, content: string): string {
	const codes = state.sites.map((s) => s.shortCode);
	return loggedInPage({ title, displayName: state.displayNameOf(session.userId), siteCodes: codes, content });
}

/** Serves an authenticated GET. Flashes are consumed by the page that renders them. */
export function handleGet(state: EmulatorState, session: RouteSession, pathname: string, query: URLSearchParams): PageResult {
	for (const [re, page] of PAGES) {
		const m = re.exec(pathname);
		if (!m) continue;
		const flashes = session.flashes;
		const out = page(state, m[1] ? Number(m[1]) : 0, query, flashes);
		if (!out) return notFound(state, session, 404, 'Page Not Found');
		session.flashes = [];
		session.visited.add(pathname);
		return { status: 200, html: render(state, session, out.title, out.content) };
	}
	if (WRITES[pathname]) return notFound(state, session, 405, 'Method Not Allowed');
	return notFound(state, session, 404, 'Page Not Found');
}

/** Serves an authenticated POST; `null` when the path is not a write endpoint. */
export function handlePost(state: EmulatorState, session: RouteSession, pathname: string, body: string, o: RouteOptions): WriteOutcome | null {
	const write = WRITES[pathname];
	if (!write) return null;
	const out = write({ state, form: new Form(parseForm(body)), userId: session.userId, visited: session.visited }, o);
	session.flashes.push(...out.flashes);
	return out;
}
