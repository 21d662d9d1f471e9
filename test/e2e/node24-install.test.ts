// A fresh cache gets a working Node 24 from the scripts: `node scripts/n8n/ensure-n8n.mjs --node-only` with an empty
// SBO_CACHE_DIR, run the way `npm start` / `npm test` run it (inheriting npm_config_ignore_scripts=true from the
// project's .npmrc, which must not reach the nested `npm install node@24`). Downloads only Node 24 (about 30 MB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { n8nPaths } from '../../scripts/n8n/ensure-n8n.mjs';
import { repoRoot } from '../../scripts/n8n/package.mjs';

const cache = mkdtempSync(join(tmpdir(), 'sbo-empty-cache-'));

afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('an empty cache', () => {
	it('gets Node 24 from ensure-n8n, even under npm_config_ignore_scripts=true', () => {
		const r = spawnSync(process.execPath, ['scripts/n8n/ensure-n8n.mjs', '--node-only'], {
			cwd: repoRoot,
			env: { ...process.env, SBO_CACHE_DIR: cache, npm_config_ignore_scripts: 'true' },
			encoding: 'utf8',
			timeout: 300_000,
		});
		expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
		const { nodeBin } = n8nPaths(cache);
		const v = spawnSync(nodeBin, ['-v'], { encoding: 'utf8' });
		expect(v.stdout.trim()).toMatch(/^v24\./);
	}, 300_000);
});
