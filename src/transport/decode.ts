/**
 * Reading a response body with its `Content-Encoding` undone, streaming, under one size cap that applies to the
 * bytes on the wire AND to the decoded bytes: a small compressed body that inflates past the cap (a decompression
 * bomb) is stopped as soon as the decoder's output crosses the cap, never inflated whole.
 */
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { BackofficeServerError, ConnectionError } from '../errors';

/** What the transport asks for: the codings it can decode, as a browser (and python-requests) asks. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** A decoded body with both of its sizes. */
export interface DecodedBody {
	body: Buffer;
	/** Bytes received on the wire (compressed, when the server compressed). */
	wireBytes: number;
	/** Bytes after decoding (equal to `wireBytes` for an uncompressed body). */
	decodedBytes: number;
}

type Coding = 'identity' | 'gzip' | 'deflate' | 'br';

/** The one coding of a `Content-Encoding` header; a chain or an unknown coding is refused, naming it. */
export function contentCoding(header: string | string[] | undefined, where: string): Coding {
	const raw = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim().toLowerCase();
	const codings = raw.split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'identity');
	if (codings.length === 0) return 'identity';
	if (codings.length === 1) {
		const c = codings[0];
		if (c === 'gzip' || c === 'x-gzip') return 'gzip';
		if (c === 'deflate' || c === 'br') return c;
	}
	throw new BackofficeServerError(`${where}: unsupported Content-Encoding '${raw.slice(0, 40)}'`, { code: 'SERVER_ERROR' });
}

/** The RESPONSE_TOO_LARGE error of a transport. */
export function tooLarge(where: string, max: number, what = 'response'): BackofficeServerError {
	return new BackofficeServerError(`${where}: ${what} larger than ${max} bytes`, { code: 'RESPONSE_TOO_LARGE' });
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110), yet some servers send raw deflate; browsers accept both, so
 * the first two bytes decide (a zlib header: CM=8 and a header checksum divisible by 31).
 */
function deflateDecoder(): Transform {
	let inner: Transform | undefined;
	const out = new Transform({
		transform(chunk: Buffer, _enc, cb) {
			if (!inner) {
				const zlibHeader = chunk.length >= 2 && (chunk[0] & 0x0f) === 8 && ((chunk[0] << 8) | chunk[1]) % 31 === 0;
				inner = zlibHeader ? createInflate() : createInflateRaw();
				inner.on('data', (d: Buffer) => out.push(d));
				inner.on('error', (e) => out.destroy(e));
			}
			if (inner.write(chunk)) cb();
			else inner.once('drain', () => cb());
		},
		flush(cb) {
			if (!inner) return cb();
			inner.once('end', () => cb());
			inner.end();
		},
		destroy(err, cb) {
			inner?.destroy();
			cb(err);
		},
	});
	return out;
}

function decoderFor(coding: Exclude<Coding, 'identity'>): Transform {
	// Flushing modes that tolerate a stream ending on a block boundary are NOT used: a stream that stops short is
	// an error ("unexpected end of file"), as it must be, never a shorter page.
	if (coding === 'gzip') return createGunzip();
	if (coding === 'br') return createBrotliDecompress({ params: { [constants.BROTLI_DECODER_PARAM_LARGE_WINDOW]: 0 } });
	return deflateDecoder();
}

/**
 * Reads `body` whole: wire bytes counted and capped, then decoded per `coding` with the decoded bytes capped too.
 * Throws `RESPONSE_TOO_LARGE` (either cap, the stream destroyed at once) or ConnectionError for a compressed
 * stream that is truncated or corrupt (a broken transfer, as a cut-off page is).
 */
export async function readDecodedBody(body: Readable, coding: Coding, max: number, where: string): Promise<DecodedBody> {
	let wireBytes = 0;
	let decodedBytes = 0;
	const chunks: Buffer[] = [];
	const countWire = new Transform({
		transform(chunk: Buffer, _enc, cb) {
			wireBytes += chunk.length;
			if (wireBytes > max) cb(tooLarge(where, max));
			else cb(null, chunk);
		},
	});
	const sink = new Writable({
		write(chunk: Buffer, _enc, cb) {
			decodedBytes += chunk.length;
			if (decodedBytes > max) return cb(tooLarge(where, max, 'decoded response'));
			chunks.push(chunk);
			cb();
		},
	});
	const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream> = [body, countWire];
	if (coding !== 'identity') stages.push(decoderFor(coding));
	try {
		await (pipeline as (...s: unknown[]) => Promise<void>)(...stages, sink);
	} catch (err) {
		if (err instanceof BackofficeServerError) throw err;
		// An empty body under a Content-Encoding header (a redirect, say) decodes to nothing, not to an error.
		if (coding !== 'identity' && wireBytes === 0) return { body: Buffer.alloc(0), wireBytes, decodedBytes: 0 };
		if (isDecodeError(err)) {
			throw new ConnectionError(`${where}: the ${coding} body could not be decoded (truncated or corrupt)`, { cause: err });
		}
		throw err;
	}
	return { body: Buffer.concat(chunks), wireBytes, decodedBytes };
}

/** zlib's and brotli's errors (`Z_BUF_ERROR` for a stream that stops short, `Z_DATA_ERROR` for garbage, `ERR_BROTLI_*`). */
function isDecodeError(err: unknown): boolean {
	const code = String((err as { code?: unknown })?.code ?? '');
	return code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__');
}
