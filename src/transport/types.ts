/** One HTTP request as the session layer hands it to a transport. */
export interface TransportRequest {
	/** Only GETs (reads) and POSTs (form submissions) are ever sent. */
	method: 'GET' | 'POST';
	/** Absolute URL. */
	url: string;
	/** Lower-case names: `user-agent`, `accept`, `cookie` (the session: a secret), `content-type` for a POST. */
	headers: Record<string, string>;
	/** `application/x-www-form-urlencoded` body of a POST. */
	body?: string;
	/** Whole-request deadline (connect, headers and body). */
	timeoutMs: number;
	/** Largest body accepted, on the wire and decoded; a longer body fails with code `RESPONSE_TOO_LARGE`. */
	maxResponseBytes: number;
}

/** A complete response; redirects are never followed by a transport. */
export interface TransportResponse {
	/** HTTP status (3xx included: redirects are the caller's business). */
	status: number;
	/** Header values, lower-case names; `set-cookie` may repeat. */
	headers: Record<string, string | string[] | undefined>;
	/** Body, its Content-Encoding undone, decoded as UTF-8. */
	body: string;
	/** Body size in bytes as received on the wire (compressed, when the server compressed). */
	bytes: number;
	/** Body size in bytes after decoding; absent means the same as `bytes` (nothing was compressed). */
	decodedBytes?: number;
}

/**
 * Moves bytes: one request, one response, no cookies, no redirects, no retries.
 * Tests replace it; the default is {@link UndiciTransport}.
 * Implementations throw `TimeoutError`, `ConnectionError` or a `BackofficeServerError` with code
 * `RESPONSE_TOO_LARGE`, never a raw library error.
 */
export interface Transport {
	/** Sends one request and reads the whole body. */
	request(request: TransportRequest): Promise<TransportResponse>;
	/** Release pooled connections. Idempotent. */
	close(): Promise<void>;
}
