/**
 * `npm run bench -- --bulk 1000 [--latency-ms 100] [--concurrency 1,4,8]`: a batch of N creates, then the same N
 * rows as upserts (all unchanged), each batch on one new client at each concurrency (`maxSessions` = concurrency, N calls through a pool of that many), against a fresh emulator
 * with the given latency per request and PHP-style session locking. Prints requests, POSTs, full-roster and
 * `/user/create` downloads, bytes, wall time, and the ratio of wall time to its floor: requests x latency /
 * concurrency (what the batch would take if every session were always busy and the client cost nothing).
 * The emulator runs in a child process (`npm run emulator`), so that rendering its pages does not take the
 * client's CPU; the client's transport counts what it sends. A benchmark, not a test: it asserts nothing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { runItemPool } from '../nodes/SonnysBackoffice/helpers/item-pool';
import { SonnysBackofficeClient } from '../src/client';
import type { CreateEmployeeInput } from '../src/models/api';
import { FULL_ROSTER_PATH } from '../src/operations/employee-index';
import { CountingTransport } from './counting-transport';
import { freePort } from './n8n/instance.mjs';

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
	/** CPU time of this process (the client) during the phase. */
	clientCpuMs: number;
}

/** A phase of the bulk bench: one call per item on the client. */
interface Phase {
	name: string;
	call: (client: SonnysBackofficeClient, hire: CreateEmployeeInput) => Promise<unknown>;
}

/** N creates, then the same N rows as Create or Update on a fresh client: all unchanged, no POST. */
const PHASES: Phase[] = [
	{ name: 'create', call: (c, hire) => c.createEmployee(hire) },
	{ name: 'upsert (unchanged)', call: (c, hire) => c.upsertEmployee(hire) },
];

/**
 * The benches' new hire number `seq` (1 to 99,999): unique name, phone, e-mail and POS user ID within one `kind`
 * (`bench` or `bulk`, each with its own phone prefix and POS user ID range), on one site.
 */
export function benchHire(kind: 'bench' | 'bulk', seq: number, site: string): CreateEmployeeInput {
	const { phonePrefix, posBase } = kind === 'bench' ? { phonePrefix: '20255', posBase: 990000 } : { phonePrefix: '30255', posBase: 600000 };
	return {
		firstName: kind === 'bench' ? 'Bench' : 'Bulk',
		lastName: `Hire${seq}`,
		phone: `${phonePrefix}${String(seq).padStart(5, '0')}`,
		email: `${kind}.hire${seq}@example.invalid`,
		posUserId: posBase + seq,
		wageRate: '15.50',
		startDate: '2026-05-01',
		availableSites: [site],
		permission: 'General User',
	};
}

function hires(count: number, site: string): CreateEmployeeInput[] {
	return Array.from({ length: count }, (_, i) => benchHire('bulk', i, site));
}

/** `npm run emulator` in a child process; resolves with its URL and a stop function. */
async function startChildEmulator(latencyMs: number): Promise<{ url: string; stop: () => void }> {
	const port = await freePort();
	// The emulator itself is the child (not npx, whose kill would leave it running and holding our stdout pipe open).
	const child = spawn(
		process.execPath,
		['--import', 'tsx', join(__dirname, '..', 'test', 'emulator', 'cli.ts'), '--port', String(port), '--latency-ms', String(latencyMs), '--session-locking', 'on'],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (d) => {
			out += String(d);
			const m = /listening on (http:\/\/\S+)/.exec(out);
			if (m) resolve(m[1]!);
		});
		child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
	});
	return { url, stop: () => child.kill('SIGTERM') };
}

async function measure(url: string, phase: Phase, concurrency: number, input: CreateEmployeeInput[], latencyMs: number): Promise<BulkRow> {
	const transport = new CountingTransport(true);
	const client = new SonnysBackofficeClient(
		{ subdomain: 'bench', username: 'demo-bot', password: 'demo-password', baseUrl: url, maxSessions: concurrency, timeoutMs: 60_000 },
		{ transport },
	);
	let failed = 0;
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	try {
		await runItemPool(input.length, concurrency, async (i) => {
			await phase.call(client, input[i]!).catch(() => failed++);
		});
	} finally {
		await client.close();
	}
	const wallMs = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	const log = transport.log;
	return {
		phase: phase.name,
		concurrency,
		items: input.length,
		failed,
		requests: log.length,
		posts: log.filter((r) => r.method === 'POST' && r.path !== '/login_check').length,
		rosters: log.filter((r) => r.path === FULL_ROSTER_PATH).length,
		emailIndexes: log.filter((r) => r.method === 'GET' && r.path === '/user/create').length,
		bytes: transport.wire,
		wallMs,
		floorMs: (log.length * latencyMs) / concurrency,
		clientCpuMs: (cpu.user + cpu.system) / 1000,
	};
}

/** Runs every phase at every concurrency, each concurrency on a fresh emulator, and prints one table. */
export async function benchBulk(options: BulkOptions): Promise<void> {
	const rows: BulkRow[] = [];
	for (const concurrency of options.concurrencies) {
		const emu = await startChildEmulator(options.latencyMs);
		try {
			const input = hires(options.items, 'WashU Fiesta');
			for (const phase of PHASES) {
				const row = await measure(emu.url, phase, concurrency, input, options.latencyMs);
				rows.push(row);
				process.stderr.write(`${phase.name} x${options.items} at concurrency ${concurrency}: ${(row.wallMs / 1000).toFixed(1)} s\n`);
			}
		} finally {
			emu.stop();
		}
	}
	console.log(`Bulk: ${options.items} items per phase, emulator latency ${options.latencyMs} ms per request, session locking on\n`);
	console.log('| phase | concurrency | items | failed | requests | POSTs | full rosters | /user/create | MB | wall s | floor s | wall / floor | client CPU ms / request |');
	console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		console.log(
			`| ${r.phase} | ${r.concurrency} | ${r.items} | ${r.failed} | ${r.requests} | ${r.posts} | ${r.rosters} | ${r.emailIndexes} | ` +
				`${(r.bytes / 1e6).toFixed(1)} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.floorMs / 1000).toFixed(1)} | ${(r.wallMs / r.floorMs).toFixed(2)} | ${(r.clientCpuMs / r.requests).toFixed(1)} |`,
		);
	}
}
