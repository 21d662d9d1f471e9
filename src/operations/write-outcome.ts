/**
 * The outcome of a write (protocol A.0): post once, read back, and the failure contract every operation follows
 * (docs/client.md "Failure contract"):
 * - a refusal throws its error (nothing was applied);
 * - an ambiguous failure is decided by reading back, never by re-sending blindly; an absolute-state write
 *   (`idempotent`) is sent again, bounded by the GET retry rules, once the read-back proves it did not apply;
 * - once a write was accepted (or may have been applied), no bare transport, page or authentication error leaves:
 *   what could not be verified becomes OutcomeUnknownError, and every message starts with what was applied.
 */
import {
	ConnectionError,
	OutcomeUnknownError,
	SonnysBackofficeError,
	TimeoutError,
	VerificationError,
	type SonnysBackofficeErrorCode,
} from '../errors';
import type { AttemptOutcome } from '../transport/retry';
import type { OperationContext } from './context';
import { withMessagePrefix } from './error-context';
import { isAmbiguousFailure, isBounce, rejectionFromResponse, unexplainedAnswer } from './write-answer';

export {
	errorFromFlash,
	idFromLocation,
	isAmbiguousFailure,
	rejectionFromResponse,
	sameSet,
	type SubmittedValues,
} from './write-answer';

/** An update to post and read back (see {@link postThenReadBack}). */
export interface CheckedUpdate<R> {
	/** Form action, e.g. `/employee/update`. */
	path: string;
	pairs: Array<[string, string]>;
	/** Path of the success redirect (query ignored), e.g. `/employee`. */
	successPath: string;
	/** For messages: what the update does, e.g. `disabling employee 486`. */
	action: string;
	/** Path read back (for messages). */
	readBackPath: string;
	readBack: () => Promise<R>;
	/**
	 * An absolute-state write (the same body yields the same state however often it is applied: a full permission
	 * matrix, an edit-form round trip, Backoffice access). When an attempt failed ambiguously and `applied` says the
	 * read-back does not show it, it is sent again, as often and as late as the GET retry rules allow
	 * (`resendDecision`). NEVER set it for an insert.
	 */
	idempotent?: boolean;
	/** Whether the read-back shows the write applied; required for `idempotent`. */
	applied?: (after: R) => boolean;
}

/** What {@link postThenReadBack} found. */
export interface ReadBackResult<R> {
	/** The state read back after the last attempt. */
	after: R;
	/** The ambiguous failure of the last attempt, when it had one (the read-back decides). */
	failure?: Error;
	/** Failures of earlier attempts that the read-back proved not applied, each followed by a re-send. */
	resentAfter: Error[];
}

/**
 * POSTs an update, then reads the result back: the read-back is what decides (an update can be "accepted but
 * silently ignored", protocol A.0). A refusal throws. An ambiguous failure is returned as `failure` beside the
 * read-back for the caller to verify; an `idempotent` write proven not applied is first sent again (bounded).
 * If the read-back itself fails, OutcomeUnknownError, whether the post was accepted or failed ambiguously.
 */
export async function postThenReadBack<R>(ctx: OperationContext, u: CheckedUpdate<R>): Promise<ReadBackResult<R>> {
	const resentAfter: Error[] = [];
	for (let attempt = 1; ; attempt++) {
		const failure = await postOnce(ctx, u);
		let after: R;
		try {
			after = await u.readBack();
		} catch (err) {
			throw unverified(u, failure, err as Error, resentAfter);
		}
		const done = !failure || !u.idempotent || !u.applied || u.applied(after);
		if (done || !(await ctx.session.waitToResend(attempt, attemptOutcome(failure)))) return { after, failure, resentAfter };
		resentAfter.push(failure);
	}
}

/** One POST: undefined when the success redirect came, the ambiguous failure otherwise; a refusal throws. */
async function postOnce(ctx: OperationContext, u: Pick<CheckedUpdate<unknown>, 'path' | 'pairs' | 'successPath' | 'action'>): Promise<Error | undefined> {
	try {
		const res = await ctx.session.post(u.path, u.pairs);
		// A bounce to the success path with `actionXfer` is a refusal too ("Unable to locate user" -> /user?actionXfer=).
		if (res.location?.split('?')[0] !== u.successPath || isBounce(res.location)) throw await rejectionFromResponse(ctx, u.action, res, {});
		return undefined;
	} catch (err) {
		if (!isAmbiguousFailure(err)) throw err;
		return err as Error;
	}
}

function unverified(u: Pick<CheckedUpdate<unknown>, 'action' | 'readBackPath' | 'successPath'>, failure: Error | undefined, err: Error, resentAfter: Error[]): OutcomeUnknownError {
	const resent = resentAfter.length > 0 ? ` (sent ${resentAfter.length + 1} times: earlier attempts were proven not applied)` : '';
	const checked = `reading ${u.readBackPath} back failed (${err.message})`;
	if (failure) {
		return new OutcomeUnknownError(`${u.action} failed (${failure.message})${resent}; the request was not re-sent`, checked, {
			cause: failure,
		});
	}
	return new OutcomeUnknownError(
		`${u.action} was accepted by Backoffice (redirect to ${u.successPath})${resent} but could not be verified; check it before trying again`,
		checked,
		{ cause: err },
	);
}

/** An ambiguous failure as the retry rules see it. */
export function attemptOutcome(failure: Error): AttemptOutcome {
	if (failure instanceof TimeoutError) return { kind: 'timeout' };
	if (failure instanceof ConnectionError) return { kind: 'connection-error' };
	const { status, retryAfter } = unexplainedAnswer(failure) ?? (failure as { status?: number; retryAfter?: string });
	// An answer the client would not read (another origin, over the size cap) is not a transient failure.
	return { kind: 'response', status: status ?? 0, ...(retryAfter !== undefined ? { retryAfter } : {}) };
}

/**
 * The error for an update whose read-back shows it not applied. After a timeout the server may still be
 * working on it, so that is OutcomeUnknownError (check later); otherwise VerificationError with `message`.
 */
export function notAppliedError(u: { action: string; readBackPath: string }, failure: Error | undefined, message: string): Error {
	if (failure instanceof TimeoutError) {
		return new OutcomeUnknownError(
			`${u.action} timed out and does not show yet; the server may still apply it, so check before trying again; the request was not re-sent`,
			`reading ${u.readBackPath} back`,
			{ cause: failure },
		);
	}
	return new VerificationError(message);
}

/** Codes whose errors already state a write's outcome (a verdict), so they only get the "what was applied" prefix. */
const VERDICT_CODES = new Set<SonnysBackofficeErrorCode>([
	'OUTCOME_UNKNOWN',
	'VERIFICATION_FAILED',
	'REJECTED_BY_SERVER',
	'DUPLICATE',
	'VALIDATION_ERROR',
	'NOT_FOUND',
	'AMBIGUOUS_MATCH',
]);

const verdicts = new WeakSet<Error>();

/** Marks `err` as a proven outcome (e.g. reconciliation showing nothing was created): {@link afterAcceptedWrite} keeps it. */
export function asVerdict<E extends Error>(err: E): E {
	verdicts.add(err);
	return err;
}

/**
 * An error raised after a write was accepted (e.g. the employee exists): its message starts with `prefix` (what was
 * applied), and a bare transport, page or authentication error (timeout, reset, 5xx, maintenance, failed re-login)
 * becomes OutcomeUnknownError (the original as `cause`), since what followed the write was not verified.
 *
 * @param prefix - e.g. `employee 486 (POS user ID 77001) was created, but the create did not finish: `.
 * @param unlessIncludes - a message that already contains this is returned as it is.
 */
export function afterAcceptedWrite(err: unknown, prefix: string, unlessIncludes?: string): Error {
	if (!(err instanceof Error)) return new OutcomeUnknownError(`${prefix}${String(err)}`, 'nothing');
	if (unlessIncludes !== undefined && err.message.includes(unlessIncludes)) return err;
	if ((err instanceof SonnysBackofficeError && VERDICT_CODES.has(err.code)) || verdicts.has(err)) {
		return withMessagePrefix(err, prefix);
	}
	return new OutcomeUnknownError(`${prefix}${err.message}`, 'what followed the accepted write could not be verified', {
		cause: err,
	});
}
