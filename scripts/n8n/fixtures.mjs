// The example workflows (fixtures/workflows/*.json) and the credential they use, shared by the demo and the
// e2e tests. The workflows reference the credential by this fixed id, so an import wires them up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './package.mjs';

export const CREDENTIAL_ID = 'sboEmulatorCred1';
export const CREDENTIAL_NAME = "Sonny's Backoffice (local emulator)";
export const CREDENTIAL_TYPE = 'sonnysBackofficeApi';
export const NODE_TYPE = 'n8n-nodes-sonnys-backoffice.sonnysBackoffice';

/** The emulator's bot login (default tenant). */
export const EMULATOR_LOGIN = Object.freeze({ subdomain: 'washu', username: 'demo-bot', password: 'demo-password' });

export const workflowsDir = join(repoRoot, 'fixtures', 'workflows');

/** Every example workflow, parsed, in file-name order. */
export function loadWorkflows() {
	return readdirSync(workflowsDir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ ...JSON.parse(readFileSync(join(workflowsDir, f), 'utf8')), file: f }));
}

/** The credential pointing at an emulator, as `n8n import:credentials` takes it (plaintext data). */
export function emulatorCredential(baseUrl, login = EMULATOR_LOGIN) {
	return {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: CREDENTIAL_TYPE,
		data: { subdomain: login.subdomain, username: login.username, password: login.password, baseUrl },
	};
}
