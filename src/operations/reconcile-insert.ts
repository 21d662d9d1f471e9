import { BackofficeServerError, OutcomeUnknownError, TimeoutError } from '../errors';
import type { ValidatedCreateEmployee } from '../models/schemas';
import type { OperationContext } from './context';
import { findByPosUserId } from './write-outcome';

/**
 * After an ambiguous failure of the insert: never re-send; look the POS id up. Found with the same
 * names -> it was created; provably absent after a definite server answer -> nothing was created;
 * otherwise the outcome is unknown.
 */
export async function reconcileLostInsert(
	ctx: OperationContext,
	v: Pick<ValidatedCreateEmployee, 'posUserId' | 'firstName' | 'lastName'>,
	cause: Error,
): Promise<number> {
	const checked = `a roster search for POS user ID ${v.posUserId} (inactive included)`;
	let row;
	try {
		row = await findByPosUserId(ctx, v.posUserId);
	} catch (err) {
		throw new OutcomeUnknownError(
			`creating employee with POS user ID ${v.posUserId} failed (${cause.message}) and it is unknown whether it was created; the request was not re-sent`,
			`${checked} failed too (${(err as Error).message})`,
			{ cause },
		);
	}
	if (row && sameName(row.firstName, v.firstName) && sameName(row.lastName, v.lastName)) return row.employeeId;
	if (row) {
		throw new OutcomeUnknownError(
			`creating employee with POS user ID ${v.posUserId} failed (${cause.message}); the POS user ID now belongs to employee ${row.employeeId} with another name`,
			checked,
			{ cause },
		);
	}
	if (cause instanceof TimeoutError) {
		throw new OutcomeUnknownError(
			`creating employee with POS user ID ${v.posUserId} timed out and it is not on the roster yet; the server may still create it, so check before trying again`,
			checked,
			{ cause },
		);
	}
	throw new BackofficeServerError(
		`creating employee with POS user ID ${v.posUserId} failed (${cause.message}); ${checked} shows it does not exist: nothing was created`,
		{ status: cause instanceof BackofficeServerError ? cause.status : undefined, cause },
	);
}

function sameName(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}
