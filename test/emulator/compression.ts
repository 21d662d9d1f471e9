/**
 * Response compression of the emulator. ASSUMPTION: whether the real Backoffice compresses is unknown (the only
 * captured answers were tiny, uncompressed redirects, protocol A.0). The default negotiates like a typical nginx or
 * Apache front end: compress HTML above a size threshold in the client's best accepted coding; `never` mimics a
 * server that never compresses. The captured headers are kept as they are (`Vary: User-Agent`, chunked).
 */
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';

/** A content coding the emulator can produce. */
export type Coding = 'br' | 'gzip' | 'deflate';

/** Compression settings of the emulator. */
export interface CompressionOptions {
	/** `negotiate` (default): compress when asked; `never`: a server that never compresses. */
	mode: 'negotiate' | 'never';
	/** Bodies shorter than this many bytes go uncompressed (default 1024, like a common `gzip_min_length`). */
	threshold: number;
	/** Codings offered, in the server's order of preference (default br, gzip, deflate). */
	codings: Coding[];
}

export const COMPRESSION_DEFAULTS: CompressionOptions = { mode: 'negotiate', threshold: 1024, codings: ['br', 'gzip', 'deflate'] };

/** The coding to answer with: the server's first preference the request accepts (q > 0), or none. */
export function negotiate(acceptEncoding: string | undefined, options: CompressionOptions, bytes: number): Coding | undefined {
	if (options.mode === 'never' || bytes < options.threshold || !acceptEncoding) return undefined;
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
		accepted.set(name.trim(), q === undefined ? 1 : Number(q));
	}
	const ok = (c: string) => (accepted.get(c) ?? accepted.get('*') ?? 0) > 0;
	return options.codings.find(ok);
}

/** The body compressed with `coding` (brotli at quality 5, gzip and deflate at zlib's default level). */
export function compress(body: Buffer, coding: Coding): Buffer {
	if (coding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
	if (coding === 'gzip') return gzipSync(body);
	return deflateSync(body);
}
