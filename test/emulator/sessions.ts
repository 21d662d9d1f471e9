import { randomBytes } from 'node:crypto';
import type { RouteSession } from './routes';

export interface Session extends RouteSession {
	id: string;
	/** false = anonymous (login page visited, not logged in). */
	authenticated: boolean;
	requests: number;
}

/** The PHPSESSID value of a Cookie header, if any. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
	return /(?:^|;\s*)PHPSESSID=([^;]+)/.exec(cookieHeader ?? '')?.[1];
}

/** Server-side sessions keyed by PHPSESSID, and the optional per-session lock. */
export class SessionStore {
	private readonly sessions = new Map<string, Session>();
	private readonly locks = new Map<string, Promise<void>>();

	get(id: string): Session | undefined {
		return this.sessions.get(id);
	}

	delete(id: string): void {
		this.sessions.delete(id);
	}

	/** Drops every logged-in session of one Backoffice user. */
	dropUser(userId: number): void {
		for (const [id, s] of this.sessions) if (s.authenticated && s.userId === userId) this.sessions.delete(id);
	}

	/** Drops every session (all clients must log in again). */
	clear(): void {
		this.sessions.clear();
	}

	create(authenticated: boolean, userId: number): Session {
		const id = randomBytes(16).toString('hex');
		const s: Session = { id, authenticated, userId, flashes: [], visited: new Set(), requests: 0 };
		this.sessions.set(id, s);
		return s;
	}

	cookie(s: Session): Record<string, string> {
		return { 'Set-Cookie': `PHPSESSID=${s.id}; path=/; HttpOnly; SameSite=Lax` };
	}

	/** Runs `fn` after every earlier locked request of session `sid` has finished. */
	async locked(sid: string, fn: () => Promise<void>): Promise<void> {
		// PHP's default session handler locks the session file: one request per session at a time.
		const previous = this.locks.get(sid) ?? Promise.resolve();
		let release = () => {};
		const mine = new Promise<void>((r) => (release = r));
		const tail = previous.then(() => mine);
		this.locks.set(sid, tail);
		await previous;
		try {
			await fn();
		} finally {
			release();
			if (this.locks.get(sid) === tail) this.locks.delete(sid);
		}
	}
}
