import { DuplicateError } from '../errors';
import type { PageSession } from '../session/session-pool';
import { buildRosterPath, parseRoster } from '../pages/employee-list';
import { parseUserCreatePage } from '../pages/user-create';
import { SingleFlight } from './single-flight';

/** What the index knows of one employee. */
export interface IndexedEmployee {
	employeeId: number;
	posUserId?: number;
	firstName?: string;
	lastName?: string;
}

/** Path of the full roster, inactive employees included (their POS ids and phones stay reserved, protocol A.7). */
export const FULL_ROSTER_PATH = buildRosterPath({ active: 'all', limit: 10000 });

/**
 * The client's uniqueness index: phone digits and POS ids from the full roster, lower-cased e-mails from
 * the `/user/create` employee dropdown (the only bulk source of e-mails, protocol A.9). Each source is
 * downloaded at most once per client (unless refreshed) and kept current in place after every write,
 * so a batch of creates never re-downloads it.
 */
export class EmployeeIndex {
	private phones?: Map<string, IndexedEmployee>;
	private posIds?: Map<number, IndexedEmployee>;
	private emails?: Map<string, IndexedEmployee>;
	private readonly known = new Map<number, IndexedEmployee>();
	private readonly claimed = new Map<string, { field: DuplicateError['field']; value: string }>();
	private readonly flights = new SingleFlight();

	/** An employee id known without a request, if any (to read POS templates from). */
	anyEmployeeId(): number | undefined {
		for (const id of this.known.keys()) return id;
		return undefined;
	}

	/** Whether the roster part (phones, POS ids) is loaded. */
	get hasRoster(): boolean {
		return this.phones !== undefined;
	}

	/** Whether the e-mail part is loaded. */
	get hasEmails(): boolean {
		return this.emails !== undefined;
	}

	/** Loads the full roster once (or again with `refresh`). */
	async loadRoster(session: PageSession, refresh = false): Promise<void> {
		if (this.phones && !refresh) return;
		return this.flights.run('roster', () => this.fetchRoster(session));
	}

	private async fetchRoster(session: PageSession): Promise<void> {
		const res = await session.get(FULL_ROSTER_PATH);
		const rows = parseRoster(res.body, res.path);
		const phones = new Map<string, IndexedEmployee>();
		const posIds = new Map<number, IndexedEmployee>();
		for (const row of rows) {
			const entry = this.remember({
				employeeId: row.employeeId,
				posUserId: row.posUserId ?? undefined,
				firstName: row.firstName,
				lastName: row.lastName,
			});
			if (row.phoneDigits) phones.set(row.phoneDigits, entry);
			if (typeof row.posUserId === 'number') posIds.set(row.posUserId, entry);
		}
		this.phones = phones;
		this.posIds = posIds;
	}

	/** Loads the `/user/create` e-mail map once (or again with `refresh`). */
	async loadEmails(session: PageSession, refresh = false): Promise<void> {
		if (this.emails && !refresh) return;
		return this.flights.run('emails', () => this.fetchEmails(session));
	}

	private async fetchEmails(session: PageSession): Promise<void> {
		const res = await session.get('/user/create');
		const page = parseUserCreatePage(res.body, res.path);
		const emails = new Map<string, IndexedEmployee>();
		for (const e of page.employees) {
			const entry = this.remember({ employeeId: e.employeeId, firstName: e.firstName, lastName: e.lastName });
			if (e.email) emails.set(e.email.trim().toLowerCase(), entry);
		}
		this.emails = emails;
	}

	/** The employee holding these phone digits, if the roster is loaded and has one. */
	byPhone(digits: string): IndexedEmployee | undefined {
		return this.phones?.get(digits);
	}

	/** The employee holding this e-mail (case-insensitive), if the e-mail map is loaded and has one. */
	byEmail(email: string): IndexedEmployee | undefined {
		return this.emails?.get(email.trim().toLowerCase());
	}

	/** The employee holding this POS id, if the roster is loaded and has one (pre-flights use a live search). */
	byPosUserId(posUserId: number): IndexedEmployee | undefined {
		return this.posIds?.get(posUserId);
	}

	/** Keeps the index current after a create, without re-downloading anything. */
	recordEmployee(e: IndexedEmployee & { phoneDigits?: string; email?: string }): void {
		const entry = this.remember(e);
		if (this.phones && e.phoneDigits) this.phones.set(e.phoneDigits, entry);
		if (this.posIds && e.posUserId !== undefined) this.posIds.set(e.posUserId, entry);
		if (this.emails && e.email) this.emails.set(e.email.trim().toLowerCase(), entry);
	}

	/**
	 * Claims the unique values of a create for as long as it runs: a concurrent create on this client with one
	 * of them fails with DuplicateError before any write, instead of racing it to the server (whose duplicate
	 * answers are an assumption, protocol E.1). Returns the release function.
	 */
	claim(values: { posUserId?: number; email?: string; phoneDigits?: string; username?: string }): () => void {
		const keys: Array<[string, DuplicateError['field'], string]> = [];
		if (values.posUserId !== undefined) keys.push([`pos:${values.posUserId}`, 'posUserId', String(values.posUserId)]);
		if (values.email) keys.push([`email:${values.email.trim().toLowerCase()}`, 'email', values.email]);
		if (values.phoneDigits) keys.push([`phone:${values.phoneDigits}`, 'phone', values.phoneDigits]);
		if (values.username) keys.push([`user:${values.username.toLowerCase()}`, 'username', values.username]);
		for (const [key, field, value] of keys) {
			if (this.claimed.has(key)) {
				throw new DuplicateError(field, value, `${field}=${value} is being used by another create running on this client`);
			}
		}
		for (const [key, field, value] of keys) this.claimed.set(key, { field, value });
		return () => {
			for (const [key] of keys) this.claimed.delete(key);
		};
	}

	/**
	 * Forgets the downloaded sources (phones, POS ids, e-mails) so the next check reads them again: after a
	 * write whose outcome is unknown, the server may hold an employee the index cannot know about.
	 */
	invalidate(): void {
		this.phones = undefined;
		this.posIds = undefined;
		this.emails = undefined;
	}

	private remember(e: IndexedEmployee): IndexedEmployee {
		const prev = this.known.get(e.employeeId);
		const merged: IndexedEmployee = {
			employeeId: e.employeeId,
			posUserId: e.posUserId ?? prev?.posUserId,
			firstName: e.firstName ?? prev?.firstName,
			lastName: e.lastName ?? prev?.lastName,
		};
		this.known.set(e.employeeId, merged);
		return merged;
	}
}
