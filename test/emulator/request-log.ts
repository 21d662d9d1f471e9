import type { FaultRule } from './faults';

/** One handled request, for tests to count round trips. `body` has password values redacted. */
export interface RequestLogEntry {
	method: string;
	/** Path with query. */
	path: string;
	body: string;
	/** 0 when the socket was destroyed without an answer. */
	status: number;
	/** Response body bytes actually sent (compressed, when `encoding` is set). */
	bytes: number;
	/** The body's size before compression (the HTML). */
	decodedBytes?: number;
	/** The Content-Encoding of the answer, when compressed. */
	encoding?: 'br' | 'gzip' | 'deflate';
	ms: number;
	location?: string;
	fault?: FaultRule['kind'];
	/** The request's User-Agent header, if any (cookies are never logged). */
	userAgent?: string;
}

const SECRET_KEYS = /^(_password|user%5Bpassword%5D|user\[password\]|user%5BconfirmPassword%5D|user\[confirmPassword\])=/i;

/** The urlencoded body with every password value replaced by `REDACTED`, for the log. */
export function redact(body: string): string {
	return body
		.split('&')
		.map((p) => (SECRET_KEYS.test(p) ? `${p.slice(0, p.indexOf('='))}=REDACTED` : p))
		.join('&');
}
