// n8n 2.41 in queue mode, for real: Postgres and Redis (Debian's packages) on loopback ports in a temporary folder,
// one main process and two workers, each with the packed package installed (scripts/n8n/queue-mode.mjs). This file
// sets up its own instances and leaves the shared e2e server alone; it only borrows the global setup's tarball.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, EMULATOR_LOGIN } from '../../scripts/n8n/fixtures.mjs';
import { freePort, N8nRest } from '../../scripts/n8n/instance.mjs';
import { repoRoot } from '../../scripts/n8n/package.mjs';
import { startQueueMode, type QueueMode } from '../../scripts/n8n/queue-mode.mjs';
import { startEmulator } from '../emulator';
import { e2eEnv } from './env';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Json = Record<string, any>;

const log = (msg: string) => process.stderr.write(`[queue-mode] ${msg}\n`);

let cluster: QueueMode | undefined;
let emu: Emulator;
let rest: N8nRest;
const workflowIds: Record<string, string> = {};

/** A fixture workflow of fixtures/queue-mode/, pointed at the credential created on this instance. */
function workflow(file: string, credentialId: string): Json {
	const wf = JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'queue-mode', file), 'utf8')) as Json;
	for (const node of wf.nodes as Json[]) if (node.credentials) node.credentials[CREDENTIAL_TYPE].id = credentialId;
	return wf;
}

beforeAll(async () => {
	const env = e2eEnv();
	const t0 = Date.now();
	emu = await startEmulator({ port: await freePort() });
	cluster = await startQueueMode({ workDir: join(env.workDir, 'queue-mode'), tarball: env.tarball, workers: 2, log });
	rest = new N8nRest(cluster.url);
	await rest.setupOwnerAndLogin();
	const credential = (await rest.ok('POST', '/rest/credentials', {
		name: CREDENTIAL_NAME,
		type: CREDENTIAL_TYPE,
		data: { ...EMULATOR_LOGIN, baseUrl: emu.url },
	})) as { id: string };
	for (const file of ['01-hire-per-webhook-call.json', '02-batch-at-concurrency-4.json']) {
		const wf = workflow(file, credential.id);
		const created = (await rest.ok('POST', '/rest/workflows', {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: wf.settings,
			active: false,
		})) as { id: string };
		await rest.publish(created.id);
		workflowIds[wf.id as string] = created.id;
	}
	log(`set up in ${((Date.now() - t0) / 1000).toFixed(1)} s (credential ${CREDENTIAL_ID} -> ${credential.id})`);
}, 600_000);

afterAll(async () => {
	await cluster?.stop();
	await emu?.close();
});

/** 200 hires: 180 distinct POS user IDs, and 20 repeats of one of them (every 9th; the HR system sent it twice). */
function hires(base: number): Json[] {
	const people = Array.from({ length: 180 }, (_, i) => person(base, i, base + i));
	const repeats = Array.from({ length: 20 }, (_, k) => person(base, k * 9, base + k * 9));
	// Interleaved, so that a repeat and its original are in flight at the same time.
	const out: Json[] = [];
	people.forEach((p, i) => {
		out.push(p);
		if (i % 9 === 4 && repeats.length > 0) out.push(repeats.shift()!);
	});
	return out;
}

function person(base: number, n: number, posUserId: number): Json {
	const tag = `${base}-${n}`;
	return {
		firstName: 'Queue',
		lastName: `Hire${tag}`,
		email: `queue.hire.${tag}@example.invalid`,
		phone: `61${String(Math.floor(base / 1000) % 100).padStart(2, '0')}${String(100000 + n).slice(-6)}`,
		posUserId,
		wageRate: '15.50',
		startDate: '2026-12-01',
		sites: 'WashU Fiesta',
		permission: 'General User',
	};
}

/**
 * How many executions of a workflow n8n stored, by status, read from its Postgres database (the REST list pages by
 * id but orders by start time, which in queue mode differ, so paging it can skip rows).
 */
function executionsByStatus(workflowId: string): Record<string, number> {
	const env = cluster!.env;
	const sql = `SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' GROUP BY status`;
	const r = spawnSync('psql', ['-h', '127.0.0.1', '-p', env.DB_POSTGRESDB_PORT!, '-U', env.DB_POSTGRESDB_USER!, '-d', env.DB_POSTGRESDB_DATABASE!, '-At', '-F', ' ', '-c', sql], {
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
	return Object.fromEntries(r.stdout.trim().split('\n').filter(Boolean).map((line) => {
		const [status, count] = line.split(' ');
		return [status!, Number(count)];
	}));
}

/** Each POS user ID of the input is held by exactly one employee in Backoffice. */
function expectEachPosUserIdOnce(input: Json[]): void {
	const ids = [...new Set(input.map((h) => h.posUserId as number))];
	for (const id of ids) expect(emu.state.employees.filter((e) => e.posUserId === id), `POS user ID ${id}`).toHaveLength(1);
}

/**
 * Created or unchanged: the employee of that POS user ID. Otherwise a duplicate reported with the field (the repeat
 * ran while its original was being created, in another process: the server's refusal decides).
 */
function classify(result: Json, hire: Json): 'created' | 'unchanged' | 'duplicate' {
	if (result.error === undefined) {
		expect(['created', 'unchanged']).toContain(result.action);
		expect(result.posUserId).toBe(hire.posUserId);
		expect(result.employeeId).toBe(emu.state.findEmployeeByPosUserId(hire.posUserId)!.id);
		return result.action as 'created' | 'unchanged';
	}
	expect(result.code).toBe('DUPLICATE');
	expect(['posUserId', 'email', 'phone']).toContain(result.field);
	return 'duplicate';
}

describe('n8n queue mode: main + 2 workers, Postgres, Redis', () => {
	it('200 Create or Update webhook executions at once, 20 repeating a POS user ID: each ID held once, none lost', async () => {
		const input = hires(80000);
		const t0 = Date.now();
		const answers = await Promise.all(
			input.map(async (hire) => {
				const res = await fetch(`${cluster!.url}/webhook/sbo-queue-hire`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(hire),
				});
				return { status: res.status, json: (await res.json()) as Json };
			}),
		);
		log(`200 webhook executions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		expect(answers.map((a) => a.status)).toEqual(input.map(() => 200));
		const outcomes = answers.map((a, i) => classify(a.json, input[i]!));
		expect(outcomes.filter((o) => o === 'created')).toHaveLength(180);
		expect(outcomes.filter((o) => o !== 'created')).toHaveLength(20);
		log(`repeats: ${outcomes.filter((o) => o === 'unchanged').length} unchanged, ${outcomes.filter((o) => o === 'duplicate').length} duplicates`);
		expectEachPosUserIdOnce(input);

		// None lost: n8n recorded 200 executions of the workflow, all finished successfully (duplicates reported).
		expect(executionsByStatus(workflowIds.sboQueuePerHire1!)).toEqual({ success: 200 });
		// Both workers ran some of them.
		for (const w of cluster!.workers) expect(w.logs()).toMatch(/Worker finished execution/);
	});

	it('one execution with a batch of 200 Create or Update items at Concurrency 4: each ID held once, 200 results in order', async () => {
		const input = hires(90000);
		const t0 = Date.now();
		const res = await fetch(`${cluster!.url}/webhook/sbo-queue-batch`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ hires: input }),
		});
		const results = (await res.json()) as Json[];
		log(`batch of 200 in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		expect(res.status).toBe(200);
		expect(results).toHaveLength(200);
		const outcomes = results.map((r, i) => classify(r, input[i]!));
		expect(outcomes.filter((o) => o === 'created')).toHaveLength(180);
		expect(outcomes.filter((o) => o !== 'created')).toHaveLength(20);
		expectEachPosUserIdOnce(input);
		expect(executionsByStatus(workflowIds.sboQueueBatch001!)).toEqual({ success: 1 });
	});
});
