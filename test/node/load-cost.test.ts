/**
 * Loading the node costs n8n little: n8n requires every community node's file at each start to read its
 * description, so the node and credential files must not evaluate the core client (undici, cheerio, tough-cookie,
 * zod). Measured in a fresh process that already has n8n-workflow (scripts/load-cost.cjs), on every run: which
 * files load (only the node, the credential and the shared error classes) and the heap they keep alive (at most
 * 5 MB: V8 heap + external after full GCs; RSS also counts code pages and memory the allocator keeps, too noisy to
 * assert). The time it takes (~10 ms) is a performance figure, printed by `npm run bench`, not asserted: a busy
 * machine only ever adds to it. Needs `npx gulp build` (`npm start` runs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
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
});
