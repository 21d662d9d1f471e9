import {
	BackofficeServerError,
	ConnectionError,
	DuplicateError,
	OutcomeUnknownError,
	RejectedByServerError,
	TimeoutError,
	UnexpectedPageError,
	VerificationError,
} from '../errors';
import { parseFlashes } from '../html/flash';
import { describePage } from '../pages/page-kind';
import type { PageResponse } from '../session/session';
import type { OperationContext } from './context';

/** Values a write submitted, to name the colliding one in a DuplicateError. */
export interface SubmittedValues {
	posUserId?: number;
	email?: string;
	phone?: string;
	username?: string;
}

const DUPLICATE = /already (?:in use|taken|exists|been taken|registered)|not unique|must be unique/i;

/**
 * Maps a flash message of a refused write to an error: "already in use/taken" naming the POS user ID,
 * e-mail, phone or username becomes a DuplicateError for that field; anything else a RejectedByServerError
 * carrying the server's text.
 */
export function errorFromFlash(action: string, flash: string | undefined, submitted: SubmittedValues): Error {
	if (flash && DUPLICATE.test(flash)) {
		const f = flash.toLowerCase();
		if (/pos\s*user\s*id|pos\s*login|poslogin/.test(f) && submitted.posUserId !== undefined) {
			return new DuplicateError('posUserId', String(submitted.posUserId), `posUserId=${submitted.posUserId}: ${flash}`);
		}
		if (/user\s*name/.test(f) && submitted.username !== undefined) {
			return new DuplicateError('username', submitted.username, `username=${submitted.username}: ${flash}`);
		}
		if (/e-?mail/.test(f) && submitted.email !== undefined) {
			return new DuplicateError('email', submitted.email, `email=${submitted.email}: ${flash}`);
		}
		if (/phone/.test(f) && submitted.phone !== undefined) {
			return new DuplicateError('phone', submitted.phone, `phone=${submitted.phone}: ${flash}`);
		}
	}
	return new RejectedByServerError(`Backoffice refused ${action}`, flash);
}

/**
 * A write answered without its success redirect. A bounce back to a form (`?actionXfer=`, protocol A.0) or a
 * page with an error flash is a refusal: the flash becomes the error (one GET for a redirect). Any other answer
 * (a redirect elsewhere, a page without an error) neither confirms nor refuses the write: the error returned
 * is ambiguous ({@link isAmbiguousFailure}), so the caller reads back instead of guessing.
 */
export async function rejectionFromResponse(
	ctx: OperationContext,
	action: string,
	res: PageResponse,
	submitted: SubmittedValues,
): Promise<Error> {
	const bounce = res.location !== undefined && isBounce(res.location);
	let body = res.body;
	if (res.location !== undefined) {
		try {
			body = (await ctx.session.get(res.location)).body;
		} catch (err) {
			if (bounce) return err as Error;
			return unexplained(res, action);
		}
	}
	const flashes = parseFlashes(body);
	const flash = flashes.find((f) => f.type === 'error') ?? flashes.find((f) => f.type === 'warning');
	if (flash || bounce) return errorFromFlash(action, flash?.message, submitted);
	return unexplained(res, action);
}

const ambiguousAnswers = new WeakSet<Error>();

function unexplained(res: PageResponse, action: string): Error {
	const answer =
		res.location !== undefined ? `a redirect to ${res.location.split('?')[0]}` : `${describePage(res.body)} (HTTP ${res.status})`;
	const err = new UnexpectedPageError(res.path, `${answer} after ${action}: neither its success redirect nor a refusal`);
	ambiguousAnswers.add(err);
	return err;
}

/** A redirect back to the form that carries the refused submission (protocol A.0). */
function isBounce(location: string): boolean {
	return /[?&]actionXfer=/.test(location);
}

/**
 * A failure after which the server may or may not have applied the write (never replay it blindly): a
 * timeout, a broken connection, HTTP 5xx, or an answer that neither confirms nor refuses it.
 */
export function isAmbiguousFailure(err: unknown): boolean {
	if (err instanceof TimeoutError || err instanceof ConnectionError) return true;
	if (err instanceof Error && ambiguousAnswers.has(err)) return true;
	return err instanceof BackofficeServerError && err.code === 'SERVER_ERROR' && (err.status ?? 0) >= 500;
}

/** An update to post once and read back (see {@link postThenReadBack}). */
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
}

/**
 * POSTs an update once, then reads the result back: the read-back is what decides (an update can be "accepted
 * but silently ignored", protocol A.0). A refusal throws; an ambiguous failure is not re-sent but returned as
 * `failure` beside the read-back, for the caller to verify; if the read-back fails too, OutcomeUnknownError.
 */
export async function postThenReadBack<R>(ctx: OperationContext, u: CheckedUpdate<R>): Promise<{ after: R; failure?: Error }> {
	let failure: Error | undefined;
	try {
		const res = await ctx.session.post(u.path, u.pairs);
		// A bounce to the success path with `actionXfer` is a refusal too ("Unable to locate user" -> /user?actionXfer=).
		if (res.location?.split('?')[0] !== u.successPath || isBounce(res.location)) throw await rejectionFromResponse(ctx, u.action, res, {});
	} catch (err) {
		if (!isAmbiguousFailure(err)) throw err;
		failure = err as Error;
	}
	try {
		return { after: await u.readBack(), failure };
	} catch (err) {
		if (!failure) throw err;
		throw new OutcomeUnknownError(
			`${u.action} failed (${failure.message}); the request was not re-sent`,
			`reading ${u.readBackPath} back failed too (${(err as Error).message})`,
			{ cause: failure },
		);
	}
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

/** The internal id in a redirect target such as `/employee/permissions/486` (no `actionXfer`). */
export function idFromLocation(location: string | undefined, pattern: RegExp): number | undefined {
	if (location === undefined || /[?&]actionXfer=/.test(location)) return undefined;
	const m = pattern.exec(location.split('?')[0]);
	return m ? Number(m[m.length - 1]) : undefined;
}

/** Whether two id lists hold the same ids (order and repeats ignored). */
export function sameSet(a: readonly number[], b: readonly number[]): boolean {
	const sa = new Set(a);
	const sb = new Set(b);
	return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
