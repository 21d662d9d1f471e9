/**
 * Public entry point of the core client for Sonny's Carwash Controls Backoffice.
 * Imports nothing from n8n.
 */
export {
	SonnysBackofficeClient,
	resolveBaseUrl,
	DEFAULT_TIMEOUT_MS,
	DEFAULT_MAX_RESPONSE_BYTES,
	DEFAULT_USER_AGENT,
	CLIENT_VERSION,
} from './client';
export type { ClientInternals } from './client';
export {
	SonnysBackofficeError,
	ValidationError,
	DuplicateError,
	NotFoundError,
	AmbiguousMatchError,
	AuthenticationError,
	LoginSkippedError,
	BackofficeServerError,
	UnexpectedPageError,
	RejectedByServerError,
	VerificationError,
	OutcomeUnknownError,
	TimeoutError,
	ConnectionError,
} from './errors';
export type { SonnysBackofficeErrorCode } from './errors';
export type * from './models/api';
export type { Changes, FieldChange, PlannedRequest } from './models/changes';
export type { EmployeeUpserted, UpsertAction, UpsertEmployeeInput } from './models/upsert';
export type { Transport, TransportRequest, TransportResponse } from './transport/types';
export { UndiciTransport } from './transport/undici-transport';
export type { UndiciTransportOptions } from './transport/undici-transport';
export { retryDecision, parseRetryAfter, DEFAULT_RETRY_POLICY } from './transport/retry';
export type { AttemptOutcome, RetryPolicy, RetryVerdict } from './transport/retry';
export { assertLoginAllowed, recordLoginRefusal, loginBackoffMs } from './session/login-backoff';
export type { CredentialParts, LoginRefusal } from './session/login-backoff';
