/**
 * Fault injection for tests. A rule matches a request by route (exact path without query, or a RegExp tested on the
 * path with query) and method; `after` skips the first N matching requests, `times` caps how often it fires,
 * `probability` fires at random from a seeded generator (deterministic across runs).
 */
export type FaultKind =
	/** Answer with `status` (default 500), plus `Retry-After` when `retryAfter` is set. */
	| 'status'
	/** 503 with the maintenance page and `Retry-After` (default 120). */
	| 'maintenance'
	/** Wait `delayMs` (default 60000) before answering normally: for client timeouts. */
	| 'slow'
	/** Destroy the socket without answering. */
	| 'reset'
	/** Answer normally but cut the body (at `truncateAt` bytes, default half), ending the response cleanly. */
	| 'truncate'
	/** Forget the session before handling: the request gets the session-expiry response. */
	| 'expireSession'
	/** Handle the request (a write is applied), then destroy the socket without answering. */
	| 'lostResponse'
	/** Handle the request (a write is applied), then answer 302 to another origin (`https://elsewhere.invalid/`). */
	| 'offsiteRedirect'
	/** Handle the request (a write is applied), then answer its page padded past the client's size cap (`padBytes`, default 2 MiB). */
	| 'oversize';

export interface FaultRule {
	kind: FaultKind;
	route?: string | RegExp;
	method?: string;
	status?: number;
	retryAfter?: number;
	delayMs?: number;
	truncateAt?: number;
	/** With `truncate`: cut the body as sent (compressed, when the answer is compressed) instead of the HTML. */
	encoded?: boolean;
	/** `oversize`: bytes of padding appended to the body. */
	padBytes?: number;
	/** Fire at most this many times (default: unlimited). */
	times?: number;
	/** Let this many matching requests through first (default 0). */
	after?: number;
	/** 0..1, drawn from the seeded generator (default 1). */
	probability?: number;
}

interface Armed {
	rule: FaultRule;
	seen: number;
	fired: number;
}

/** mulberry32: small, seedable, good enough for fault dice. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultInjector {
	private rules: Armed[] = [];
	private random: () => number;

	constructor(rules: FaultRule[] = [], seed = 1) {
		this.random = rng(seed);
		for (const r of rules) this.add(r);
	}

	add(rule: FaultRule): void {
		this.rules.push({ rule, seen: 0, fired: 0 });
	}

	clear(): void {
		this.rules = [];
	}

	/** Rules currently armed (read-only view for tests). */
	list(): FaultRule[] {
		return this.rules.map((r) => r.rule);
	}

	/** The first rule that fires for this request, if any (counts are updated). */
	match(method: string, pathWithQuery: string): FaultRule | undefined {
		const pathname = pathWithQuery.split('?')[0];
		for (const armed of this.rules) {
			const r = armed.rule;
			if (r.method && r.method.toUpperCase() !== method.toUpperCase()) continue;
			if (typeof r.route === 'string' && r.route !== pathname && r.route !== pathWithQuery) continue;
			if (r.route instanceof RegExp && !r.route.test(pathWithQuery)) continue;
			if (r.times !== undefined && armed.fired >= r.times) continue;
			armed.seen++;
			if (armed.seen <= (r.after ?? 0)) continue;
			if (r.probability !== undefined && this.random() >= r.probability) continue;
			armed.fired++;
			return r;
		}
		return undefined;
	}
}

export function maintenancePage(): string {
	return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sonny's Controls | Maintenance</title></head>
<body>
    <div id="maintenance">
        <h1>We'll be right back</h1>
        <p>Sonny's Controls is undergoing scheduled maintenance. Please try again in a few minutes.</p>
    </div>
</body>
</html>`;
}

export function errorPage(status: number): string {
	return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${status} Error</title></head>
<body><h1>${status} Error</h1><p>The server encountered an error processing your request.</p></body>
</html>`;
}
