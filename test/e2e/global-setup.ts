// One real n8n 2.41.1 for the whole e2e run: build and pack this package, install it into a fresh n8n user
// folder the way the Community Nodes screen does, import the emulator credential and the example workflows,
// start the server, create the owner. Each e2e file then starts the emulator on the port the credential names.
// A setup failure is handed to the tests (each fails with it) instead of aborting the other projects.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

import { ensureN8n } from '../../scripts/n8n/ensure-n8n.mjs';
import { emulatorCredential, loadWorkflows } from '../../scripts/n8n/fixtures.mjs';
import {
	freePort,
	importCredentials,
	importWorkflows,
	N8nRest,
	OWNER,
	startN8n,
	waitForUrl,
} from '../../scripts/n8n/instance.mjs';
import type { N8nServer } from '../../scripts/n8n/instance.mjs';
import { buildPackage, installPackedPackage, packPackage } from '../../scripts/n8n/package.mjs';
import type { E2eEnv } from './env';

function log(msg: string): void {
	process.stderr.write(`[e2e setup] ${msg}\n`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const workDir = mkdtempSync(join(tmpdir(), 'sbo-e2e-'));
	const timings: Record<string, number> = {};
	let server: N8nServer | undefined;
	const phase = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
		const t0 = Date.now();
		log(`${name} ...`);
		const out = await fn();
		timings[name] = Date.now() - t0;
		log(`${name}: ${(timings[name] / 1000).toFixed(1)} s`);
		return out;
	};
	const teardown = async (): Promise<void> => {
		await server?.stop();
		// SBO_E2E_KEEP=1 keeps the n8n user folder and n8n.log for a post-mortem.
		if (!process.env.SBO_E2E_KEEP) rmSync(workDir, { recursive: true, force: true });
		else log(`kept ${workDir}`);
	};

	let env: E2eEnv;
	try {
		await phase('build', () => buildPackage({ log }));
		const tarball = await phase('pack', () => packPackage(join(workDir, 'pack'), { log }));
		await phase('ensure n8n', async () => await ensureN8n({ quiet: true }));
		const userFolder = join(workDir, 'n8n-user');
		await phase('install package', () => installPackedPackage(tarball, userFolder, { log }));
		const [n8nPort, brokerPort, cliBrokerPort, emulatorPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
		const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
		const cli = { userFolder, port: n8nPort, brokerPort: cliBrokerPort };
		const workflows = loadWorkflows();
		await phase('import credential and workflows', () => {
			importCredentials([emulatorCredential(emulatorUrl)], cli);
			importWorkflows(workflows, cli);
		});
		server = await phase('start n8n', async () => await startN8n({
			userFolder,
			port: n8nPort,
			brokerPort,
			onLog: (chunk) => appendFileSync(join(workDir, 'n8n.log'), chunk),
		}));
		const rest = new N8nRest(server.url);
		await phase('owner setup', async () => await rest.setupOwnerAndLogin());
		await phase('publish form and webhook workflows', async () => {
			for (const wf of workflows.filter((w) => w.nodes.some((n) => /formTrigger|webhook$/i.test(n.type)))) {
				await rest.publish(wf.id);
			}
			await waitForUrl(`${server!.url}/form/onboard-new-hire`, 60_000);
		});
		env = { n8nUrl: server.url, emulatorPort, emulatorUrl, userFolder, workDir, tarball, cliBrokerPort, owner: { ...OWNER }, timings };
	} catch (error) {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		log(`FAILED: ${message}`);
		env = { error: message, timings };
	}
	project.provide('e2e', env);
	return teardown;
}
