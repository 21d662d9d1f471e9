/**
 * Benchmark of the core client against the local emulator (never a real tenant): per operation, cold (fresh
 * client) and warm (same client, caches filled), the requests, the bytes on the wire and decoded, and the wall
 * time, with a server that compresses (the emulator's default: br, the best coding the client accepts) and one
 * that never does; on the default tenant and on a generated 5,000-employee / 60-site tenant (where a create with
 * `skipPhonePreflight` is measured too). Plus the time to parse the 5,000-employee roster and the cost of loading
 * the node into n8n (needs `npx gulp build`). A benchmark, not a test: it asserts nothing.
 *
 *   npm run bench -- --latency-ms 20
 *   npm run bench -- --trigger        (only the trigger poll on the 5,000-employee tenant)
 *   npm run bench -- --bulk 1000 [--latency-ms 100] [--concurrency 1,4,8]   (a batch on several sessions: bench-bulk.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SonnysBackofficeClient } from '../src/client';
import type { CreateEmployeeInput } from '../src/models/api';
import { parseRoster } from '../src/pages/employee-list';
import { fetchRoster, triggerPoll } from './bench-trigger';
import { startEmulator, type Emulator } from '../test/emulator';
import { benchBulk, benchHire } from './bench-bulk';
import type { Transport } from '../src/transport/types';
import { UndiciTransport } from '../src/transport/undici-transport';
import { CountingTransport } from './counting-transport';

type Compression = 'negotiate' | 'never';

interface Measure {
	requests: number;
	wire: number;
	decoded: number;
	ms: number;
	failed?: string;
}

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	if (i >= 0 && process.argv[i + 1] !== undefined) return Number(process.argv[i + 1]);
	const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
	return eq ? Number(eq.split('=')[1]) : fallback;
}

interface Op {
	name: string;
	/** Unmeasured setup (e.g. create the employee a disable will target), on the measured client when warm. */
	prepare?: (c: SonnysBackofficeClient) => Promise<Record<string, unknown>>;
	run: (c: SonnysBackofficeClient, p: Record<string, unknown>) => Promise<unknown>;
	largeOnly?: boolean;
}

function operations(firstSite: string): Op[] {
	let seq = 0;
	const input = (): CreateEmployeeInput => benchHire('bench', ++seq, firstSite);
	const createThen = async (c: SonnysBackofficeClient) => {
		const i = input();
		await c.createEmployee(i);
		return { posUserId: i.posUserId, email: i.email, lastName: i.lastName };
	};
	return [
		{ name: 'login', run: (c) => c.login() },
		{ name: 'listSites', run: (c) => c.listSites() },
		{ name: 'listDepartments', run: (c) => c.listDepartments() },
		{ name: 'listPermissions pos', run: (c) => c.listPermissions({ scope: 'pos' }) },
		{ name: 'listPermissions backoffice', run: (c) => c.listPermissions({ scope: 'backoffice' }) },
		{ name: 'isPosUserIdAvailable', run: (c) => c.isPosUserIdAvailable({ posUserId: 4242 }) },
		{ name: 'isEmailAvailable', run: (c) => c.isEmailAvailable({ email: 'nobody@example.invalid' }) },
		{ name: 'isPhoneAvailable', run: (c) => c.isPhoneAvailable({ phone: '5550009999' }) },
		{ name: 'createEmployee', run: (c) => c.createEmployee(input()) },
		{ name: 'createEmployee skipPhonePreflight', run: (c) => c.createEmployee({ ...input(), skipPhonePreflight: true }), largeOnly: true },
		{ name: 'disableEmployee by posUserId', prepare: createThen, run: (c, p) => c.disableEmployee({ posUserId: p.posUserId as number }) },
		{ name: 'disableEmployee by email', prepare: createThen, run: (c, p) => c.disableEmployee({ email: p.email as string }) },
		{ name: 'getEmployee by posUserId', prepare: createThen, run: (c, p) => c.getEmployee({ posUserId: p.posUserId as number }) },
		{ name: 'getEmployee include []', prepare: createThen, run: (c, p) => c.getEmployee({ posUserId: p.posUserId as number, include: [] }) },
		{ name: 'searchEmployees name prefix', run: (c) => c.searchEmployees({ firstName: 'Be', active: 'all' }) },
		{ name: 'updateEmployee one field', prepare: createThen, run: (c, p) => c.updateEmployee({ posUserId: p.posUserId as number, changes: { lastName: 'Moved' } }) },
		{ name: 'updateEmployee wage', prepare: createThen, run: (c, p) => c.updateEmployee({ posUserId: p.posUserId as number, changes: { wageRate: '16.25' } }) },
		{ name: 'updateEmployee template', prepare: createThen, run: (c, p) => c.updateEmployee({ posUserId: p.posUserId as number, changes: { permission: 'Cashier' } }) },
		{ name: 'updateEmployee nothing differs', prepare: createThen, run: (c, p) => c.updateEmployee({ posUserId: p.posUserId as number, changes: { lastName: p.lastName as string } }) },
		{
			name: 'updateEmployee 3 phases, dry run',
			prepare: createThen,
			run: (c, p) => c.updateEmployee({ posUserId: p.posUserId as number, changes: { lastName: 'Moved', wageRate: '16.25', permission: 'Cashier' }, dryRun: true }),
		},
		{ name: 'findEmployee', prepare: createThen, run: (c, p) => c.findEmployee({ firstName: 'Bench', lastName: p.lastName as string }) },
		{
			name: 'createBackofficeUser linked',
			prepare: createThen,
			run: (c, p) =>
				c.createBackofficeUser({ username: `benchuser${seq}`, email: p.email as string, permission: 'General User', linkToEmployeePosUserId: p.posUserId as number }),
		},
	];
}

function client(emu: Emulator, transport: Transport): SonnysBackofficeClient {
	return new SonnysBackofficeClient({ subdomain: 'bench', username: 'demo-bot', password: 'demo-password', baseUrl: emu.url }, { transport });
}

async function measureOp(emu: Emulator, op: Op, phase: 'cold' | 'warm'): Promise<Measure> {
	const transport = new CountingTransport();
	const c = client(emu, transport);
	try {
		let prepared: Record<string, unknown> = {};
		if (phase === 'warm') {
			// fill every cache and run the operation once, then measure it again
			await c.listSites();
			await c.listPermissions({ scope: 'pos' });
			await c.isEmailAvailable({ email: 'warm@example.invalid' });
			if (!op.name.includes('skipPhonePreflight')) await c.isPhoneAvailable({ phone: '5550000000' });
			await op.run(c, op.prepare ? await op.prepare(c) : {});
			if (op.prepare) prepared = await op.prepare(c);
		} else if (op.prepare) {
			// prepared by another client, so the measured one starts with empty caches and no session
			const helper = client(emu, new UndiciTransport());
			prepared = await op.prepare(helper).finally(() => helper.close());
		}
		const before = { requests: transport.requests, wire: transport.wire, decoded: transport.decoded };
		const t0 = performance.now();
		await op.run(c, prepared);
		const ms = performance.now() - t0;
		return { requests: transport.requests - before.requests, wire: transport.wire - before.wire, decoded: transport.decoded - before.decoded, ms };
	} catch (err) {
		return { requests: 0, wire: 0, decoded: 0, ms: 0, failed: (err as Error).message.slice(0, 80) };
	} finally {
		await c.close();
	}
}

type Results = Map<string, Record<Compression, Measure>>;

async function benchTenant(tenant: 'washu' | 'large', latencyMs: number): Promise<Results> {
	const results: Results = new Map();
	for (const compression of ['negotiate', 'never'] as const) {
		const emu = await startEmulator({ tenant, port: 0, latencyMs, compression: { mode: compression } });
		try {
			for (const op of operations(emu.state.sites[0].name)) {
				if (op.largeOnly && tenant !== 'large') continue;
				for (const phase of ['cold', 'warm'] as const) {
					const key = `${op.name}\t${phase}`;
					const row = results.get(key) ?? ({} as Record<Compression, Measure>);
					row[compression] = await measureOp(emu, op, phase);
					results.set(key, row);
				}
			}
		} finally {
			await emu.close();
		}
	}
	return results;
}

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${Math.round(n / 1e3)} KB` : `${n} B`);

function printTable(title: string, results: Results): void {
	console.log(`\n### ${title}\n`);
	console.log('| operation | phase | requests | wire, compressed (br) | wire, never compressed | decoded | ms, compressed | ms, never |');
	console.log('|---|---|---:|---:|---:|---:|---:|---:|');
	for (const [key, r] of results) {
		const [op, phase] = key.split('\t');
		const failed = r.negotiate.failed ?? r.never.failed;
		if (failed) {
			console.log(`| ${op} | ${phase} | failed: ${failed} | | | | | |`);
			continue;
		}
		const requests = r.negotiate.requests === r.never.requests ? String(r.never.requests) : `${r.negotiate.requests} / ${r.never.requests}`;
		console.log(
			`| ${op} | ${phase} | ${requests} | ${kb(r.negotiate.wire)} | ${kb(r.never.wire)} | ${kb(r.never.decoded)} | ${r.negotiate.ms.toFixed(0)} | ${r.never.ms.toFixed(0)} |`,
		);
	}
}

async function rosterParse(): Promise<{ rows: number; bytes: number; ms: number }> {
	const emu = await startEmulator({ tenant: 'large', port: 0 });
	try {
		const html = await fetchRoster(emu.url);
		parseRoster(html);
		const times: number[] = [];
		let rows = 0;
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			rows = parseRoster(html).length;
			times.push(performance.now() - t0);
		}
		times.sort((a, b) => a - b);
		return { rows, bytes: Buffer.byteLength(html), ms: times[2] };
	} finally {
		await emu.close();
	}
}

/** scripts/load-cost.cjs in fresh processes: the median of 5. */
function loadCost(): string {
	const root = path.join(__dirname, '..');
	if (!existsSync(path.join(root, 'dist/nodes/SonnysBackoffice/SonnysBackoffice.node.js'))) return 'not measured: run `npx gulp build` first';
	const runs = Array.from({ length: 5 }, () => {
		const r = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'scripts/load-cost.cjs'), root], { encoding: 'utf8' });
		return JSON.parse(r.stdout) as { ms: number; heapMB: number; rssMB: number };
	});
	const median = (f: (r: (typeof runs)[number]) => number) => runs.map(f).sort((a, b) => a - b)[2];
	return `${median((r) => r.ms).toFixed(1)} ms, ${median((r) => r.heapMB).toFixed(2)} MB heap, ${median((r) => r.rssMB).toFixed(2)} MB RSS (median of 5 fresh processes with n8n-workflow already loaded)`;
}

async function main(): Promise<void> {
	const bulk = arg('bulk', 0);
	if (bulk > 0) {
		const list = process.argv[process.argv.indexOf('--concurrency') + 1];
		const concurrencies = process.argv.includes('--concurrency') && list ? list.split(',').map(Number) : [1, 4, 8];
		return benchBulk({ items: bulk, latencyMs: arg('latency-ms', 100), concurrencies });
	}
	const latencyMs = arg('latency-ms', 0);
	// `--trigger`: only the trigger poll figures.
	if (process.argv.includes('--trigger')) return await triggerPoll(latencyMs);
	console.log(`Emulator latency: ${latencyMs} ms per request. Bytes: response bodies as received (wire) and after decoding.`);
	printTable('Default tenant (washu: 19 sites, 36 employees)', await benchTenant('washu', latencyMs));
	printTable('Large tenant (5,000 employees, 60 sites)', await benchTenant('large', latencyMs));
	const p = await rosterParse();
	console.log(`\nRoster parse, 5,000-employee tenant: ${p.rows} rows, ${kb(p.bytes)} of HTML, ${p.ms.toFixed(1)} ms (median of 5)`);
	console.log(`Loading the node and credential files into n8n: ${loadCost()}`);
	await triggerPoll(latencyMs);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
