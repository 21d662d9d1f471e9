import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe("n8n's community-node lint", () => {
	it('package.json, credentials and nodes pass with no errors and no warnings', () => {
		// In a child process without vitest's NODE_ENV=test: eslint-plugin-n8n-nodes-base treats every file as a
		// node file when NODE_ENV is "test" (its own test mode), which is not how `npm run lint` runs it.
		const env = { ...process.env };
		delete env.NODE_ENV;
		delete env.VITEST;
		const run = spawnSync(
			process.execPath,
			[path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'package.json', 'credentials', 'nodes'],
			{ cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
		);
		const results = JSON.parse(run.stdout) as ESLint.LintResult[];
		const problems = results.flatMap((r) =>
			r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`),
		);
		expect(problems).toEqual([]);
		expect(run.status).toBe(0);
		// The rule sets really ran: the files were linted, not ignored.
		expect(results.map((r) => path.relative(root, r.filePath))).toEqual(
			expect.arrayContaining([
				'package.json',
				'credentials/SonnysBackofficeApi.credentials.ts',
				'nodes/SonnysBackoffice/SonnysBackoffice.node.ts',
				'nodes/SonnysBackoffice/actions/router.ts',
			]),
		);
	});

	it('the config switches rules off only with a written reason', async () => {
		const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
		const config = (await eslint.calculateConfigForFile(path.join(root, 'nodes/SonnysBackoffice/SonnysBackoffice.node.ts'))) as {
			rules: Record<string, unknown>;
		};
		const off = Object.entries(config.rules)
			.filter(([, v]) => v === 0 || v === 'off' || (Array.isArray(v) && (v[0] === 0 || v[0] === 'off')))
			.map(([k]) => k)
			.sort();
		expect(off).toEqual([
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node',
			'n8n-nodes-base/node-class-description-outputs-wrong',
		]);
		expect(config.rules['@n8n/community-nodes/missing-paired-item']).toBeDefined();
		expect(config.rules['@n8n/community-nodes/credential-test-required']).toBeDefined();
	});
});
