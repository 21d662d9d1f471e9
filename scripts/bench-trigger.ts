/**
 * The trigger's poll on the 5,000-employee tenant (`npm run bench -- --trigger`, and part of the full bench): the
 * bytes of the roster request, the parse, the diff against the previous snapshot and the static-data size.
 */
import { performance } from 'node:perf_hooks';
import { SonnysBackofficeClient } from '../src/client';
import { compareRoster } from '../src/operations/roster-watch';
import { toEmployeeSummary } from '../src/operations/search-employees';
import { parseRoster } from '../src/pages/employee-list';
import { startEmulator } from '../test/emulator';

function median(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/**
 * One trigger poll on the 5,000-employee tenant: the bytes of the roster request, the parse, the diff against the
 * previous snapshot (70 of 5,000 employees changed), and the size of the snapshot kept in the workflow's static data.
 */
export async function triggerPoll(latencyMs: number): Promise<void> {
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

export async function fetchRoster(url: string): Promise<string> {
	const res = await fetch(`${url}/login_check`, {
		method: 'POST',
		body: new URLSearchParams({ _username: 'demo-bot', _password: 'demo-password' }),
		redirect: 'manual',
	});
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	return await (await fetch(`${url}/employee?limit=10000&active=all`, { headers: { cookie } })).text();
}
