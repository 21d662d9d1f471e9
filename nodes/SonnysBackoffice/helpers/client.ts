import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SonnysBackofficeClient } from '../../../src';
import { ValidationError } from '../../../src/errors';
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

/**
 * The one seam between n8n and the core client. The client logs in lazily on its first request and keeps its
 * caches (sites, templates, employee index) for its lifetime, so one client serves a whole execution.
 */
export function createClient(
	credentials: ICredentialDataDecryptedObject,
	overrides: Pick<SonnysBackofficeClientOptions, 'maxSessions'> = {},
): SonnysBackofficeClientApi {
	return new SonnysBackofficeClient({ ...clientOptions(credentials), ...overrides });
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
