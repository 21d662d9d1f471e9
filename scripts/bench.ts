/**
 * Benchmark of the core client against the local emulator (never a real tenant): per operation, the
 * requests, bytes and wall time, cold (fresh client) and warm (same client, caches filled), on the
 * default tenant and on a generated 5,000-employee / 60-site tenant; plus the time to parse the
 * 5,000-employee roster. A benchmark, not a test: it asserts nothing.
 *
 *   npm run bench -- --latency-ms 20
 *   npm run bench -- --bulk 1000 [--latency-ms 100] [--concurrency 1,4,8]   (a batch on several sessions: bench-bulk.ts)
 */
import { performance } from 'node:perf_hooks';
import { SonnysBackofficeClient } from '../src/client';
import { parseRoster } from '../src/pages/employee-list';
import { startEmulator } from '../test/emulator';
import { benchBulk } from './bench-bulk';

interface Row {
	tenant: string;
	op: string;
	phase: 'cold' | 'warm';
	requests: number;
	bytes: number;
	ms: number;
}

function arg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	if (i >= 0 && process.argv[i + 1] !== undefined) return Number(process.argv[i + 1]);
	const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
	return eq ? Number(eq.split('=')[1]) : fallback;
}

async function benchTenant(label: string, tenant: 'washu' | 'large', latencyMs: number, rows: Row[]): Promise<void> {
	const emu = await startEmulator({ tenant, port: 0, latencyMs });
	const firstSite = emu.state.sites[0].name;
	try {
		let seq = 0;
		const input = () => {
			seq++;
			return {
				firstName: 'Bench',
				lastName: `Hire${seq}`,
				phone: `20255${String(10000 + seq).slice(-5)}`,
				email: `bench.hire${seq}@example.invalid`,
				posUserId: 990000 + seq,
				wageRate: '15.50',
				startDate: '2026-05-01',
				availableSites: [firstSite],
				permission: 'General User',
			};
		};
		interface Op {
			name: string;
			/** Unmeasured setup on the same client (e.g. create the employee a disable will target). */
			prepare?: (c: SonnysBackofficeClient) => Promise<Record<string, unknown>>;
			run: (c: SonnysBackofficeClient, p: Record<string, unknown>) => Promise<unknown>;
		}
		const createThen = async (c: SonnysBackofficeClient) => {
			const i = input();
			await c.createEmployee(i);
			return { posUserId: i.posUserId, email: i.email };
		};
		const ops: Op[] = [
			{ name: 'login', run: (c) => c.login() },
			{ name: 'listSites', run: (c) => c.listSites() },
			{ name: 'listDepartments', run: (c) => c.listDepartments() },
			{ name: 'listPermissions pos', run: (c) => c.listPermissions({ scope: 'pos' }) },
			{ name: 'listPermissions backoffice', run: (c) => c.listPermissions({ scope: 'backoffice' }) },
			{ name: 'isPosUserIdAvailable', run: (c) => c.isPosUserIdAvailable({ posUserId: 4242 }) },
			{ name: 'isEmailAvailable', run: (c) => c.isEmailAvailable({ email: 'nobody@example.invalid' }) },
			{ name: 'isPhoneAvailable', run: (c) => c.isPhoneAvailable({ phone: '5550009999' }) },
			{ name: 'createEmployee', run: (c) => c.createEmployee(input()) },
			{ name: 'disableEmployee by posUserId', prepare: createThen, run: (c, p) => c.disableEmployee({ posUserId: p.posUserId as number }) },
			{ name: 'disableEmployee by email', prepare: createThen, run: (c, p) => c.disableEmployee({ email: p.email as string }) },
			{
				name: 'createBackofficeUser linked',
				prepare: createThen,
				run: (c, p) =>
					c.createBackofficeUser({ username: `benchuser${seq}`, email: p.email as string, permission: 'General User', linkToEmployeePosUserId: p.posUserId as number }),
			},
		];
		for (const op of ops) {
			for (const phase of ['cold', 'warm'] as const) {
				const client = new SonnysBackofficeClient({ subdomain: 'bench', username: 'demo-bot', password: 'demo-password', baseUrl: emu.url });
				try {
					if (phase === 'warm') {
						// fill every cache and run the operation once, then measure it again
						await client.listSites();
						await client.listPermissions({ scope: 'pos' });
						await client.isEmailAvailable({ email: 'warm@example.invalid' });
						await client.isPhoneAvailable({ phone: '5550000000' });
						await op.run(client, op.prepare ? await op.prepare(client) : {});
					}
					let prepared: Record<string, unknown> = {};
					if (op.prepare && phase === 'warm') prepared = await op.prepare(client);
					if (op.prepare && phase === 'cold') {
						// prepared by another client, so the measured one starts with empty caches and no session
						const helper = new SonnysBackofficeClient({ subdomain: 'bench', username: 'demo-bot', password: 'demo-password', baseUrl: emu.url });
						prepared = await op.prepare(helper).finally(() => helper.close());
					}
					const from = emu.requests.length;
					const t0 = performance.now();
					await op.run(client, prepared);
					const ms = performance.now() - t0;
					const log = emu.requests.slice(from);
					rows.push({ tenant: label, op: op.name, phase, requests: log.length, bytes: log.reduce((n, r) => n + r.bytes, 0), ms });
				} catch (err) {
					rows.push({ tenant: label, op: `${op.name} (failed: ${(err as Error).message.slice(0, 80)})`, phase, requests: 0, bytes: 0, ms: 0 });
				} finally {
					await client.close();
				}
			}
		}
	} finally {
		await emu.close();
	}
}

async function rosterParse(latencyMs: number): Promise<{ rows: number; bytes: number; ms: number }> {
	const emu = await startEmulator({ tenant: 'large', port: 0, latencyMs });
	try {
		const res = await fetch(`${emu.url}/login_check`, {
			method: 'POST',
			body: new URLSearchParams({ _username: 'demo-bot', _password: 'demo-password' }),
			redirect: 'manual',
		});
		const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
		const html = await (await fetch(`${emu.url}/employee?limit=10000&active=all`, { headers: { cookie } })).text();
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

async function main(): Promise<void> {
	const bulk = arg('bulk', 0);
	if (bulk > 0) {
		const list = process.argv[process.argv.indexOf('--concurrency') + 1];
		const concurrencies = process.argv.includes('--concurrency') && list ? list.split(',').map(Number) : [1, 4, 8];
		return benchBulk({ items: bulk, latencyMs: arg('latency-ms', 100), concurrencies });
	}
	const latencyMs = arg('latency-ms', 0);
	const rows: Row[] = [];
	await benchTenant('washu', 'washu', latencyMs, rows);
	await benchTenant('large (5,000 employees, 60 sites)', 'large', latencyMs, rows);
	console.log(`Emulator latency: ${latencyMs} ms per request\n`);
	console.log('| tenant | operation | phase | requests | bytes | wall ms |');
	console.log('|---|---|---|---:|---:|---:|');
	for (const r of rows) console.log(`| ${r.tenant} | ${r.op} | ${r.phase} | ${r.requests} | ${r.bytes} | ${r.ms.toFixed(1)} |`);
	const p = await rosterParse(latencyMs);
	console.log(`\nRoster parse, 5,000-employee tenant: ${p.rows} rows, ${p.bytes} bytes of HTML, ${p.ms.toFixed(1)} ms (median of 5)`);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
