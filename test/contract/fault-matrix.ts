/**
 * Our own fault matrix (issue 9). Every write scenario (./fault-scenarios.ts) runs once to learn its request
 * sequence from the emulator's log; then, on a fresh emulator each time, again with every fault kind at every request
 * index (and a deterministic sample of two faults), and the outcome is judged from the emulator's state:
 * - correct: the call succeeded and the state is the one asked for;
 * - safe: a typed error with the state unchanged, or an error that truthfully says what was created or changed
 *   (never a bare transport, page or login error once the state changed: docs/client.md, failure contract);
 * - wrong: anything else, and any duplicate.
 * No real waiting: retry waits are skipped through the client's test internals, and the `slow` kind is played by the
 * client's transport (the request times out at once and reaches the emulator only after the call has returned: the
 * server applies the write after the client gave up and read back), instead of the emulator's real delay.
 */
import { describe, expect, it } from 'vitest';
import { SonnysBackofficeError, TimeoutError } from '../../src/errors';
import type { Transport, TransportRequest } from '../../src/transport/types';
import { UndiciTransport } from '../../src/transport/undici-transport';
import { startEmulator, type FaultRule, type RequestLogEntry } from '../emulator';
import { rng } from '../emulator/faults';
import { WRITE_SCENARIOS, type WriteScenario } from './fault-scenarios';
import { newClient, type Emu } from './helpers';

const TIMEOUT_MS = 10_000;
const MAX_BYTES = 512 * 1024;
const PARALLEL = 6;
/** Sampled double faults per row, unless the row says otherwise (`doubleFaults`). */
const DOUBLE_FAULTS_PER_SCENARIO = 12;

/** Every fault kind of the emulator, as one rule each (route, `after` and `times` are added per request). */
const FAULT_KINDS: Array<Omit<FaultRule, 'route' | 'method' | 'after' | 'times'>> = [
	{ kind: 'expireSession' },
	{ kind: 'status', status: 500 },
	{ kind: 'status', status: 502, retryAfter: 0 },
	{ kind: 'status', status: 503, retryAfter: 1 },
	{ kind: 'status', status: 429, retryAfter: 0 },
	{ kind: 'maintenance' },
	{ kind: 'slow' },
	{ kind: 'reset' },
	{ kind: 'truncate' },
	{ kind: 'lostResponse' },
	{ kind: 'offsiteRedirect' },
	{ kind: 'oversize', padBytes: MAX_BYTES + 1024 },
];

/** Codes that must not leave a call after its write was accepted (docs/client.md, failure contract, rule 4). */
const BARE_CODES = new Set(['TIMEOUT', 'CONNECTION_ERROR', 'SERVER_ERROR', 'UNEXPECTED_PAGE', 'RESPONSE_TOO_LARGE', 'AUTHENTICATION_FAILED']);

/** The reconciliation's verdict (src/operations/reconcile.ts): the lookup proved the insert absent. */
const PROVEN_NOT_CREATED = /shows it does not exist: nothing was created/;

type Fault = { index: number; rule: Omit<FaultRule, 'route' | 'method' | 'after' | 'times'> };

const label = (f: Fault, seq: RequestLogEntry[]) =>
	`${f.rule.kind}${f.rule.status ? ` ${f.rule.status}` : ''} at #${f.index} ${seq[f.index].method} ${seq[f.index].path.split('?')[0]}`;

/** The rule that fires on the `index`-th request of the learned sequence (same method and path with query). */
function ruleAt(seq: RequestLogEntry[], f: Fault): FaultRule {
	const target = seq[f.index];
	const after = seq.slice(0, f.index).filter((r) => r.method === target.method && r.path === target.path).length;
	const exact = new RegExp(`^${target.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	return { ...f.rule, route: exact, method: target.method, after, times: 1 };
}

/**
 * The `slow` kind without waiting: the targeted request fails with TimeoutError at once, and is delivered to the
 * emulator by `deliverLate()` after the call returned (a server finishing a request its client gave up on).
 */
class SlowTransport implements Transport {
	private readonly inner = new UndiciTransport();
	private readonly late: TransportRequest[] = [];
	private readonly seen = new Map<string, number>();
	private targets: FaultRule[] = [];

	arm(rules: FaultRule[]): void {
		this.targets = rules;
		this.seen.clear();
	}

	async request(req: TransportRequest) {
		const url = new URL(req.url);
		const path = url.pathname + url.search;
		const key = `${req.method} ${path}`;
		const n = this.seen.get(key) ?? 0;
		this.seen.set(key, n + 1);
		if (this.targets.some((t) => t.method === req.method && (t.route as RegExp).test(path) && t.after === n)) {
			this.late.push(req);
			throw new TimeoutError(`${req.method} ${url.pathname}: no complete response within ${req.timeoutMs} ms`);
		}
		return this.inner.request(req);
	}

	async deliverLate(): Promise<void> {
		for (const req of this.late.splice(0)) await this.inner.request(req).catch(() => undefined);
	}

	close(): Promise<void> {
		return this.inner.close();
	}
}

const snapshot = (emu: Emu) => JSON.stringify({ e: emu.state.employees, u: emu.state.users });

/** correct: succeeded and applied; unchanged: typed error, nothing written; truthful: typed error saying what was written. */
type Outcome = { ok: 'correct' | 'unchanged' | 'truthful'; problem?: undefined } | { ok?: undefined; problem: string };

/** One run: fresh emulator, scenario setup, faults armed, run, judged. Returns the outcome class, or the problem. */
async function runOnce(sc: WriteScenario, faults: FaultRule[]): Promise<Outcome> {
	const emu = await startEmulator({ port: 0 });
	const transport = new SlowTransport();
	const client = newClient(emu, { timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_BYTES }, { sleep: () => Promise.resolve(), transport });
	try {
		await sc.setup?.(client, emu);
		const before = snapshot(emu);
		transport.arm(faults.filter((f) => f.kind === 'slow'));
		for (const rule of faults) if (rule.kind !== 'slow') emu.faults.add(rule);
		let error: (Error & { code?: string }) | undefined;
		try {
			await sc.run(client, emu);
		} catch (err) {
			error = err as Error;
		}
		await transport.deliverLate();
		const dup = sc.duplicates(emu);
		if (dup) return { problem: `duplicate: ${dup}` };
		if (!error) return sc.applied(emu) === undefined ? { ok: 'correct' } : { problem: `succeeded but ${sc.applied(emu)}` };
		if (!(error instanceof SonnysBackofficeError)) return { problem: `untyped error ${error.name}: ${error.message}` };
		if (snapshot(emu) === before) return { ok: 'unchanged' };
		// docs/client.md "Failure contract" 4: once a write was accepted, no bare transport, page or login error leaves
		// (except the reconciliation's proven "nothing was created" of a later insert, documented as SERVER_ERROR).
		if (BARE_CODES.has(error.code) && !PROVEN_NOT_CREATED.test(error.message)) return { problem: `state changed but the error is a bare ${error.code}: ${error.message}` };
		return sc.truthful(error, emu) ? { ok: 'truthful' } : { problem: `state changed but the error does not say so: ${error.code}: ${error.message}` };
	} finally {
		await client.close();
		await emu.close();
	}
}

/** Runs `jobs` with at most PARALLEL at a time. */
async function pool<T>(jobs: Array<() => Promise<T>>): Promise<T[]> {
	const out: T[] = new Array(jobs.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: PARALLEL }, async () => {
			while (next < jobs.length) {
				const i = next++;
				out[i] = await jobs[i]();
			}
		}),
	);
	return out;
}

/** The request sequence of a clean run (after setup), and that the clean run is correct. */
async function learn(sc: WriteScenario): Promise<RequestLogEntry[]> {
	const emu = await startEmulator({ port: 0 });
	const client = newClient(emu, { timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_BYTES }, { sleep: () => Promise.resolve() });
	try {
		await sc.setup?.(client, emu);
		const mark = emu.requests.length;
		await sc.run(client, emu);
		expect(sc.applied(emu)).toBeUndefined();
		return emu.requests.slice(mark);
	} finally {
		await client.close();
		await emu.close();
	}
}

/**
 * Registers the matrix for the scenarios whose index is `shard` modulo `of`: the shard files
 * (fault-matrix-1..4.test.ts) share the table, so vitest runs them in parallel workers.
 */
export function describeFaultMatrix(shard: number, of: number): void {
	describe(`fault matrix (part ${shard + 1} of ${of}): every write, every fault kind at every request index`, () => {
		for (const [n, sc] of WRITE_SCENARIOS.entries()) {
			if (n % of !== shard) continue;
			it(sc.name, { timeout: 300_000 }, async () => {
				const seq = await learn(sc);
				const doubles = sc.doubleFaults ?? DOUBLE_FAULTS_PER_SCENARIO;
				console.info(`${sc.name}: ${seq.length} requests x ${FAULT_KINDS.length} fault kinds + ${doubles} double faults`);
				const single: Fault[][] = seq.flatMap((_, index) => FAULT_KINDS.map((rule) => [{ index, rule }]));
				const random = rng(n + 1);
				const pick = (k: number) => Math.floor(random() * k);
				const double: Fault[][] = Array.from({ length: doubles }, () => {
					const i = pick(seq.length - 1);
					const j = i + 1 + pick(seq.length - i - 1);
					return [
						{ index: i, rule: FAULT_KINDS[pick(FAULT_KINDS.length)] },
						{ index: j, rule: FAULT_KINDS[pick(FAULT_KINDS.length)] },
					];
				});
				const combos = [...single, ...double];
				const results = await pool(combos.map((faults) => () => runOnce(sc, faults.map((f) => ruleAt(seq, f)))));
				const tally = (k: Outcome['ok']) => results.filter((r) => r.ok === k).length;
				console.info(`${sc.name}: correct ${tally('correct')}, safe (unchanged) ${tally('unchanged')}, safe (truthful error) ${tally('truthful')}`);
				const wrong = results.flatMap((r, i) => (r.problem ? [`${combos[i].map((f) => label(f, seq)).join(' + ')}: ${r.problem}`] : []));
				expect(wrong).toEqual([]);
			});
		}
	});
}
