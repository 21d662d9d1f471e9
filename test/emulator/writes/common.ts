import { randomBytes } from 'node:crypto';
import type { Form } from '../form';
import type { Flash } from '../html';
import type { EmulatorState } from '../state';

/** What a write handler decides: a 302 target plus flashes for the next page. */
export interface WriteOutcome {
	location: string;
	flashes: Flash[];
}

export interface WriteContext {
	state: EmulatorState;
	form: Form;
	/** Backoffice user id of the logged-in session. */
	userId: number;
	/** Paths (without query) this session has loaded with GET. */
	visited: Set<string>;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An 8-character alphanumeric `actionXfer` token (protocol A.0). */
export function actionXfer(): string {
	const bytes = randomBytes(8);
	let s = '';
	for (const b of bytes) s += ALNUM[b % ALNUM.length];
	return s;
}

export function ok(location: string, message?: string): WriteOutcome {
	return { location, flashes: message ? [{ type: 'success', message }] : [] };
}

/** The server's failure pattern: 302 back to the form with `actionXfer` and an error flash (protocol A.0). */
export function fail(path: string, message: string, extraQuery = ''): WriteOutcome {
	return { location: `${path}?${extraQuery}actionXfer=${actionXfer()}`, flashes: [{ type: 'error', message }] };
}
