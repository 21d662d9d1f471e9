#!/usr/bin/env node
// The README's test command. Runs every vitest suite and ends with one plain summary line
// ("N passed, N failed, N skipped") so that a run with no tests is visible.
// Two runs: the fast suites (unit, emulator, contract, node) first, then the end-to-end suite (real n8n, real
// browser), which needs minutes of one-time setup and must not compete with the others for the 2 cores.
// Extra arguments (file filters, -t patterns) are passed to both runs.
// The browser test needs Chromium and the queue-mode test Postgres and Redis (Debian's packages): installed first
// when possible (root + apt), otherwise one sentence says how.
// Node 24 and n8n for the end-to-end suite are installed by its global setup (scripts/n8n/ensure-n8n.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ensureChromium, ensureQueueModeServers, SystemPackageMissingError } from './n8n/chromium.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.tmp');
mkdirSync(outDir, { recursive: true });

try {
	ensureChromium({ log: (m) => console.log(`[npm test] ${m}`) });
	ensureQueueModeServers({ log: (m) => console.log(`[npm test] ${m}`) });
} catch (e) {
	if (!(e instanceof SystemPackageMissingError)) throw e;
	console.error(e.message);
	process.exit(1);
}

let passed = 0;
let failed = 0;
let skipped = 0;
let exitFailure = false;
// Names of what failed, repeated just above the summary line: a CI log is often read from its tail only.
const failures = [];
for (const project of ['unit', 'e2e']) {
	const report = join(outDir, `vitest-report-${project}.json`);
	rmSync(report, { force: true });
	const args = [
		'vitest', 'run', `--project=${project}`, '--passWithNoTests',
		'--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
		...process.argv.slice(2),
	];
	const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: process.env });
	if (existsSync(report)) {
		const r = JSON.parse(readFileSync(report, 'utf8'));
		passed += r.numPassedTests ?? 0;
		// A failed file counts once more only when none of its tests failed (it did not load, or a hook failed):
		// otherwise its failed tests already count it.
		const brokenFiles = (r.testResults ?? []).filter(
			(f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
		).length;
		failed += (r.numFailedTests ?? 0) + brokenFiles;
		for (const f of r.testResults ?? []) {
			const file = String(f.name ?? '').replace(`${root}/`, '');
			const bad = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
			for (const a of bad) {
				const why = String((a.failureMessages ?? [])[0] ?? '').split('\n')[0].slice(0, 300);
				failures.push(`${file} > ${a.fullName ?? a.title}: ${why}`);
			}
			if (f.status === 'failed' && bad.length === 0) {
				failures.push(`${file}: ${String(f.message ?? 'did not run').split('\n')[0].slice(0, 300)}`);
			}
		}
		skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
	} else {
		failed += 1;
		console.error(`vitest (${project}) wrote no report (exit ${run.status ?? run.signal})`);
	}
	if (run.status !== 0) exitFailure = true;
}
if (failures.length > 0) {
	console.log('\nFailed:');
	for (const line of failures) console.log(`  ${line}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
const total = passed + failed;
process.exit(exitFailure || failed > 0 || total === 0 ? 1 : 0);
