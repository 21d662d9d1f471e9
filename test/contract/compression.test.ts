/**
 * Compressed responses: the transport asks for gzip, deflate and br, decodes them streaming, caps the decoded size
 * (a decompression bomb stops at the cap) as well as the wire size, and reports both sizes; a truncated compressed
 * stream is a broken transfer. End to end, the client works against the emulator in every coding and with a server
 * that never compresses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BackofficeServerError, ConnectionError } from '../../src/errors';
import { UndiciTransport } from '../../src/transport/undici-transport';
import type { Coding } from '../emulator';
import { newHire, setup } from './helpers';

const PAGE = Buffer.from(`<html><body><div id="main-column">${'<tr><td>row</td></tr>'.repeat(5000)}</div></body></html>`);

let server: Server | undefined;
const transports: UndiciTransport[] = [];
afterEach(async () => {
	await Promise.all(transports.splice(0).map((t) => t.close()));
	if (server) {
		server.closeAllConnections();
		await new Promise<void>((r) => server!.close(() => r()));
	}
	server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: IncomingMessage['headers'][] }> {
	const seen: IncomingMessage['headers'][] = [];
	server = createServer((req, res) => {
		seen.push(req.headers);
		handler(req, res);
	});
	await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`, seen };
}

function get(url: string, maxResponseBytes = 10_000_000) {
	const t = new UndiciTransport();
	transports.push(t);
	return t.request({ method: 'GET', url, headers: { accept: 'text/html' }, timeoutMs: 5000, maxResponseBytes });
}

/** Sends `body` with `encoding` in two chunks (so decoding is exercised across chunk boundaries). */
function answer(body: Buffer, encoding?: string) {
	return (_req: IncomingMessage, res: ServerResponse) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', ...(encoding ? { 'content-encoding': encoding } : {}) });
		res.write(body.subarray(0, 7));
		res.end(body.subarray(7));
	};
}

describe('transport: content codings', () => {
	const cases: Array<[string, Buffer, string | undefined]> = [
		['gzip', gzipSync(PAGE), 'gzip'],
		['x-gzip', gzipSync(PAGE), 'x-gzip'],
		['br', brotliCompressSync(PAGE), 'br'],
		['deflate (zlib-wrapped, RFC 9110)', deflateSync(PAGE), 'deflate'],
		['deflate (raw, as some servers send it)', deflateRawSync(PAGE), 'deflate'],
		['identity header', PAGE, 'identity'],
		['none', PAGE, undefined],
	];
	for (const [name, wire, encoding] of cases) {
		it(`decodes ${name} and reports wire and decoded bytes`, async () => {
			const { url, seen } = await serve(answer(wire, encoding));
			const res = await get(url);
			expect(seen[0]['accept-encoding']).toBe('gzip, deflate, br');
			expect(res.body).toBe(PAGE.toString('utf8'));
			expect(res.bytes).toBe(wire.length);
			expect(res.decodedBytes).toBe(PAGE.length);
			if (encoding && encoding !== 'identity') expect(res.bytes).toBeLessThan(PAGE.length / 5);
		});
	}

	it('an empty body under a Content-Encoding header (a redirect) is an empty body', async () => {
		const { url } = await serve((_req, res) => {
			res.writeHead(302, { location: '/', 'content-encoding': 'gzip' });
			res.end();
		});
		const res = await get(url);
		expect(res).toMatchObject({ status: 302, body: '', bytes: 0, decodedBytes: 0 });
	});

	it('refuses an unknown or chained coding, naming it', async () => {
		const { url } = await serve(answer(PAGE, 'compress'));
		const err = await get(url).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect((err as Error).message).toContain("unsupported Content-Encoding 'compress'");
	});

	for (const [coding, wire] of [['gzip', gzipSync(PAGE)], ['br', brotliCompressSync(PAGE)], ['deflate', deflateSync(PAGE)]] as const) {
		it(`a truncated ${coding} stream is a ConnectionError (a broken transfer, never a shorter page)`, async () => {
			const { url } = await serve(answer(wire.subarray(0, wire.length - 8), coding));
			const err = await get(url).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(ConnectionError);
			expect((err as Error).message).toContain(`the ${coding} body could not be decoded`);
		});
	}

	it('a corrupt gzip stream is a ConnectionError', async () => {
		const { url } = await serve(answer(Buffer.from('this is not gzip at all, just text'), 'gzip'));
		expect(await get(url).catch((e: unknown) => e)).toBeInstanceOf(ConnectionError);
	});
});

describe('transport: size caps with compression', () => {
	it('a gzip bomb (4 MB on the wire, 4 GiB decoded) stops at the decoded cap with RESPONSE_TOO_LARGE', async () => {
		// 4,096 gzip members of 1 MiB of zeros each: one valid gzip stream that would inflate to 4 GiB. Inflating it
		// whole would take seconds and gigabytes; the decoder must stop right after the 8 MB cap.
		const member = gzipSync(Buffer.alloc(1 << 20));
		const bomb = Buffer.concat(Array.from({ length: 4096 }, () => member));
		expect(bomb.length).toBeLessThan(8_000_000);
		const { url } = await serve(answer(bomb, 'gzip'));
		const before = process.memoryUsage().rss;
		const err = await get(url, 8_000_000).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(BackofficeServerError);
		expect((err as BackofficeServerError).code).toBe('RESPONSE_TOO_LARGE');
		expect((err as Error).message).toContain('decoded response larger than 8000000 bytes');
		expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
	});

	it('a brotli bomb (256 MiB of zeros in ~50 KB) stops at the decoded cap', async () => {
		const bomb = brotliCompressSync(Buffer.alloc(256 << 20), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
		const { url } = await serve(answer(bomb, 'br'));
		const err = await get(url, 1_000_000).catch((e: unknown) => e);
		expect((err as BackofficeServerError).code).toBe('RESPONSE_TOO_LARGE');
	});

	it('the cap applies to the wire bytes too', async () => {
		const noise = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));
		const { url } = await serve(answer(gzipSync(noise, { level: 0 }), 'gzip'));
		const err = await get(url, 100_000).catch((e: unknown) => e);
		expect((err as BackofficeServerError).code).toBe('RESPONSE_TOO_LARGE');
		expect((err as Error).message).toContain('GET /page: response larger than 100000 bytes');
	});
});

describe('client against the emulator', () => {
	for (const coding of ['br', 'gzip', 'deflate'] as Coding[]) {
		it(`${coding}: a create and a disable work; pages above the threshold arrive compressed, small redirects do not`, async () => {
			const { emu, client, done } = await setup({ compression: { codings: [coding] } });
			try {
				const hire = newHire();
				const created = await client.createEmployee(hire);
				expect(created.sitesGranted).toEqual(['Wash 37135']);
				await client.disableEmployee({ posUserId: hire.posUserId });
				expect(emu.state.findEmployeeByPosUserId(hire.posUserId)?.isActive).toBe(false);
				const pages = emu.requests.filter((r) => r.status === 200);
				expect(pages.length).toBeGreaterThan(3);
				for (const r of pages) {
					expect(r.encoding, r.path).toBe(coding);
					expect(r.bytes * 4, r.path).toBeLessThan(r.decodedBytes!);
				}
				for (const r of emu.requests.filter((x) => x.status === 302)) expect(r.encoding, r.path).toBeUndefined();
			} finally {
				await done();
			}
		});
	}

	it('a server that never compresses: the same create, nothing compressed', async () => {
		const { emu, client, done } = await setup({ compression: { mode: 'never' } });
		try {
			await client.createEmployee(newHire());
			expect(emu.requests.length).toBeGreaterThan(5);
			for (const r of emu.requests) {
				expect(r.encoding).toBeUndefined();
				expect(r.bytes).toBe(r.decodedBytes);
			}
		} finally {
			await done();
		}
	});

	it('a truncated compressed page is a broken transfer: the GET is retried, never parsed short', async () => {
		const { emu, client, done } = await setup({
			compression: { codings: ['gzip'] },
			faults: [{ route: '/employee/create', method: 'GET', kind: 'truncate', encoded: true, times: 1 }],
		});
		try {
			const sites = await client.listSites();
			expect(sites.length).toBe(emu.state.sites.length);
			const gets = emu.requests.filter((r) => r.path === '/employee/create');
			expect(gets.map((r) => r.fault)).toEqual(['truncate', undefined]);
		} finally {
			await done();
		}
	});

	it('the threshold is configurable: nothing below it is compressed', async () => {
		const { emu, client, done } = await setup({ compression: { threshold: 10_000_000 } });
		try {
			await client.listSites();
			expect(emu.requests.every((r) => r.encoding === undefined)).toBe(true);
		} finally {
			await done();
		}
	});
});
