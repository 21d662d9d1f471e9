#!/usr/bin/env node
// The README's test command. Runs every vitest suite (unit, emulator, contract, node, e2e) and ends with
// one plain summary line ("N passed, N failed, N skipped") so that a run with no tests is visible.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.tmp');
mkdirSync(outDir, { recursive: true });
const report = join(outDir, 'vitest-report.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: process.env });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
	const r = JSON.parse(readFileSync(report, 'utf8'));
	passed = r.numPassedTests ?? 0;
	failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
	skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
const total = passed + failed;
process.exit(run.status !== 0 || failed > 0 || total === 0 ? 1 : 0);
