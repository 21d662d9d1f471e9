/** createBackofficeUser against the emulator: standalone, linked, duplicates, inactive employee, faults. */
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateError, NotFoundError, RejectedByServerError, ValidationError } from '../../src/errors';
import { setup } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

describe('createBackofficeUser', () => {
	it('standalone: one insert without isOnSiteEmployee, generated password echoed, deferral warning', async () => {
		const s = await setup();
		done = s.done;
		const r = await s.client.createBackofficeUser({
			username: 'extaccountant',
			email: 'ext.accountant@example.invalid',
			permission: 'General User',
			firstName: 'Ext',
			lastName: 'Accountant',
		});
		const u = s.emu.state.findUserByUsername('extaccountant')!;
		expect(r).toMatchObject({ userId: u.id, username: 'extaccountant', email: 'ext.accountant@example.invalid', permissionApplied: 'General User', sitesGranted: 'all' });
		expect(r.linkedEmployeeId).toBeUndefined();
		expect(u.employeeId).toBeNull();
		expect(r.password).toHaveLength(12);
		expect(u.password).toBe(r.password);
		expect(r.warnings.join(' ')).not.toMatch(/Milestone 2|by hand/);
		const inserts = s.emu.requests.filter((x) => x.path === '/user/insert');
		expect(inserts).toHaveLength(1);
		expect(inserts[0].body).not.toContain('isOnSiteEmployee');
	});

	it('linked by POS id and by e-mail', async () => {
		const s = await setup();
		done = s.done;
		const a = await s.client.createBackofficeUser({ username: 'averyalder', email: 'avery.alder0@example.invalid', permission: 'manager', linkToEmployeePosUserId: 1001, password: 'Given-Pass-1!' });
		expect(a).toMatchObject({ linkedEmployeeId: 100, password: 'Given-Pass-1!', permissionApplied: 'Manager' });
		expect(s.emu.state.findUserByUsername('averyalder')!.employeeId).toBe(100);
		const b = await s.client.createBackofficeUser({ username: 'blakebirch', email: 'blake.birch1@example.invalid', permission: 'General User', linkToEmployeeEmail: 'BLAKE.BIRCH1@example.invalid', availableSites: ['Wash 37135'] });
		expect(b).toMatchObject({ linkedEmployeeId: 103, sitesGranted: ['Wash 37135'] });
	});

	it('duplicate username: DuplicateError(username); inactive employee: RejectedByServerError with the flash', async () => {
		const s = await setup();
		done = s.done;
		const dup = await s.client
			.createBackofficeUser({ username: 'amberops', email: 'x1@example.invalid', permission: 'General User', firstName: 'A', lastName: 'B' })
			.catch((e) => e);
		expect(dup).toBeInstanceOf(DuplicateError);
		expect(dup.field).toBe('username');
		const inactive = await s.client
			.createBackofficeUser({ username: 'elliotelm', email: 'x2@example.invalid', permission: 'General User', linkToEmployeePosUserId: 1029 })
			.catch((e) => e);
		expect(inactive).toBeInstanceOf(RejectedByServerError);
		expect(inactive.message).toMatch(/active/);
	});

	it('bad input and unknown links', async () => {
		const s = await setup();
		done = s.done;
		await expect(s.client.createBackofficeUser({ username: '1abc', email: 'a@b.co', permission: 'General User', firstName: 'A', lastName: 'B' })).rejects.toBeInstanceOf(
			ValidationError,
		);
		await expect(
			s.client.createBackofficeUser({ username: 'abcd', email: 'a@b.co', permission: 'General User', firstName: 'A', lastName: 'B', linkToEmployeePosUserId: 1001 }),
		).rejects.toBeInstanceOf(ValidationError);
		expect(s.emu.requests).toHaveLength(0);
		await expect(
			s.client.createBackofficeUser({ username: 'abcd', email: 'a@b.co', permission: 'General User', linkToEmployeePosUserId: 424242 }),
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			s.client.createBackofficeUser({ username: 'abcd', email: 'a@b.co', permission: 'General User', firstName: 'A', lastName: 'B', availableSites: ['Nowhere'] }),
		).rejects.toBeInstanceOf(NotFoundError);
		expect(s.emu.requests.some((x) => x.path === '/user/insert')).toBe(false);
	});

	it('lost insert response: not re-sent, found on /user', async () => {
		const s = await setup();
		done = s.done;
		s.emu.faults.add({ kind: 'lostResponse', route: '/user/insert', method: 'POST', times: 1 });
		const r = await s.client.createBackofficeUser({ username: 'lostone', email: 'lost.one@example.invalid', permission: 'General User', firstName: 'Lost', lastName: 'One' });
		expect(r.userId).toBe(s.emu.state.findUserByUsername('lostone')!.id);
		expect(s.emu.requests.filter((x) => x.path === '/user/insert')).toHaveLength(1);
	});
});
