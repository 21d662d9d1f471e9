/**
 * THE LAZY SEAM: the only place where the node reaches the core client's code.
 *
 * n8n loads every community node's file at each start just to read its description, so that file must stay light:
 * the core client (undici, cheerio, tough-cookie, zod, decimal.js; ~3 MB of JavaScript) is loaded here, on first
 * use, by `loadCore()`. The build (gulpfile.js) turns `require('../../../src')` into a `require()` of the package's
 * `dist/index.js` and every import of `src/errors` into a `require()` of `dist/errors.js`, shared by both, so the
 * error classes are the same on either side of the seam (`instanceof` works).
 *
 * Rules for every file under nodes/ and credentials/ (operations, descriptions, methods, helpers):
 * - Reach the client only through `createClient` / `withClient` / `loadCore` from this file.
 * - `import type` from src/ is free (erased). The only VALUE imports allowed from src/ are from `src/errors`
 *   (no dependencies, shipped as dist/errors.js). Any other value import (a zod schema, a page selector, a
 *   constant from src/models, decimal.js, cheerio) would be bundled into the node file and evaluated at every n8n
 *   start: the build refuses a node bundle that contains code from node_modules, and
 *   test/node/load-cost.test.ts measures the cost. Need a src/ value in a node file? Get it from `loadCore()` at
 *   execution time, or move the constant into the node.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ValidationError } from '../../../src/errors';
import type * as Core from '../../../src';
import type { SonnysBackofficeClientApi, SonnysBackofficeClientOptions } from '../../../src/models/api';

/** The credential type's name (`credentials/SonnysBackofficeApi.credentials.ts`). */
export const CREDENTIAL_TYPE = 'sonnysBackofficeApi';

function text(credentials: ICredentialDataDecryptedObject, key: string): string {
	const value = credentials[key];
	return typeof value === 'string' ? value.trim() : '';
}

/** Credential fields -> client options. The password is passed on untouched (it may start or end with spaces). */
export function clientOptions(credentials: ICredentialDataDecryptedObject): SonnysBackofficeClientOptions {
	const password = typeof credentials.password === 'string' ? credentials.password : '';
	const options: SonnysBackofficeClientOptions = {
		subdomain: text(credentials, 'subdomain'),
		username: text(credentials, 'username'),
		password,
		// A template name that came through an expression with a typo must stop the item, not quietly hire the
		// employee as "General User" with a warning nobody reads: an employee cannot be deleted afterwards.
		onUnknownPermission: 'error',
	};
	if (options.subdomain === '') throw new ValidationError('subdomain', 'is empty in the credential');
	if (options.username === '') throw new ValidationError('username', 'is empty in the credential');
	if (password === '') throw new ValidationError('password', 'is empty in the credential');
	const baseUrl = text(credentials, 'baseUrl');
	if (baseUrl !== '') options.baseUrl = baseUrl;
	return options;
}

let core: typeof Core | undefined;

/** The core client's module (dist/index.js once built), evaluated on the first call only. */
export function loadCore(): typeof Core {
	core ??= require('../../../src') as typeof Core;
	return core;
}

/**
 * The one seam between n8n and the core client. The client logs in lazily on its first request and keeps its
 * caches (sites, templates, employee index) for its lifetime, so one client serves a whole execution.
 */
export function createClient(
	credentials: ICredentialDataDecryptedObject,
	overrides: Pick<SonnysBackofficeClientOptions, 'maxSessions'> = {},
): SonnysBackofficeClientApi {
	const options = { ...clientOptions(credentials), ...overrides };
	return new (loadCore().SonnysBackofficeClient)(options);
}

/** Runs `fn` with a short-lived client (loadOptions, credential test) and always closes it. */
export async function withClient<T>(
	credentials: ICredentialDataDecryptedObject,
	fn: (client: SonnysBackofficeClientApi) => Promise<T>,
): Promise<T> {
	const client = createClient(credentials);
	try {
		return await fn(client);
	} finally {
		await client.close();
	}
}
