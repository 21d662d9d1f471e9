/**
 * The one error hierarchy of the core client. Every error has a stable, machine-readable `code`;
 * messages never contain passwords, session cookies, generated PINs or whole pages.
 */

/** Stable error codes. Never rename one: callers (and the n8n node) switch on them. */
export type SonnysBackofficeErrorCode =
	| 'VALIDATION_ERROR'
	| 'DUPLICATE'
	| 'NOT_FOUND'
	| 'AMBIGUOUS_MATCH'
	| 'AUTHENTICATION_FAILED'
	| 'SERVER_ERROR'
	| 'UNEXPECTED_PAGE'
	| 'REJECTED_BY_SERVER'
	| 'VERIFICATION_FAILED'
	| 'OUTCOME_UNKNOWN'
	| 'TIMEOUT'
	| 'CONNECTION_ERROR'
	| 'RESPONSE_TOO_LARGE'
	| 'CLIENT_CLOSED';

/** Base class of every error thrown by the client. */
export class SonnysBackofficeError extends Error {
	/** Stable machine-readable code. */
	readonly code: SonnysBackofficeErrorCode;

	constructor(message: string, code: SonnysBackofficeErrorCode = 'SERVER_ERROR', options?: { cause?: unknown }) {
		super(message, options);
		this.name = new.target.name;
		this.code = code;
	}
}

/** Input rejected before any request was sent (or a form value Backoffice refused). */
export class ValidationError extends SonnysBackofficeError {
	/** Dotted path of the offending input field, in the caller's camelCase (e.g. `phone`, `availableSites.0`). */
	readonly field: string;
	/** Why the value was refused, without repeating secret values. */
	readonly reason: string;

	constructor(field: string, reason: string, options?: { cause?: unknown }) {
		super(`${field}: ${reason}`, 'VALIDATION_ERROR', options);
		this.field = field;
		this.reason = reason;
	}
}

/** The value must be unique on the tenant and is already used. */
export class DuplicateError extends SonnysBackofficeError {
	/** Which input field collided: `posUserId`, `email`, `phone` or `username`. */
	readonly field: 'posUserId' | 'email' | 'phone' | 'username';
	/** The colliding value (never a secret). */
	readonly value: string;
	/** Internal id of the employee that already holds the value, when known. */
	readonly existingEmployeeId?: number;

	constructor(
		field: DuplicateError['field'],
		value: string,
		message?: string,
		existingEmployeeId?: number,
	) {
		super(
			message ??
				`${field}=${value} is already in use on this tenant` +
					(existingEmployeeId !== undefined ? ` (employee ${existingEmployeeId})` : ''),
			'DUPLICATE',
		);
		this.field = field;
		this.value = value;
		this.existingEmployeeId = existingEmployeeId;
	}
}

/** A lookup found nothing: an employee, a site, a department, a template, a page to read templates from. */
export class NotFoundError extends SonnysBackofficeError {
	/** What was looked up, e.g. `site`, `employee`, `permission`. */
	readonly subject: string;
	/** The key that was not found (e.g. the site name), when there is one. */
	readonly key?: string;

	constructor(subject: string, message: string, key?: string) {
		super(message, 'NOT_FOUND');
		this.subject = subject;
		this.key = key;
	}
}

/** A name lookup matched several records. */
export class AmbiguousMatchError extends SonnysBackofficeError {
	/** POS user ids of the candidates (null for a row without one), when the lookup knows them. */
	readonly candidates: Array<number | null>;

	constructor(message: string, candidates: Array<number | null> = []) {
		super(message, 'AMBIGUOUS_MATCH');
		this.candidates = candidates;
	}
}

/** Login or the one transparent re-login failed. Never retried automatically. */
export class AuthenticationError extends SonnysBackofficeError {
	constructor(message: string) {
		super(message, 'AUTHENTICATION_FAILED');
	}
}

/** Backoffice answered with something the client cannot accept (HTTP 5xx, a refused write, a changed page). */
export class BackofficeServerError extends SonnysBackofficeError {
	/** HTTP status, when the failure came from one response. */
	readonly status?: number;
	/** The response's `Retry-After` header, when it had one. */
	readonly retryAfter?: string;

	constructor(
		message: string,
		options?: { status?: number; code?: SonnysBackofficeErrorCode; cause?: unknown; retryAfter?: string },
	) {
		super(message, options?.code ?? 'SERVER_ERROR', { cause: options?.cause });
		this.status = options?.status;
		if (options?.retryAfter !== undefined) this.retryAfter = options.retryAfter;
	}
}

/** A page was not the page the parser expected (layout changed, login page, maintenance page). */
export class UnexpectedPageError extends BackofficeServerError {
	/** Path of the page (no query secrets). */
	readonly url: string;

	constructor(url: string, found: string) {
		super(`unexpected page at ${url}: ${found}`, { code: 'UNEXPECTED_PAGE' });
		this.url = url;
	}
}

/** Backoffice refused a write (302 back to the form with `actionXfer`); `flash` is the server's message. */
export class RejectedByServerError extends BackofficeServerError {
	/** The flash message Backoffice rendered, when one was found. */
	readonly flash?: string;

	constructor(message: string, flash?: string) {
		super(flash ? `${message}: ${flash}` : message, { code: 'REJECTED_BY_SERVER' });
		this.flash = flash;
	}
}

/** A write was accepted but reading it back shows it did not take effect as requested. */
export class VerificationError extends BackofficeServerError {
	constructor(message: string) {
		super(message, { code: 'VERIFICATION_FAILED' });
	}
}

/**
 * A write failed ambiguously (timeout, reset, 5xx) and the read-back could not prove either outcome.
 * The write was NOT replayed. `checked` says what was looked at.
 */
export class OutcomeUnknownError extends BackofficeServerError {
	/** What was looked at to decide the outcome (and why it could not), e.g. the roster search that was made. */
	readonly checked: string;

	constructor(message: string, checked: string, options?: { cause?: unknown }) {
		super(`${message}; checked: ${checked}`, { code: 'OUTCOME_UNKNOWN', cause: options?.cause });
		this.checked = checked;
	}
}

/** A request took longer than `timeoutMs`. */
export class TimeoutError extends SonnysBackofficeError {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, 'TIMEOUT', options);
	}
}

/** The connection could not be made or was reset. */
export class ConnectionError extends SonnysBackofficeError {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, 'CONNECTION_ERROR', options);
	}
}
