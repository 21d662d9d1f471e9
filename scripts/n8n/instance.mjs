// Runs the cached n8n 2.41.1 (see ensure-n8n.mjs) on Node 24: CLI commands (import, execute) and a server that
// is started, waited for and stopped by this process. Shared by `npm start` (scripts/demo.mjs) and test/e2e.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { n8nPaths } from './ensure-n8n.mjs';

/** The owner account created on a fresh n8n user folder (local demo and tests only). */
export const OWNER = Object.freeze({
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-Passw0rd',
});

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** The environment n8n runs with: local only, no telemetry, no outbound calls we can switch off. */
export function n8nEnv({ userFolder, port, brokerPort, extra = {} }) {
	const p = n8nPaths();
	const env = {
		...process.env,
		PATH: `${p.nodeBinDir}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort ?? port + 1),
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		N8N_NO_COLOR: '1',
		DB_SQLITE_POOL_SIZE: '2',
		// n8n 2 reads and writes files only here; the nightly HRIS example (07) reads its CSV export from /tmp.
		N8N_RESTRICT_FILE_ACCESS_TO: process.env.N8N_RESTRICT_FILE_ACCESS_TO ?? '~/.n8n-files;/tmp/sbo-hris-export.csv',
		// n8n's bin does nothing under NODE_ENV=test, which test runners set.
		NODE_ENV: 'production',
		...extra,
	};
	// Settings meant for the developer's own n8n must not leak into ours.
	delete env.N8N_CUSTOM_EXTENSIONS;
	delete env.NODE_OPTIONS;
	return env;
}

/**
 * Runs an n8n CLI command (no server needed) and returns { status, stdout, stderr }.
 * `brokerPort` must differ from a running server's broker port.
 */
export function n8nCli(args, { userFolder, port = 5678, brokerPort, timeoutMs = 120_000 }) {
	const p = n8nPaths();
	const r = spawnSync(p.nodeBin, [p.n8nBin, ...args], {
		env: n8nEnv({ userFolder, port, brokerPort }),
		encoding: 'utf8',
		timeout: timeoutMs,
		killSignal: 'SIGKILL',
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function cliOrThrow(args, opts) {
	const r = n8nCli(args, opts);
	if (r.status !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
	return r;
}

/** Imports credentials (plaintext `data`; n8n encrypts it on import). */
export function importCredentials(credentials, opts) {
	const dir = join(opts.userFolder, 'import');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	cliOrThrow(['import:credentials', `--input=${file}`], opts);
}

/** Imports workflows (an array of workflow objects with fixed ids). */
export function importWorkflows(workflows, opts) {
	const dir = join(opts.userFolder, 'import');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'workflows.json');
	writeFileSync(file, JSON.stringify(workflows, null, 2));
	cliOrThrow(['import:workflow', `--input=${file}`], opts);
}

/** Polls a URL until it answers 200 (e.g. a published form once n8n has registered it). */
export async function waitForUrl(url, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer';
	while (Date.now() < deadline) {
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
			await res.arrayBuffer();
			if (res.status === 200) return;
			last = `HTTP ${res.status}`;
		} catch (e) {
			last = e.message;
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/**
 * `n8n execute --id=<id>`: runs a stored workflow from its manual trigger. Returns the exit status and the
 * run data n8n prints as JSON after its log lines.
 */
export function executeWorkflow(id, opts) {
	const r = n8nCli(['execute', `--id=${id}`, '--rawOutput'], opts);
	return { status: r.status, result: parseTrailingJson(r.stdout), stdout: r.stdout, stderr: r.stderr };
}

function parseTrailingJson(text) {
	for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
		try {
			return JSON.parse(text.slice(i));
		} catch {
			// not JSON yet: n8n prints log lines before the result
		}
	}
	return undefined;
}

/**
 * Starts `n8n start` (or another `command`, e.g. `worker`) and resolves once `readyUrl` (default the server's
 * `/healthz/readiness`) answers 200. The returned `stop()` ends the process group and resolves when it has exited;
 * it is safe to call twice.
 */
export async function startN8n({ userFolder, port, brokerPort, readyTimeoutMs = 120_000, onLog, extraEnv, command = ['start'], readyUrl }) {
	const p = n8nPaths();
	mkdirSync(userFolder, { recursive: true });
	const child = spawn(p.nodeBin, [p.n8nBin, ...command], {
		env: n8nEnv({ userFolder, port, brokerPort, extra: extraEnv }),
		stdio: ['ignore', 'pipe', 'pipe'],
		// Own process group, so that stop() also ends the task runner n8n spawns.
		detached: true,
	});
	const logs = [];
	const collect = (d) => {
		const s = String(d);
		logs.push(s);
		if (logs.length > 2000) logs.splice(0, 1000);
		onLog?.(s);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = false;
	const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
		exited = true;
		resolve({ code, signal });
	}));
	// A test runner or demo that dies must not leave n8n behind.
	const killOnExit = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	process.on('exit', killOnExit);

	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		process.off('exit', killOnExit);
		if (exited) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 10_000);
		await exitPromise;
		clearTimeout(timer);
	};

	const deadline = Date.now() + readyTimeoutMs;
	while (true) {
		if (exited) {
			const { code, signal } = await exitPromise;
			throw new Error(`n8n exited (${code ?? signal}) before it was ready:\n${logs.join('').slice(-4000)}`);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n was not ready within ${readyTimeoutMs} ms:\n${logs.join('').slice(-4000)}`);
		}
		try {
			const res = await fetch(readyUrl ?? `${url}/healthz/readiness`);
			if (res.status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { url, port, pid: child.pid, stop, logs: () => logs.join(''), exited: exitPromise };
}

/** A minimal REST client for n8n's internal API, with the session cookie of the signed-in owner. */
export class N8nRest {
	constructor(url) {
		this.url = url;
		this.cookie = '';
	}

	async request(method, path, body) {
		const res = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				// n8n's browser-id check binds the auth cookie to this header.
				'browser-id': 'sbo-e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	async ok(method, path, body) {
		const r = await this.request(method, path, body);
		if (r.status >= 400) throw new Error(`${method} ${path} -> ${r.status}: ${r.text.slice(0, 500)}`);
		return r.json?.data ?? r.json;
	}

	/** Publishes (activates) a stored workflow as the editor's Publish button does: its form and webhook triggers go live. */
	async publish(workflowId) {
		const wf = await this.ok('GET', `/rest/workflows/${workflowId}`);
		return await this.ok('POST', `/rest/workflows/${workflowId}/activate`, { versionId: wf.versionId });
	}

	/** Creates the owner on a fresh instance (no-op when one exists), then signs in. */
	async setupOwnerAndLogin(owner = OWNER) {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status >= 400 && !/already|setup/i.test(setup.text)) {
			throw new Error(`owner setup failed: ${setup.status} ${setup.text.slice(0, 300)}`);
		}
		await this.ok('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}
}
