/**
 * The setup every node test file shares: the built package (loaded once per file), an emulator on port 0 per
 * test (or started by the test itself), the emulator's credentials, and request counts from its log.
 */
import type {
	ICredentialDataDecryptedObject,
	INodeCredentialTestResult,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import {
	emulatorCredentials,
	listSearch,
	loadOptions,
	loadPackage,
	runNode,
	testCredentials,
	type LoadedPackage,
	type RunOptions,
	type RunResult,
	type TestCredentials,
} from './harness';

export interface NodeTestBed {
	/** The built package, as n8n loads it. */
	readonly pkg: LoadedPackage;
	/** The current test's emulator. */
	readonly emu: Emulator;
	/** Closes the current emulator, if any, and starts another (a custom tenant, session expiry, ...). */
	startEmulator(options?: EmulatorOptions): Promise<Emulator>;
	/** The bot's credentials for the current emulator, optionally with another password. */
	credentials(password?: string): TestCredentials;
	/** Runs the node (harness `runNode`) with the current emulator's credentials unless others are given. */
	run(options: Omit<RunOptions, 'credentials'> & { credentials?: ICredentialDataDecryptedObject }): Promise<RunResult>;
	/** Calls a loadOptions method with the current emulator's credentials unless others are given. */
	loadOptions(
		method: string,
		options?: { parameters?: INodeParameters; credentials?: ICredentialDataDecryptedObject },
	): Promise<INodePropertyOptions[]>;
	/** Calls a listSearch method (a locator's From List) with the current emulator's credentials unless others are given. */
	listSearch(
		method: string,
		options?: { filter?: string; paginationToken?: string; credentials?: ICredentialDataDecryptedObject },
	): Promise<INodeListSearchResult>;
	/** Runs the credential's "Test" button with the current emulator's credentials unless others are given. */
	testCredentials(credentials?: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult>;
	/** How many requests the emulator logged with this method and path (query ignored; a RegExp must match it whole). */
	count(method: string, path: string | RegExp): number;
}

/**
 * Registers the file's hooks. `emulator: 'each'` (default) starts a washu emulator before each test;
 * `'manual'` leaves starting it to the test (`startEmulator`). Either way it is closed after each test.
 */
export function useNodeTestBed(options: { emulator?: 'each' | 'manual' } = {}): NodeTestBed {
	let pkg: LoadedPackage | undefined;
	let emu: Emulator | undefined;

	beforeAll(async () => {
		pkg = await loadPackage();
	});
	afterAll(() => pkg?.dispose());
	if ((options.emulator ?? 'each') === 'each') {
		beforeEach(async () => {
			emu = await startEmulator({ tenant: 'washu', port: 0 });
		});
	}
	afterEach(async () => {
		await emu?.close();
		emu = undefined;
	});

	const bed: NodeTestBed = {
		get pkg() {
			if (!pkg) throw new Error('the package is not loaded yet');
			return pkg;
		},
		get emu() {
			if (!emu) throw new Error('no emulator is running: call startEmulator() first');
			return emu;
		},
		async startEmulator(emulatorOptions = {}) {
			await emu?.close();
			emu = await startEmulator({ tenant: 'washu', port: 0, ...emulatorOptions });
			return emu;
		},
		credentials: (password) => emulatorCredentials(bed.emu.url, password),
		run: async (runOptions) => await runNode(bed.pkg, { ...runOptions, credentials: runOptions.credentials ?? bed.credentials() }),
		loadOptions: async (method, { parameters, credentials } = {}) =>
			await loadOptions(bed.pkg, method, credentials ?? bed.credentials(), parameters),
		listSearch: async (method, { credentials, ...rest } = {}) => await listSearch(bed.pkg, method, credentials ?? bed.credentials(), rest),
		testCredentials: async (credentials) => await testCredentials(bed.pkg, credentials ?? bed.credentials()),
		count: (method, path) =>
			bed.emu.requests.filter((r) => {
				const bare = r.path.split('?')[0];
				return r.method === method && (typeof path === 'string' ? bare === path : new RegExp(`^(?:${path.source})$`).test(bare));
			}).length,
	};
	return bed;
}
