import { parse } from 'flatted';
import { afterAll, beforeAll, inject } from 'vitest';

import { N8nRest } from '../../scripts/n8n/instance.mjs';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';

/** What the global setup hands to every e2e file. */
export interface E2eEnv {
	/** Set when the setup failed; every e2e test then fails with it. */
	error?: string;
	n8nUrl?: string;
	emulatorPort?: number;
	emulatorUrl?: string;
	userFolder?: string;
	workDir?: string;
	/** The packed package (`npm pack`), for files that set up n8n instances of their own. */
	tarball?: string;
	/** Runner-broker port for n8n CLI commands while the server runs. */
	cliBrokerPort?: number;
	owner?: { email: string; firstName: string; lastName: string; password: string };
	/** Milliseconds per setup phase. */
	timings: Record<string, number>;
}

declare module 'vitest' {
	export interface ProvidedContext {
		e2e: E2eEnv;
	}
}

export type ReadyEnv = Required<Omit<E2eEnv, 'error'>>;

/** The e2e environment, or throws the setup's failure. */
export function e2eEnv(): ReadyEnv {
	const env = inject('e2e');
	if (env.error !== undefined) throw new Error(`e2e setup failed:\n${env.error}`);
	return env as ReadyEnv;
}

/** A REST client signed in as the owner. */
export async function signedIn(env: ReadyEnv): Promise<N8nRest> {
	const rest = new N8nRest(env.n8nUrl);
	await rest.ok('POST', '/rest/login', { emailOrLdapLoginId: env.owner.email, password: env.owner.password });
	return rest;
}

/**
 * What an e2e file works with: the environment and the emulator on the port n8n's credential points at. The fields
 * are filled in by the `beforeAll` hook that {@link useE2eEmulator} registers (undefined before it has run, or when
 * it failed), so read them inside tests and hooks, never at the top level of a file.
 */
export interface E2eEmulator {
	env: ReadyEnv;
	emu: Emulator;
}

/** {@link E2eEmulator} plus a REST client of the shared n8n server, signed in as the owner. */
export interface E2eSession extends E2eEmulator {
	rest: N8nRest;
}

/**
 * Registers, in the calling file or `describe`, the hooks that start the emulator on the port n8n's credential
 * points at (`env.emulatorPort`, one file at a time owns it) before the tests, and close it after them. Hooks the
 * caller registers afterwards run after the start and, vitest's hooks being a stack, before the close.
 *
 * @param options - emulator options; the port is always the one the global setup chose.
 */
export function useE2eEmulator(options: Omit<EmulatorOptions, 'port'> = {}): E2eEmulator {
	const e2e = {} as E2eEmulator;
	beforeAll(async () => {
		e2e.env = e2eEnv();
		e2e.emu = await startEmulator({ ...options, port: e2e.env.emulatorPort });
	});
	afterAll(async () => {
		await e2e.emu?.close();
	});
	return e2e;
}

/**
 * {@link useE2eEmulator}, then signs in to the shared n8n server the global setup started (one REST login as the
 * owner, before the tests).
 *
 * @param options - emulator options; the port is always the one the global setup chose.
 */
export function useE2eSession(options: Omit<EmulatorOptions, 'port'> = {}): E2eSession {
	const e2e = useE2eEmulator(options) as E2eSession;
	beforeAll(async () => {
		e2e.rest = await signedIn(e2e.env);
	});
	return e2e;
}

/** One node's output items (first run, first output unless told). */
export type Items = Array<{ json: Record<string, any> }>;

/** A finished execution as the REST API returns it, with `data` un-flattened. */
export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	data: { resultData: { runData: Record<string, Array<{ data?: { main: Items[] }; error?: { message: string } }>>; error?: { message: string } } };
}

/** Waits for an execution to leave the running states and returns it. */
export async function waitForExecution(rest: N8nRest, id: string, timeoutMs = 120_000): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const ex = (await rest.ok('GET', `/rest/executions/${id}`)) as { status: string; finished: boolean; data: string };
		if (!['new', 'running', 'unknown'].includes(ex.status)) {
			return { ...ex, id, data: parse(ex.data) as Execution['data'] };
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`execution ${id} did not finish within ${timeoutMs} ms`);
}

/** Runs a stored workflow from its trigger, as the editor's "Execute workflow" button does, and waits for it. */
export async function runFromTrigger(rest: N8nRest, workflowId: string, triggerName: string): Promise<Execution> {
	const started = (await rest.ok('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: triggerName },
	})) as { executionId?: string };
	if (!started.executionId) throw new Error(`workflow ${workflowId} did not start: ${JSON.stringify(started)}`);
	return await waitForExecution(rest, started.executionId);
}

/** The items a node produced on one of its outputs. */
export function outputOf(ex: Execution, node: string, output = 0): Items {
	const runs = ex.data.resultData.runData[node];
	if (!runs || runs.length === 0) throw new Error(`node "${node}" did not run (ran: ${Object.keys(ex.data.resultData.runData).join(', ')})`);
	const run = runs[0]!;
	if (run.error) throw new Error(`node "${node}" failed: ${run.error.message}`);
	return run.data?.main[output] ?? [];
}
