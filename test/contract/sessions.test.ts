/** maxSessions: concurrent calls on several Backoffice sessions of the bot user, against the emulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, DuplicateError, RejectedByServerError, ValidationError } from '../../src/errors';
import { newClient, newHire, setup } from './helpers';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
	await done?.();
	done = undefined;
});

const logins = (s: { emu: { requests: Array<{ path: string }> } }) => s.emu.requests.filter((r) => r.path === '/login_check').length;

describe('maxSessions', () => {
	it('is validated: an integer from 1 to 8', async () => {
		const s = await setup();
		done = s.done;
		for (const bad of [0, 9, 2.5, '4']) {
			const err = (() => {
				try {
					newClient(s.emu, { maxSessions: bad as number });
				} catch (e) {
					return e;
				}
			})();
			expect(err).toBeInstanceOf(ValidationError);
			expect((err as ValidationError).field).toBe('maxSessions');
		}
		expect(s.emu.requests).toHaveLength(0);
	});

	it('concurrent calls run on their own sessions (one login each) and share the discovery caches', async () => {
		const s = await setup({}, { maxSessions: 4 });
		done = s.done;
		const ids = [1001, 1008, 1015, 1022];
		expect(await Promise.all(ids.map((posUserId) => s.client.isPosUserIdAvailable({ posUserId })))).toEqual([false, false, false, false]);
		expect(logins(s)).toBe(4);
		await Promise.all([s.client.listSites(), s.client.listDepartments(), s.client.listSites(), s.client.listDepartments()]);
		expect(s.emu.requests.filter((r) => r.path === '/employee/create')).toHaveLength(1);
		// More calls than sessions: they share the least busy ones, no fifth login.
		await Promise.all([1029, 1036, 1043, 1050, 1057, 1064].map((posUserId) => s.client.isPosUserIdAvailable({ posUserId })));
		expect(logins(s)).toBe(4);
	});

	it('claims hold across sessions: two concurrent creates with one POS user ID on different sessions, one DuplicateError', async () => {
		const s = await setup({}, { maxSessions: 3 });
		done = s.done;
		const a = newHire();
		const results = await Promise.allSettled([s.client.createEmployee(a), s.client.createEmployee(newHire({ posUserId: a.posUserId })), s.client.createEmployee(newHire())]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		const err = (results[1] as PromiseRejectedResult).reason;
		expect(err).toBeInstanceOf(DuplicateError);
		expect(err.field).toBe('posUserId');
		// The first and third ran on two sessions (the second failed before its session logged in).
		expect(logins(s)).toBe(2);
		expect(s.emu.requests.filter((r) => r.path === '/employee/insert')).toHaveLength(2);
		expect(s.emu.state.employees.filter((e) => e.posUserId === a.posUserId)).toHaveLength(1);
	});

	it('an e-mail claimed on one session is refused on another, and the index learns the created employee', async () => {
		const s = await setup({}, { maxSessions: 2 });
		done = s.done;
		const a = newHire();
		const [first, second] = await Promise.allSettled([s.client.createEmployee(a), s.client.createEmployee(newHire({ email: a.email.toUpperCase() }))]);
		expect(first.status).toBe('fulfilled');
		expect((second as PromiseRejectedResult).reason).toMatchObject({ code: 'DUPLICATE', field: 'email' });
		// Later, on whichever session: the index (shared) already knows the e-mail, nothing is downloaded again.
		const before = s.emu.requests.length;
		expect(await s.client.isEmailAvailable({ email: a.email })).toBe(false);
		expect(s.emu.requests.length).toBe(before);
	});

	it('a refused login stops every session: one login request, every call AuthenticationError, no later attempt', async () => {
		const s = await setup({}, { maxSessions: 4, password: 'wrong-password' });
		done = s.done;
		const results = await Promise.allSettled([1001, 1008, 1015, 1022].map((posUserId) => s.client.isPosUserIdAvailable({ posUserId })));
		for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
		expect(logins(s)).toBe(1);
		await expect(s.client.listSites()).rejects.toBeInstanceOf(AuthenticationError);
		await expect(s.client.login()).rejects.toBeInstanceOf(AuthenticationError);
		expect(logins(s)).toBe(1);
		for (const r of results) expect(String((r as PromiseRejectedResult).reason.message)).not.toContain('wrong-password');
	});

	it('one session per user on the server: the client notices, falls back to one session, and says so once', async () => {
		const s = await setup({ singleSessionPerUser: true }, { maxSessions: 4 });
		done = s.done;
		const hires = Array.from({ length: 8 }, () => newHire());
		const created = await Promise.all(hires.map((h) => s.client.createEmployee(h)));
		for (const h of hires) expect(s.emu.state.employees.filter((e) => e.posUserId === h.posUserId)).toHaveLength(1);
		expect(created.map((c) => c.employeeId)).toEqual(hires.map((h) => s.emu.state.findEmployeeByPosUserId(h.posUserId)!.id));
		const warned = created.filter((c) => c.warnings.some((w) => /one session per user/.test(w)));
		expect(warned).toHaveLength(1);
		expect(warned[0].warnings.join(' ')).toMatch(/maxSessions 4 -> 1/);
		// From now on one session: a further batch logs in no more.
		const loginsAfter = logins(s);
		await Promise.all(Array.from({ length: 4 }, () => s.client.createEmployee(newHire())));
		expect(logins(s)).toBe(loginsAfter);
		expect(loginsAfter).toBeLessThanOrEqual(6);
	});

	it('sessions of one user that coexist are not mistaken for one session per user', async () => {
		const s = await setup({}, { maxSessions: 4 });
		done = s.done;
		const created = await Promise.all(Array.from({ length: 8 }, () => s.client.createEmployee(newHire())));
		expect(created.flatMap((c) => c.warnings).filter((w) => /one session per user/.test(w))).toEqual([]);
		expect(logins(s)).toBe(4);
	});

	describe('flash isolation', () => {
		// A refused write's flash is read from the page its bounce leads to. A concurrent call's page view on the
		// same session would consume it (flashes are per session); on its own session it cannot.
		async function refusalWhileAnotherCallReads(maxSessions: number) {
			const s = await setup({}, { maxSessions });
			done = s.done;
			await s.client.login();
			s.emu.faults.add({ kind: 'slow', delayMs: 400, route: /^\/user\/create\?.*actionXfer=/, method: 'GET', times: 1 });
			const refused = s.client
				.createBackofficeUser({ username: 'elliotelm', email: 'x2@example.invalid', permission: 'General User', linkToEmployeePosUserId: 1029 })
				.catch((e: unknown) => e);
			await new Promise<void>((resolve) => {
				const timer = setInterval(() => {
					if (s.emu.requests.some((r) => r.path === '/user/insert')) {
						clearInterval(timer);
						resolve();
					}
				}, 2);
			});
			await s.client.listSites({ refresh: true });
			return (await refused) as Error;
		}

		it('on its own session, a refusal keeps its flash while another call loads pages', async () => {
			const err = await refusalWhileAnotherCallReads(2);
			expect(err).toBeInstanceOf(RejectedByServerError);
			expect(err.message).toMatch(/active/);
		});

		it('(why it matters) on one shared session, the other call consumes the flash', async () => {
			const err = await refusalWhileAnotherCallReads(1);
			expect(err).toBeInstanceOf(RejectedByServerError);
			expect(err.message).not.toMatch(/active/);
		});
	});
});
