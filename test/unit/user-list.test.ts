/** The Backoffice user list parser reads columns by header and refuses to guess (the list was never captured). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnexpectedPageError } from '../../src/errors';
import { parseUserRows } from '../../src/pages/user-list';
import { startEmulator, type Emulator } from '../emulator';
import { EmulatorBrowser } from './helpers';

let emu: Emulator;
let html: string;

beforeAll(async () => {
	emu = await startEmulator({ tenant: 'washu' });
	const b = new EmulatorBrowser(emu.url);
	await b.login();
	html = await b.page('/user?limit=10000&active=all');
});
afterAll(() => emu.close());

describe('parseUserRows', () => {
	it('reads every row: id, username, e-mail, names, active flag, linked employee', () => {
		const rows = parseUserRows(html);
		expect(rows).toHaveLength(emu.state.users.length);
		for (const u of emu.state.users) {
			expect(rows.find((r) => r.userId === u.id)).toEqual({
				userId: u.id,
				username: u.username,
				email: u.email,
				firstName: u.firstName,
				lastName: u.lastName,
				isActive: u.isActive,
				linkedEmployeeId: u.employeeId,
			});
		}
	});

	it('without an Employee column the link is absent (unknown), not null', () => {
		const rows = parseUserRows(html.replace('<th>Employee</th>', '<th>Linked</th>'));
		expect(rows.every((r) => !('linkedEmployeeId' in r))).toBe(true);
	});

	it.each(['Username', 'Email', 'Active', 'First Name'])('a list without a %s column is UnexpectedPageError', (header) => {
		expect(() => parseUserRows(html.replace(`<th>${header}</th>`, '<th>Something</th>'))).toThrow(UnexpectedPageError);
	});

	it('a page that is not the list is UnexpectedPageError', () => {
		expect(() => parseUserRows(html.replace(/<table[\s\S]*<\/table>/, ''))).toThrow(UnexpectedPageError);
	});
});
