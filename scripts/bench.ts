/**
 * Benchmark of the core client against the local emulator (never a real tenant): per operation, the
 * requests, bytes and wall time, cold (fresh client) and warm (same client, caches filled), on the
 * default tenant and on a generated 5,000-employee / 60-site tenant; plus the time to parse the
 * 5,000-employee roster. A benchmark, not a test: it asserts nothing.
 *
 *   npm run bench -- --latency-ms 20
 *   npm run bench -- --trigger        (only the trigger poll on the 5,000-employee tenant)
 */
import { performance } from 'node:perf_hooks';
import { SonnysBackofficeClient } from '../src/client';
import { parseRoster } from '../src/pages/employee-list';
import { compareRoster, toEmployeeSummary } from '../src/operations/roster-watch';
import { startEmulator } from '../test/emulator';

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

function median(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/**
 * One trigger poll on the 5,000-employee tenant: the bytes of the roster request, the parse, the diff against the
 * previous snapshot (70 of 5,000 employees changed), and the size of the snapshot kept in the workflow's static data.
 */
async function triggerPoll(latencyMs: number): Promise<void> {
	const emu = await startEmulator({ tenant: 'large', port: 0, latencyMs });
	const client = new SonnysBackofficeClient({ subdomain: 'bench', username: 'demo-bot', password: 'demo-password', baseUrl: emu.url });
	try {
		const base = await client.pollEmployeeChanges();
		// 1% renamed, 0.4% (de)activated: 70 events.
		emu.state.employees.forEach((e, i) => {
			if (i % 100 === 0) e.firstName = `${e.firstName}x`;
			if (i % 250 === 1) e.isActive = !e.isActive;
		});
		const from = emu.requests.length;
		const t0 = performance.now();
		const polled = await client.pollEmployeeChanges(base.snapshot);
		const pollMs = performance.now() - t0;
		const log = emu.requests.slice(from);
		const html = await fetchRoster(emu.url);
		const parse: number[] = [];
		const diff: number[] = [];
		for (let i = 0; i < 7; i++) {
			const p0 = performance.now();
			const employees = parseRoster(html).map(toEmployeeSummary);
			const p1 = performance.now();
			compareRoster(emu.url, base.snapshot, employees);
			diff.push(performance.now() - p1);
			parse.push(p1 - p0);
		}
		const snapshotBytes = Buffer.byteLength(JSON.stringify(polled.snapshot));
		console.log(
			`\nTrigger poll, 5,000-employee tenant: ${log.length} request(s), ${log.reduce((n, r) => n + r.bytes, 0)} bytes downloaded, ` +
				`${pollMs.toFixed(1)} ms wall; parse ${median(parse).toFixed(1)} ms, diff ${median(diff).toFixed(1)} ms (median of 7, ` +
				`${polled.events.length} events); snapshot in static data ${snapshotBytes} bytes (${(snapshotBytes / polled.employees.length).toFixed(1)} per employee)`,
		);
	} finally {
		await client.close();
		await emu.close();
	}
}

async function fetchRoster(url: string): Promise<string> {
	const res = await fetch(`${url}/login_check`, {
		method: 'POST',
		body: new URLSearchParams({ _username: 'demo-bot', _password: 'demo-password' }),
		redirect: 'manual',
	});
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	return await (await fetch(`${url}/employee?limit=10000&active=all`, { headers: { cookie } })).text();
}

async function main(): Promise<void> {
	const latencyMs = arg('latency-ms', 0);
	// `--trigger`: only the trigger poll figures.
	if (process.argv.includes('--trigger')) return await triggerPoll(latencyMs);
	const rows: Row[] = [];
	await benchTenant('washu', 'washu', latencyMs, rows);
	await benchTenant('large (5,000 employees, 60 sites)', 'large', latencyMs, rows);
	console.log(`Emulator latency: ${latencyMs} ms per request\n`);
	console.log('| tenant | operation | phase | requests | bytes | wall ms |');
	console.log('|---|---|---|---:|---:|---:|');
	for (const r of rows) console.log(`| ${r.tenant} | ${r.op} | ${r.phase} | ${r.requests} | ${r.bytes} | ${r.ms.toFixed(1)} |`);
	const p = await rosterParse(latencyMs);
	console.log(`\nRoster parse, 5,000-employee tenant: ${p.rows} rows, ${p.bytes} bytes of HTML, ${p.ms.toFixed(1)} ms (median of 5)`);
	await triggerPoll(latencyMs);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
