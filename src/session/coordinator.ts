/**
 * What the sessions of one client share (see session-pool.ts): the secrets to redact, the verdict of a refused
 * login, the order of logins, and the judgement on a session that ended while in use.
 */
import type { AuthenticationError } from '../errors';
import { SecretRegistry } from './redact';

/** The facts about one session the coordinator judges by (kept by the session itself). */
export interface SessionActivity {
	/** Ticket of the last request that the server served (taken when it was sent), or of the last login. */
	readonly servedTicket: number;
	/** Wall-clock time (ms) of that request or login. */
	readonly servedAt: number;
}

/** Shared by every session of one client. */
export interface SessionCoordinator {
	/** Every secret any session has sent or received, for redaction. */
	readonly secrets: SecretRegistry;
	/** A refused login of any session: every session fails at once with it, never sending the password again. */
	readonly refused: AuthenticationError | undefined;
	/** Remembers a refused login for every session. */
	refuse(error: AuthenticationError): void;
	/** A number that grows with every request sent and every login completed: orders events across sessions. */
	ticket(): number;
	/** Runs one login POST of `session` (a pool runs them one at a time, so a wrong password is sent once). */
	login(session: SessionActivity, send: () => Promise<void>): Promise<void>;
	/** Called when `session` has logged in; returns the ticket of that login. */
	loggedIn(session: SessionActivity): number;
	/**
	 * The session's login was rejected while in use and nothing else has logged it in since: `relogin` as usual,
	 * or `retire` to hand the request to another session of the pool (the server did not run it).
	 */
	expired(session: SessionActivity): 'relogin' | 'retire';
}

/**
 * Thrown by a session the pool has retired (the server allows one session per user): the request was not run by
 * the server (it answered with the login page, or the request was never sent) and the pool sends it on the session
 * it kept. Never leaves the client.
 */
export class SessionRetiredSignal extends Error {
	constructor() {
		super('this Backoffice session was retired; the request goes to the remaining session');
		this.name = 'SessionRetiredSignal';
	}
}

/** The coordinator of a session on its own (no pool): sticky refusal, logins sent at once, always re-login. */
export function soloCoordinator(): SessionCoordinator {
	let refused: AuthenticationError | undefined;
	let tickets = 0;
	return {
		secrets: new SecretRegistry(),
		get refused() {
			return refused;
		},
		refuse: (error) => {
			refused = error;
		},
		ticket: () => ++tickets,
		login: (_session, send) => send(),
		loggedIn: () => ++tickets,
		expired: () => 'relogin',
	};
}
