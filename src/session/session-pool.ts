/**
 * Up to `maxSessions` Backoffice sessions of the bot user for one client: concurrent calls each get a session of
 * their own while there are enough (its own cookie jar, so flash messages and PHP's per-session lock are its own);
 * beyond that they share the least busy one. Logins are sent one at a time, and a refused login stops every session.
 */
import { AuthenticationError } from '../errors';
import type { AttemptOutcome } from '../transport/retry';
import { SessionRetiredSignal, type SessionActivity, type SessionCoordinator } from './coordinator';
import { SecretRegistry } from './redact';
import type { BackofficeSession, FormPairs, PageResponse } from './session';

/** What operations send requests through: one call's session. */
export interface PageSession {
	/** Logs this session in unless it is (normally lazy). */
	login(): Promise<void>;
	get(path: string): Promise<PageResponse>;
	post(path: string, pairs: FormPairs): Promise<PageResponse>;
	/** Before re-sending an absolute-state write: waits as the retry rules say and returns true, or false at once. */
	waitToResend(attempt: number, outcome: AttemptOutcome): Promise<boolean>;
}

/** A session lent to one call; `release()` when the call ends. */
export interface SessionLease {
	session: PageSession;
	release(): void;
}

/**
 * ASSUMPTION (protocol Part E: whether a second login of a user ends the first is unknown): a session that ends
 * while in use right after another session of this pool logged in for the first time was ended by that login. An
 * ordinary expiry needs idleness (PHP's default is 24 minutes), so only a session active this recently counts.
 */
const KILLED_BY_LOGIN_WINDOW_MS = 10 * 60_000;

interface Member {
	session: BackofficeSession;
	leases: number;
	/** Ticket of its first login, once done. */
	firstLogin?: number;
	/** Ticket of its latest login. */
	lastLogin: number;
}

/** The sessions of one client and what they share; see the file comment. */
export class SessionPool implements SessionCoordinator {
	readonly secrets = new SecretRegistry(1000);
	private readonly members: Member[] = [];
	private tickets = 0;
	private loginTail: Promise<void> = Promise.resolve();
	private refusal?: AuthenticationError;
	private survivor?: Member;
	private warning?: string;

	/**
	 * @param maxSessions - sessions to open at most (1-8, validated with the client options).
	 * @param open - makes a new session that uses this pool as its coordinator.
	 */
	constructor(
		private readonly maxSessions: number,
		private readonly open: (coordinator: SessionCoordinator) => BackofficeSession,
	) {}

	/** Sessions the pool may still use: `maxSessions`, or 1 after falling back to a single session. */
	get limit(): number {
		return this.survivor ? 1 : this.maxSessions;
	}

	/** Sessions opened so far. */
	get size(): number {
		return this.members.length;
	}

	/** The warning about falling back to one session, once (then undefined). */
	takeWarning(): string | undefined {
		const w = this.warning;
		this.warning = undefined;
		return w;
	}

	/** A session for one call: a free one, a new one while under the limit, else the least busy. */
	lease(): SessionLease {
		let member = this.survivor;
		if (!member) {
			member = this.members.find((m) => m.leases === 0);
			if (!member && this.members.length < this.maxSessions) {
				member = { session: this.open(this), leases: 0, lastLogin: 0 };
				this.members.push(member);
			}
			member ??= this.members.reduce((a, b) => (b.leases < a.leases ? b : a));
		}
		const home = member;
		home.leases++;
		let released = false;
		return {
			session: {
				login: () => this.send(home, (s) => s.ensureLoggedIn()),
				get: (path) => this.send(home, (s) => s.get(path)),
				post: (path, pairs) => this.send(home, (s) => s.post(path, pairs)),
				waitToResend: (attempt, outcome) => (this.survivor ?? home).session.waitToResend(attempt, outcome),
			},
			release: () => {
				if (!released) home.leases--;
				released = true;
			},
		};
	}

	/** Forgets every session's cookies (no request). */
	async reset(): Promise<void> {
		await Promise.all(this.members.map((m) => m.session.reset()));
	}

	/** Sends on the call's session, or on the kept one once the pool has fallen back to a single session. */
	private async send<T>(home: Member, request: (s: BackofficeSession) => Promise<T>): Promise<T> {
		for (;;) {
			const member = this.survivor ?? home;
			try {
				return await request(member.session);
			} catch (err) {
				// Only a retired session throws this, and the pool never retires the survivor: at most one more turn.
				if (err instanceof SessionRetiredSignal && this.survivor && member !== this.survivor) continue;
				throw err;
			}
		}
	}

	// ---------- SessionCoordinator ----------

	get refused(): AuthenticationError | undefined {
		return this.refusal;
	}

	refuse(error: AuthenticationError): void {
		this.refusal ??= error;
	}

	ticket(): number {
		return ++this.tickets;
	}

	login(session: SessionActivity, send: () => Promise<void>): Promise<void> {
		const run = async () => {
			if (this.refusal) throw new AuthenticationError(this.refusal.message);
			if (this.survivor && this.survivor.session !== session) throw new SessionRetiredSignal();
			await send();
		};
		const done = this.loginTail.then(run);
		this.loginTail = done.catch(() => undefined);
		return done;
	}

	loggedIn(session: SessionActivity): number {
		const ticket = this.ticket();
		const member = this.memberOf(session);
		if (member) {
			member.firstLogin ??= ticket;
			member.lastLogin = ticket;
		}
		return ticket;
	}

	expired(session: SessionActivity): 'relogin' | 'retire' {
		const member = this.memberOf(session);
		if (!member) return 'relogin';
		if (!this.survivor && Date.now() - session.servedAt <= KILLED_BY_LOGIN_WINDOW_MS) {
			const killer = this.members.find((m) => m !== member && m.firstLogin !== undefined && m.firstLogin > session.servedTicket);
			if (killer) this.fallBack();
		}
		if (!this.survivor || this.survivor === member) return 'relogin';
		return 'retire';
	}

	private fallBack(): void {
		this.survivor = this.members.reduce((a, b) => (b.lastLogin > a.lastLogin ? b : a));
		this.warning =
			`Backoffice ended a session of the bot user when another one logged in (one session per user): ` +
			`this client went back to a single session, so calls now run one session at a time (maxSessions ${this.maxSessions} -> 1)`;
	}

	private memberOf(session: SessionActivity): Member | undefined {
		return this.members.find((m) => m.session === session);
	}
}
