/**
 * `npm run bench -- --bulk 1000 [--latency-ms 100] [--concurrency 1,4,8]`: a batch of N creates on one client at
 * each concurrency (`maxSessions` = concurrency, N calls through a pool of that many), against a fresh emulator
 * with the given latency per request and PHP-style session locking. Prints requests, POSTs, full-roster and
 * `/user/create` downloads, bytes, wall time, and the ratio of wall time to its floor: requests x latency /
 * concurrency (what the batch would take if every session were always busy and the client cost nothing).
 * A benchmark, not a test: it asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import { runItemPool } from '../nodes/SonnysBackoffice/helpers/item-pool';
import { SonnysBackofficeClient } from '../src/client';
import type { CreateEmployeeInput } from '../src/models/api';
import { startEmulator, type Emulator } from '../test/emulator';
import { FULL_ROSTER_PATH } from '../src/operations/employee-index';

export interface BulkOptions {
	items: number;
	latencyMs: number;
	concurrencies: number[];
}

interface BulkRow {
	phase: string;
	concurrency: number;
	items: number;
	failed: number;
	requests: number;
	posts: number;
	rosters: number;
	emailIndexes: number;
	bytes: number;
	wallMs: number;
	floorMs: number;
}

/** A phase of the bulk bench: one call per item on the client. */
interface Phase {
	name: string;
	call: (client: SonnysBackofficeClient, hire: CreateEmployeeInput) => Promise<unknown>;
}

const PHASES: Phase[] = [{ name: 'create', call: (c, hire) => c.createEmployee(hire) }];

function hires(count: number, site: string): CreateEmployeeInput[] {
	return Array.from({ length: count }, (_, i) => ({
		firstName: 'Bulk',
		lastName: `Hire${i}`,
		phone: `30255${String(100000 + i).slice(-5)}`,
		email: `bulk.hire${i}@example.invalid`,
		posUserId: 600000 + i,
		wageRate: '15.50',
		startDate: '2026-05-01',
		availableSites: [site],
		permission: 'General User',
	}));
}

async function measure(emu: Emulator, phase: Phase, concurrency: number, input: CreateEmployeeInput[], latencyMs: number): Promise<BulkRow> {
	const client = new SonnysBackofficeClient({
		subdomain: 'bench',
		username: 'demo-bot',
		password: 'demo-password',
		baseUrl: emu.url,
		maxSessions: concurrency,
		timeoutMs: 60_000,
	});
	const from = emu.requests.length;
	let failed = 0;
	const t0 = performance.now();
	try {
		await runItemPool(input.length, concurrency, async (i) => {
			await phase.call(client, input[i]!).catch(() => failed++);
		});
	} finally {
		await client.close();
	}
	const wallMs = performance.now() - t0;
	const log = emu.requests.slice(from);
	return {
		phase: phase.name,
		concurrency,
		items: input.length,
		failed,
		requests: log.length,
		posts: log.filter((r) => r.method === 'POST' && r.path !== '/login_check').length,
		rosters: log.filter((r) => r.path === FULL_ROSTER_PATH).length,
		emailIndexes: log.filter((r) => r.method === 'GET' && r.path === '/user/create').length,
		bytes: log.reduce((n, r) => n + r.bytes, 0),
		wallMs,
		floorMs: (log.length * latencyMs) / concurrency,
	};
}

/** Runs every phase at every concurrency, each concurrency on a fresh emulator, and prints one table. */
export async function benchBulk(options: BulkOptions): Promise<void> {
	const rows: BulkRow[] = [];
	for (const concurrency of options.concurrencies) {
		const emu = await startEmulator({ tenant: 'washu', port: 0, latencyMs: options.latencyMs, sessionLocking: true });
		try {
			const input = hires(options.items, emu.state.sites[0]!.name);
			for (const phase of PHASES) {
				const row = await measure(emu, phase, concurrency, input, options.latencyMs);
				rows.push(row);
				process.stderr.write(`${phase.name} x${options.items} at concurrency ${concurrency}: ${(row.wallMs / 1000).toFixed(1)} s\n`);
			}
		} finally {
			await emu.close();
		}
	}
	console.log(`Bulk: ${options.items} items per phase, emulator latency ${options.latencyMs} ms per request, session locking on\n`);
	console.log('| phase | concurrency | items | failed | requests | POSTs | full rosters | /user/create | MB | wall s | floor s | wall / floor |');
	console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		console.log(
			`| ${r.phase} | ${r.concurrency} | ${r.items} | ${r.failed} | ${r.requests} | ${r.posts} | ${r.rosters} | ${r.emailIndexes} | ` +
				`${(r.bytes / 1e6).toFixed(1)} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.floorMs / 1000).toFixed(1)} | ${(r.wallMs / r.floorMs).toFixed(2)} |`,
		);
	}
}
