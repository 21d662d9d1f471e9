/**
 * How the answer to one write POST is read (protocol A.0): success redirect, refusal (a bounce with a flash,
 * mapped to DuplicateError / RejectedByServerError), or an ambiguous failure that must be reconciled.
 */
import {
	BackofficeServerError,
	ConnectionError,
	DuplicateError,
	RejectedByServerError,
	SonnysBackofficeError,
	TimeoutError,
	UnexpectedPageError,
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

/** Unexplained answers, with the status and Retry-After they came with (a 429 page is one). */
const ambiguousAnswers = new WeakMap<Error, { status: number; retryAfter?: string }>();

function unexplained(res: PageResponse, action: string): Error {
	const answer =
		res.location !== undefined ? `a redirect to ${res.location.split('?')[0]}` : `${describePage(res.body)} (HTTP ${res.status})`;
	const err = new UnexpectedPageError(res.path, `${answer} after ${action}: neither its success redirect nor a refusal`);
	ambiguousAnswers.set(err, { status: res.status, ...(res.retryAfter !== undefined ? { retryAfter: res.retryAfter } : {}) });
	return err;
}

/** The HTTP status (and Retry-After) of an unexplained answer to a write, when `err` is one. */
export function unexplainedAnswer(err: unknown): { status: number; retryAfter?: string } | undefined {
	return err instanceof Error ? ambiguousAnswers.get(err) : undefined;
}

/** A redirect back to the form that carries the refused submission (protocol A.0). */
export function isBounce(location: string): boolean {
	return /[?&]actionXfer=/.test(location);
}

/**
 * A failure after which the server may or may not have applied the write (never replay it blindly): a
 * timeout, a broken connection, HTTP 5xx, an answer that neither confirms nor refuses it, and an answer the
 * client would not read (a redirect to another origin, a body over the size cap, an unexpected page): only a
 * refusal proves a write was not applied, so every failure whose outcome is not proven goes to reconciliation.
 */
export function isAmbiguousFailure(err: unknown): boolean {
	if (err instanceof TimeoutError || err instanceof ConnectionError) return true;
	if (err instanceof Error && ambiguousAnswers.has(err)) return true;
	if (err instanceof SonnysBackofficeError && (err.code === 'UNEXPECTED_PAGE' || err.code === 'RESPONSE_TOO_LARGE')) return true;
	return err instanceof BackofficeServerError && err.code === 'SERVER_ERROR' && (err.status ?? 0) >= 500;
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
