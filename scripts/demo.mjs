#!/usr/bin/env node
// `npm start`: the one-command demo. Builds and packs the package, starts the Backoffice emulator (default
// tenant), installs n8n 2.41.1 on Node 24 once into a cache folder outside the repository, installs the packed
// package the way n8n's Community Nodes screen does, imports a credential pointing at the emulator and the
// example workflows, creates an owner account, starts n8n on 127.0.0.1:5678 and prints the address and login.
// Ctrl-C stops everything it started. Nothing here talks to *.sonnyscontrols.com: all traffic stays on 127.0.0.1.
//
// Options: --fresh (forget the demo's n8n data first), --port=<n8n port> (default 5678 or $SBO_DEMO_PORT),
//          --emulator-port=<port> (default 8787 or $SBO_EMULATOR_PORT), --data-dir=<dir> (the demo's n8n data;
//          default <cache>/demo or $SBO_DEMO_DIR), --skip-build (use the dist/ already built).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { ensureN8n } from './n8n/ensure-n8n.mjs';
import { EMULATOR_LOGIN, emulatorCredential, loadWorkflows } from './n8n/fixtures.mjs';
import { importCredentials, importWorkflows, N8nRest, OWNER, startN8n, waitForUrl } from './n8n/instance.mjs';
import { buildPackage, installPackedPackage, packPackage, repoRoot } from './n8n/package.mjs';

const args = new Map(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? 'true'];
	}),
);
const n8nPort = Number(args.get('port') ?? process.env.SBO_DEMO_PORT ?? 5678);
const emulatorPort = Number(args.get('emulator-port') ?? process.env.SBO_EMULATOR_PORT ?? 8787);
const brokerPort = n8nPort + 1;
const cliBrokerPort = n8nPort + 2;

const started = [];
let stopping = false;

function step(msg) {
	process.stdout.write(`\n==> ${msg}\n`);
}

function portFree(port) {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

async function waitFor(url, { timeoutMs, isAlive }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isAlive()) return false;
		try {
			await fetch(url, { redirect: 'manual' });
			return true;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	return false;
}

async function startEmulator() {
	const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/emulator/cli.ts', '--port', String(emulatorPort)], {
		cwd: repoRoot,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let alive = true;
	let output = '';
	child.on('exit', () => {
		alive = false;
	});
	const keep = (d) => {
		output += String(d);
		if (output.length > 20_000) output = output.slice(-10_000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const stop = async () => {
		if (!alive) return;
		const exited = new Promise((r) => child.once('exit', r));
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (alive) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	};
	started.push({ name: 'emulator', stop });
	const url = `http://127.0.0.1:${emulatorPort}`;
	if (!(await waitFor(`${url}/login`, { timeoutMs: 30_000, isAlive: () => alive }))) {
		throw new Error(`the emulator did not start on ${url}:\n${output}`);
	}
	return url;
}

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	process.stdout.write('\nStopping ...\n');
	for (const s of started.reverse()) {
		try {
			await s.stop();
			process.stdout.write(`  stopped ${s.name}\n`);
		} catch (e) {
			process.stdout.write(`  could not stop ${s.name}: ${e.message}\n`);
		}
	}
	process.exit(code);
}

async function main() {
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	for (const [name, port] of [['n8n', n8nPort], ['n8n task broker', brokerPort], ['emulator', emulatorPort]]) {
		if (!(await portFree(port))) {
			throw new Error(`port ${port} (${name}) on 127.0.0.1 is in use: stop whatever runs there, or pass --port=... / --emulator-port=...`);
		}
	}

	if (args.has('skip-build')) {
		step('Using the existing build (--skip-build)');
	} else {
		step('Building the package (gulp: type-check, esbuild bundle, icons)');
		buildPackage({ log: (m) => console.log(`  ${m}`) });
	}

	step('Making sure n8n 2.41.1 and Node 24 are installed (first time: a few minutes, about 2.9 GB)');
	const paths = await ensureN8n();
	console.log(`  n8n: ${paths.n8nDir}`);

	const demoDir = resolve(args.get('data-dir') ?? process.env.SBO_DEMO_DIR ?? join(paths.cache, 'demo'));
	const userFolder = join(demoDir, 'n8n-user');
	if (args.has('fresh')) {
		step(`Forgetting the previous demo data (${demoDir})`);
		rmSync(demoDir, { recursive: true, force: true });
	}
	mkdirSync(demoDir, { recursive: true });
	const firstRun = !existsSync(join(userFolder, '.n8n', 'database.sqlite'));

	step('Packing the package and installing it like Settings > Community Nodes does');
	const tarball = packPackage(join(demoDir, 'pack'), { log: (m) => console.log(`  ${m}`) });
	installPackedPackage(tarball, userFolder, { log: (m) => console.log(`  ${m}`) });

	step(`Starting the Backoffice emulator (tenant "washu") on 127.0.0.1:${emulatorPort}`);
	const emulatorUrl = await startEmulator();
	console.log(`  ${emulatorUrl}  (bot login ${EMULATOR_LOGIN.username} / ${EMULATOR_LOGIN.password})`);

	step('Importing the emulator credential and the example workflows');
	const cli = { userFolder, port: n8nPort, brokerPort: cliBrokerPort };
	importCredentials([emulatorCredential(emulatorUrl)], cli);
	const workflows = loadWorkflows();
	importWorkflows(workflows, cli);
	for (const wf of workflows) console.log(`  ${wf.name}`);

	step(`Starting n8n on 127.0.0.1:${n8nPort}`);
	const server = await startN8n({ userFolder, port: n8nPort, brokerPort });
	started.push({ name: 'n8n', stop: server.stop });
	server.exited.then(() => {
		if (!stopping) {
			console.error('\nn8n stopped unexpectedly; last log lines:\n' + server.logs().slice(-3000));
			void shutdown(1);
		}
	});
	const rest = new N8nRest(server.url);
	await rest.setupOwnerAndLogin();
	if (firstRun) console.log('  owner account created');
	// The form and webhook workflows answer on their production URLs only when published.
	for (const wf of workflows.filter((w) => w.nodes.some((n) => /formTrigger|webhook$/i.test(n.type)))) {
		await rest.publish(wf.id);
	}
	await waitForUrl(`${server.url}/form/onboard-new-hire`, 60_000);

	const base = server.url;
	console.log(`
------------------------------------------------------------------------------
  n8n is running with the Sonny's Backoffice node installed.

  Open        ${base}
  Sign in     ${OWNER.email}  /  ${OWNER.password}

  Workflows   ${base}/home/workflows
  New-hire form (published):  ${base}/form/onboard-new-hire
  Offboarding webhook (published):
    curl -s -X POST ${base}/webhook/sonnys-offboard -H 'content-type: application/json' -d '{"posUserId": 1001}'

  Emulator    ${emulatorUrl}  (fake Backoffice, in memory; resets when the demo stops)
  n8n data    ${userFolder}   (npm start -- --fresh starts over)

  Press Ctrl-C to stop n8n and the emulator.
------------------------------------------------------------------------------`);
}

main().catch(async (e) => {
	console.error(`\nThe demo could not start: ${e.message}`);
	await shutdown(1);
});

