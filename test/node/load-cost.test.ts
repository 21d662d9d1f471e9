/**
 * Loading the node costs n8n little: n8n requires every community node's file at each start to read its
 * description, so the node and credential files must not evaluate the core client (undici, cheerio, tough-cookie,
 * zod). Measured in a fresh process that already has n8n-workflow (scripts/load-cost.cjs): at most 5 MB of heap
 * (V8 heap + external, after full GCs: what the files keep alive; RSS also counts code pages and memory the
 * allocator keeps, too noisy to assert) and 20 ms. Needs `npx gulp build`.
 *
 * The time is the one figure a busy machine changes (it only ever adds time): the assertion is on the best of up to
 * MAX_TIMED_RUNS fresh processes, stopping at the first one within the bound; the typical figure (the median of 5)
 * is printed by `npm run bench`. What is deterministic is asserted on every run: which files load, and the heap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
/** The time bound of loading the node and credential files (ms), and how many fresh processes may try to meet it. */
const MAX_MS = 20;
const MAX_TIMED_RUNS = 9;

interface LoadCost {
	ms: number;
	heapMB: number;
	rssMB: number;
	properties: number;
	credential: string;
	alsoLoaded: string[];
}

function measure(): LoadCost {
	const run = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'scripts/load-cost.cjs'), root], { cwd: root, encoding: 'utf8' });
	expect(run.stderr).toBe('');
	return JSON.parse(run.stdout) as LoadCost;
}

describe('the cost of loading the node', () => {
	it('the built files exist (run npx gulp build)', () => {
		expect(existsSync(path.join(root, 'dist/nodes/SonnysBackoffice/SonnysBackoffice.node.js'))).toBe(true);
	});

	it('loads the description without the core client: only the shared error classes come along', () => {
		const cost = measure();
		expect(cost.properties).toBeGreaterThan(10);
		expect(cost.credential).toBe('sonnysBackofficeApi');
		expect(cost.alsoLoaded).toEqual(['dist/errors.js']);
	});

	it('adds at most 5 MB of heap to a process that has n8n-workflow', () => {
		expect(measure().heapMB).toBeLessThanOrEqual(5);
	});

	it('adds at most 20 ms in the best of several fresh processes', { timeout: 60_000 }, () => {
		const runs: LoadCost[] = [];
		while (runs.length < MAX_TIMED_RUNS && !runs.some((r) => r.ms <= MAX_MS)) runs.push(measure());
		for (const r of runs) expect(r.heapMB).toBeLessThanOrEqual(5);
		expect(Math.min(...runs.map((r) => r.ms)), `fresh-process load times: ${runs.map((r) => r.ms).join(', ')} ms`).toBeLessThanOrEqual(MAX_MS);
	});
});
