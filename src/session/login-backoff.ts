/**
 * Backing off after a refused login, for callers that run unattended and repeatedly (the polling trigger): a refused
 * credential is not tried again on every poll (a bot account must not be locked out), only once it has changed or
 * after a growing wait. What is remembered is a salted scrypt fingerprint of the credential, never the password.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

import { LoginSkippedError } from '../errors';

/** The first wait after a refusal; it doubles with each further refusal of the same credential. */
export const LOGIN_BACKOFF_FIRST_MS = 15 * 60_000;
/** The longest wait between two attempts with a refused credential. */
export const LOGIN_BACKOFF_MAX_MS = 24 * 60 * 60_000;

/** What is remembered of a refused login (JSON-safe). */
export interface LoginRefusal {
	/** scrypt(origin, username and password; salt), hex. */
	fingerprint: string;
	/** Random per refusal record, hex. */
	salt: string;
	/** When the last refusal happened (ISO). */
	at: string;
	/** Consecutive refusals of this credential. */
	count: number;
}

/** The parts of a credential that decide whether a login can succeed. */
export interface CredentialParts {
	origin: string;
	username: string;
	password: string;
}

function fingerprint(parts: CredentialParts, salt: string): Buffer {
	// Length-prefixed so that no two different credentials give the same input.
	const input = [parts.origin, parts.username, parts.password].map((p) => `${p.length}:${p}`).join('|');
	return scryptSync(input, Buffer.from(salt, 'hex'), 32);
}

/** The wait after `count` consecutive refusals: 15 min, 30 min, 1 h, ... at most 24 h. */
export function loginBackoffMs(count: number): number {
	return Math.min(LOGIN_BACKOFF_MAX_MS, LOGIN_BACKOFF_FIRST_MS * 2 ** Math.max(0, Math.min(count - 1, 20)));
}

/** Whether `refusal` is about this very credential. */
export function isSameCredential(refusal: LoginRefusal, parts: CredentialParts): boolean {
	const expected = Buffer.from(refusal.fingerprint, 'hex');
	const actual = fingerprint(parts, refusal.salt);
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Throws LoginSkippedError (code `AUTHENTICATION_FAILED`), without any request, while `refusal` is about this credential and its wait has not
 * passed. Returns otherwise (no refusal, another credential, or time for one more attempt).
 */
export function assertLoginAllowed(refusal: LoginRefusal | undefined, parts: CredentialParts, now = new Date()): void {
	if (refusal === undefined) return;
	const at = Date.parse(refusal.at);
	const until = new Date((Number.isFinite(at) ? at : 0) + loginBackoffMs(refusal.count));
	if (now >= until || !isSameCredential(refusal, parts)) return;
	throw new LoginSkippedError(
		`login not attempted: Backoffice refused this credential at ${refusal.at}; the next attempt is made when the credential changes or after ${until.toISOString()}`,
		until,
	);
}

/** The record after a refusal of `parts` (the count grows while the credential stays the same). */
export function recordLoginRefusal(previous: LoginRefusal | undefined, parts: CredentialParts, now = new Date()): LoginRefusal {
	const count = previous !== undefined && isSameCredential(previous, parts) ? previous.count + 1 : 1;
	const salt = randomBytes(16).toString('hex');
	return { fingerprint: fingerprint(parts, salt).toString('hex'), salt, at: now.toISOString(), count };
}
