/** The benchmarks' transport: the real one (undici), counting what passes through it. */
import type { Transport, TransportRequest, TransportResponse } from '../src/transport/types';
import { UndiciTransport } from '../src/transport/undici-transport';

/** One request as sent: method, same-origin path with query, bytes on the wire. */
export interface SentRequest {
	method: 'GET' | 'POST';
	path: string;
	wire: number;
}

/** The real transport, counting what passes through it (totals, and each request when `keepLog`). */
export class CountingTransport implements Transport {
	private readonly inner = new UndiciTransport();
	requests = 0;
	wire = 0;
	decoded = 0;
	readonly log: SentRequest[] = [];

	constructor(private readonly keepLog = false) {}

	async request(req: TransportRequest): Promise<TransportResponse> {
		const res = await this.inner.request(req);
		this.requests++;
		this.wire += res.bytes;
		this.decoded += res.decodedBytes ?? res.bytes;
		if (this.keepLog) {
			const url = new URL(req.url);
			this.log.push({ method: req.method, path: url.pathname + url.search, wire: res.bytes });
		}
		return res;
	}

	close(): Promise<void> {
		return this.inner.close();
	}
}
