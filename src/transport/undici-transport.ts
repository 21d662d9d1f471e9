import { Agent, EnvHttpProxyAgent, request as undiciRequest, type Dispatcher } from 'undici';
import { ConnectionError, SonnysBackofficeError, TimeoutError } from '../errors';
import { ACCEPT_ENCODING, contentCoding, readDecodedBody, tooLarge } from './decode';
import { isLoopbackHost } from './loopback';
import type { Transport, TransportRequest, TransportResponse } from './types';

/** Options of {@link UndiciTransport}. */
export interface UndiciTransportOptions {
	/** Environment to read proxy variables from; defaults to `process.env`. */
	env?: NodeJS.ProcessEnv;
	/** Keep-alive connections per origin. Default 4. */
	connections?: number;
}

export { isLoopbackHost };

/** True when any proxy variable is set in the environment. */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
	return ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some((k) => (env[k] ?? '') !== '');
}

const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_SOCKET',
	'UND_ERR_CLOSED',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
	'UND_ERR_PRX_TLS',
	// Aborted by undici itself (not our deadline), e.g. a proxy refusing the tunnel.
	'UND_ERR_ABORTED',
]);

/**
 * The default transport: one pooled undici dispatcher with keep-alive for the client's lifetime,
 * `HTTP(S)_PROXY`/`NO_PROXY` honoured through `EnvHttpProxyAgent` (loopback is never proxied),
 * a whole-request deadline per call, compressed bodies (gzip, deflate, br) asked for and decoded, and a cap on
 * the body size that applies both to the bytes on the wire and to the decoded bytes.
 */
export class UndiciTransport implements Transport {
	private readonly direct: Agent;
	private readonly proxied?: EnvHttpProxyAgent;
	private closed = false;

	constructor(options: UndiciTransportOptions = {}) {
		const env = options.env ?? process.env;
		const pool = { connections: options.connections ?? 4, keepAliveTimeout: 30_000, pipelining: 1 };
		this.direct = new Agent(pool);
		if (proxyConfigured(env)) {
			this.proxied = new EnvHttpProxyAgent({
				...pool,
				httpProxy: env.HTTP_PROXY ?? env.http_proxy,
				httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
				noProxy: env.NO_PROXY ?? env.no_proxy,
			});
		}
	}

	/** The dispatcher used for a URL: the proxy agent (which applies NO_PROXY) unless the host is loopback. */
	private dispatcherFor(url: URL): Dispatcher {
		if (this.proxied && !isLoopbackHost(url.hostname)) return this.proxied;
		return this.direct;
	}

	/** One request with its whole-request deadline and size cap; undici errors become TimeoutError / ConnectionError. */
	async request(req: TransportRequest): Promise<TransportResponse> {
		if (this.closed) throw new SonnysBackofficeError('the client is closed', 'CLIENT_CLOSED');
		const url = new URL(req.url);
		const where = `${req.method} ${url.pathname}`;
		const controller = new AbortController();
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, req.timeoutMs);
		try {
			const res = await undiciRequest(url, {
				method: req.method,
				// The transport decodes, so it alone says which codings it accepts.
				headers: { ...req.headers, 'accept-encoding': ACCEPT_ENCODING },
				body: req.body,
				dispatcher: this.dispatcherFor(url),
				signal: controller.signal,
				headersTimeout: req.timeoutMs,
				bodyTimeout: req.timeoutMs,
			});
			const declared = Number(res.headers['content-length'] ?? NaN);
			if (Number.isFinite(declared) && declared > req.maxResponseBytes) {
				res.body.destroy();
				throw tooLarge(where, req.maxResponseBytes);
			}
			let coding;
			try {
				coding = contentCoding(res.headers['content-encoding'], where);
			} catch (err) {
				res.body.destroy();
				throw err;
			}
			const read = await readDecodedBody(res.body, coding, req.maxResponseBytes, where);
			return {
				status: res.statusCode,
				headers: res.headers as TransportResponse['headers'],
				body: read.body.toString('utf8'),
				bytes: read.wireBytes,
				decodedBytes: read.decodedBytes,
			};
		} catch (err) {
			throw mapError(err, where, req.timeoutMs, timedOut);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Closes both dispatchers. Idempotent; later requests fail with code `CLIENT_CLOSED`. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await Promise.all([this.direct.close(), this.proxied?.close()]);
	}
}

function mapError(err: unknown, where: string, timeoutMs: number, timedOut: boolean): Error {
	if (err instanceof SonnysBackofficeError) return err;
	const code = (err as { code?: string })?.code ?? '';
	const causeCode = ((err as { cause?: { code?: string } })?.cause?.code) ?? '';
	if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
		return new TimeoutError(`${where}: no complete response within ${timeoutMs} ms`, { cause: err });
	}
	if (CONNECTION_CODES.has(code) || CONNECTION_CODES.has(causeCode) || (err as Error)?.message === 'terminated') {
		return new ConnectionError(`${where}: connection failed (${code || causeCode || 'terminated'})`, { cause: err });
	}
	return new ConnectionError(`${where}: request failed (${code || (err as Error)?.name || 'unknown'})`, { cause: err });
}
