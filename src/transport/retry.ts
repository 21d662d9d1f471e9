/** What happened to one attempt of a request, as far as retrying is concerned. */
export type AttemptOutcome =
	| { kind: 'response'; status: number; retryAfter?: string }
	| { kind: 'connection-error' }
	| { kind: 'timeout' };

/** Tuning of {@link retryDecision}. */
export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff step in ms (doubles each attempt). */
	baseDelayMs: number;
	/** Largest computed backoff in ms. */
	maxDelayMs: number;
	/** Largest `Retry-After` honoured in ms; a longer one is not waited for (no retry). */
	maxRetryAfterMs: number;
}

/** Defaults: 3 retries, 200 ms base, 5 s cap, Retry-After honoured up to 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	baseDelayMs: 200,
	maxDelayMs: 5_000,
	maxRetryAfterMs: 30_000,
};

/** The verdict of {@link retryDecision}. */
export type RetryVerdict = { retry: false } | { retry: true; delayMs: number };

/**
 * Pure retry rule for idempotent GETs (POSTs are never retried by the transport layer).
 * Retries connection errors, 429 and 5xx with exponential backoff and full jitter, capped; honours
 * `Retry-After` (seconds or HTTP-date) up to a cap. Timeouts are not retried: the caller already waited
 * `timeoutMs` and a slow server is not helped by more load.
 *
 * @param attempt - 1 for the first retry decision (after the first attempt failed), 2 for the next, ...
 * @param outcome - what the failed attempt produced.
 * @param method - only `GET` is ever retried.
 * @param policy - limits; defaults to {@link DEFAULT_RETRY_POLICY}.
 * @param random - source of jitter in [0, 1); injectable for tests.
 * @param now - current time in ms for HTTP-date `Retry-After`; injectable for tests.
 */
export function retryDecision(
	attempt: number,
	outcome: AttemptOutcome,
	method: 'GET' | 'POST',
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	random: () => number = Math.random,
	now: number = Date.now(),
): RetryVerdict {
	if (method !== 'GET' || attempt > policy.maxRetries || attempt < 1) return { retry: false };
	if (outcome.kind === 'timeout') return { retry: false };
	if (outcome.kind === 'response') {
		const s = outcome.status;
		if (s !== 429 && (s < 500 || s > 599)) return { retry: false };
		const after = parseRetryAfter(outcome.retryAfter, now);
		if (after !== undefined) {
			if (after > policy.maxRetryAfterMs) return { retry: false };
			return { retry: true, delayMs: after };
		}
	}
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return { retry: true, delayMs: Math.floor(random() * ceiling) };
}

/**
 * Parses a `Retry-After` header value: delta seconds or an HTTP-date. Returns milliseconds to wait
 * (never negative) or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const v = value.trim();
	if (v === '') return undefined;
	if (/^\d+$/.test(v)) return Number(v) * 1000;
	const at = Date.parse(v);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

/**
 * The rule for sending an absolute-state write again (a full permission matrix, an edit-form round trip) once
 * reading back has proved the failed attempt did not apply: the same verdicts as for a GET ({@link retryDecision}:
 * connection errors, 429 and 5xx, backoff with jitter, `Retry-After` honoured up to its cap, timeouts never).
 * Inserts are never re-sent, whatever this says.
 */
export function resendDecision(
	attempt: number,
	outcome: AttemptOutcome,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	random: () => number = Math.random,
	now: number = Date.now(),
): RetryVerdict {
	return retryDecision(attempt, outcome, 'GET', policy, random, now);
}
