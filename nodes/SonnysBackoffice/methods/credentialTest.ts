import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { SonnysBackofficeError, ValidationError } from '../../../src/errors';
import { withClient } from '../helpers/client';
import { fieldLabel } from '../helpers/errors';

/** The reason shown next to the editor's "Test" button, per stable error code. Never a stack trace. */
function reason(error: unknown): string {
	if (error instanceof ValidationError) return `${fieldLabel(error.field)}: ${error.reason}`;
	if (!(error instanceof SonnysBackofficeError)) {
		return `Unexpected error while testing the login: ${error instanceof Error ? error.message : String(error)}`;
	}
	switch (error.code) {
		case 'AUTHENTICATION_FAILED':
			return 'Bad username or password: Backoffice refused the login';
		case 'CONNECTION_ERROR':
			return `Backoffice is unreachable (${error.message}). Check the subdomain or base URL override, and the network.`;
		case 'TIMEOUT':
			return `Backoffice did not answer in time (${error.message}). Check the subdomain or base URL override, and the network.`;
		case 'UNEXPECTED_PAGE':
			return `Unexpected page: the address answered, but not like Sonny's Backoffice (${error.message}). Check the subdomain or base URL override.`;
		default:
			return `Login failed: ${error.message}`;
	}
}

/** The credential's "Test" button: one real login (never retried), then the session is released. */
export async function sonnysBackofficeLoginTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		await withClient(credential.data ?? {}, async (client) => await client.login());
		return { status: 'OK', message: 'Logged in to Backoffice' };
	} catch (error) {
		return { status: 'Error', message: reason(error) };
	}
}
