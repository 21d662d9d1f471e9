import { BackofficeServerError, OutcomeUnknownError, TimeoutError } from '../errors';
import type { ValidatedCreateEmployee } from '../models/schemas';
import type { OperationContext } from './context';
import { findByPosUserId } from './employee-lookup';
import { asVerdict } from './write-outcome';

/** What the lookup after an ambiguous write found. */
export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'absent' } | { kind: 'unclear'; why: string };

/**
 * After an ambiguous failure of a create (timeout, reset, 5xx, an unexplained answer): never re-send; look it up.
 * Found -> it was created; absent after a definite server answer -> nothing was created; absent after a
 * timeout or a gateway's 502/504 (the server may still be working), an unclear or a failed lookup ->
 * OutcomeUnknownError.
 *
 * @param what - the create, e.g. `creating employee with POS user ID 77001`.
 * @param checked - what the lookup looks at (goes to `OutcomeUnknownError.checked`).
 */
export async function reconcileLostCreate<T>(
	what: string,
	checked: string,
	cause: Error,
	lookup: () => Promise<Lookup<T>>,
): Promise<T> {
	let found: Lookup<T>;
	try {
		found = await lookup();
	} catch (err) {
		throw new OutcomeUnknownError(
			`${what} failed (${cause.message}) and it is unknown whether it was created; the request was not re-sent`,
			`${checked} failed too (${(err as Error).message})`,
			{ cause },
		);
	}
	if (found.kind === 'found') return found.value;
	if (found.kind === 'unclear') {
		throw new OutcomeUnknownError(`${what} failed (${cause.message}); ${found.why}; the request was not re-sent`, checked, { cause });
	}
	// A gateway's 502/504 is its own verdict: the application behind it may still be working, like after a timeout.
	if (cause instanceof TimeoutError || (cause instanceof BackofficeServerError && (cause.status === 502 || cause.status === 504))) {
		throw new OutcomeUnknownError(
			`${what} ${cause instanceof TimeoutError ? 'timed out' : `got no answer from Backoffice (HTTP ${(cause as BackofficeServerError).status} from a gateway)`} and it is not there yet; the server may still create it, so check before trying again; the request was not re-sent`,
			checked,
			{ cause },
		);
	}
	throw asVerdict(
		new BackofficeServerError(`${what} failed (${cause.message}); ${checked} shows it does not exist: nothing was created`, {
			status: cause instanceof BackofficeServerError ? cause.status : undefined,
			cause,
		}),
	);
}

/** The employee insert's reconciliation: the POS id looked up (inactive included); found with the same names = ours. */
export async function reconcileLostInsert(
	ctx: OperationContext,
	v: Pick<ValidatedCreateEmployee, 'posUserId' | 'firstName' | 'lastName'>,
	cause: Error,
): Promise<number> {
	return reconcileLostCreate<number>(
		`creating employee with POS user ID ${v.posUserId}`,
		`a roster search for POS user ID ${v.posUserId} (inactive included)`,
		cause,
		async () => {
			const row = await findByPosUserId(ctx, v.posUserId);
			if (!row) return { kind: 'absent' };
			if (sameName(row.firstName, v.firstName) && sameName(row.lastName, v.lastName)) return { kind: 'found', value: row.employeeId };
			return { kind: 'unclear', why: `the POS user ID now belongs to employee ${row.employeeId} with another name` };
		},
	);
}

function sameName(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}
