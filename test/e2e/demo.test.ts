// `npm start` (scripts/demo.mjs) end to end, on free ports and a temporary data folder: it prints the address and
// the login, the login works, the published form and webhook answer against its emulator, and Ctrl-C (SIGINT)
// stops n8n and the emulator. Uses the build the global setup made (--skip-build) and the cached n8n.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadWorkflows } from '../../scripts/n8n/fixtures.mjs';
import { freePort, N8nRest, OWNER } from '../../scripts/n8n/instance.mjs';
import { repoRoot } from '../../scripts/n8n/package.mjs';
import { e2eEnv } from './env';

let demo: ChildProcess | undefined;
let output = '';
let dataDir: string;
let n8nPort: number;
let emulatorPort: number;

function listening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
	if (child.exitCode !== null) return child.exitCode;
	return await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the demo did not exit within ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
}

beforeAll(async () => {
	e2eEnv();
	dataDir = mkdtempSync(join(tmpdir(), 'sbo-demo-'));
	// The demo also takes the two ports after n8n's (task broker, CLI broker).
	for (;;) {
		n8nPort = await freePort();
		if (!(await listening(n8nPort + 1)) && !(await listening(n8nPort + 2))) break;
	}
	emulatorPort = await freePort();
	demo = spawn(process.execPath, ['scripts/demo.mjs', `--port=${n8nPort}`, `--emulator-port=${emulatorPort}`, `--data-dir=${dataDir}`, '--skip-build'], {
		cwd: repoRoot,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	demo.stdout!.on('data', (d) => (output += String(d)));
	demo.stderr!.on('data', (d) => (output += String(d)));
	const deadline = Date.now() + 300_000;
	while (!output.includes('Press Ctrl-C')) {
		if (demo.exitCode !== null) throw new Error(`the demo exited (${demo.exitCode}):\n${output.slice(-3000)}`);
		if (Date.now() > deadline) throw new Error(`the demo did not come up:\n${output.slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 500));
	}
});

afterAll(async () => {
	if (demo && demo.exitCode === null) {
		demo.kill('SIGINT');
		await exited(demo, 60_000).catch(() => demo?.kill('SIGKILL'));
	}
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
	it('prints the address and the login, and the login works', async () => {
		const url = `http://127.0.0.1:${n8nPort}`;
		expect(output).toContain(`Open        ${url}`);
		expect(output).toContain(`Sign in     ${OWNER.email}  /  ${OWNER.password}`);
		const rest = new N8nRest(url);
		await rest.ok('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		const workflows = (await rest.ok('GET', '/rest/workflows')) as Array<{ id: string; name: string }>;
		// Every example workflow of fixtures/workflows/, e.g. sboOnboardForm01 ... sboManagerAlert1.
		expect(workflows.map((w) => w.id).sort()).toEqual(loadWorkflows().map((w) => w.id).sort());
		expect(workflows.map((w) => w.id)).toEqual(expect.arrayContaining(['sboOnboardForm01', 'sboManagerAlert1']));
	});

	it('serves the published form and webhook against its emulator', async () => {
		const form = await fetch(`http://127.0.0.1:${n8nPort}/form/onboard-new-hire`);
		expect(form.status).toBe(200);
		const res = await fetch(`http://127.0.0.1:${n8nPort}/webhook/sonnys-offboard`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ posUserId: 1001 }),
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ ok: true, posUserId: 1001, alreadyInactive: false });
	});

	it('stops n8n and the emulator on Ctrl-C', async () => {
		demo!.kill('SIGINT');
		expect(await exited(demo!, 60_000)).toBe(0);
		expect(output).toContain('stopped n8n');
		expect(output).toContain('stopped emulator');
		expect(await listening(n8nPort)).toBe(false);
		expect(await listening(emulatorPort)).toBe(false);
	});
});
