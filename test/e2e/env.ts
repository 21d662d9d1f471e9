import { inject } from 'vitest';

import { N8nRest } from '../../scripts/n8n/instance.mjs';

/** What the global setup hands to every e2e file. */
export interface E2eEnv {
	/** Set when the setup failed; every e2e test then fails with it. */
	error?: string;
	n8nUrl?: string;
	emulatorPort?: number;
	emulatorUrl?: string;
	userFolder?: string;
	workDir?: string;
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
