/** Shared setup of the client contract tests: an emulator on port 0 and a client pointed at it. */
import { afterEach } from 'vitest';
import { SonnysBackofficeClient, type ClientInternals } from '../../src/client';
import type { CreateEmployeeInput, SonnysBackofficeClientOptions } from '../../src/models/api';
import { startEmulator, type EmulatorOptions, type RequestLogEntry } from '../emulator';

export const BOT = { username: 'demo-bot', password: 'demo-password' };
export const FULL_ROSTER = /^\/employee\?(?!.*posUserId=)(?=.*limit=10000)(?=.*active=all)/;

export type Emu = Awaited<ReturnType<typeof startEmulator>>;

/** Starts an emulator and a client; `done()` closes both. */
export async function setup(
	emulatorOptions: EmulatorOptions = {},
	clientOptions: Partial<SonnysBackofficeClientOptions> = {},
): Promise<{ emu: Emu; client: SonnysBackofficeClient; done: () => Promise<void> }> {
	const emu = await startEmulator({ port: 0, ...emulatorOptions });
	const client = newClient(emu, clientOptions);
	return {
		emu,
		client,
		done: async () => {
			await client.close();
			await emu.close();
		},
	};
}

/** Another client on the same emulator (fresh caches, fresh session), optionally over a test transport. */
export function newClient(
	emu: Emu,
	options: Partial<SonnysBackofficeClientOptions> = {},
	internals: ClientInternals = {},
): SonnysBackofficeClient {
	return new SonnysBackofficeClient({ subdomain: 'washu', ...BOT, baseUrl: emu.url, timeoutMs: 5000, ...options }, internals);
}

/** Requests logged since `from` (an index into `emu.requests`). */
export function since(emu: Emu, from: number): RequestLogEntry[] {
	return emu.requests.slice(from);
}

/** `METHOD /path` of each request, without the query. */
export function routes(entries: RequestLogEntry[]): string[] {
	return entries.map((r) => `${r.method} ${r.path.split('?')[0]}`);
}

let seq = 0;
/** A valid, unique new hire on the default tenant. */
export function newHire(overrides: Partial<CreateEmployeeInput> = {}): CreateEmployeeInput {
	seq++;
	const n = String(seq).padStart(4, '0');
	return {
		firstName: 'Jane',
		lastName: `Contract${n}`,
		phone: `615555${n}`,
		email: `jane.contract${n}@example.invalid`,
		posUserId: 77000 + seq,
		wageRate: '15.50',
		startDate: '2026-05-01',
		availableSites: ['Wash 37135'],
		permission: 'General User',
		...overrides,
	};
}

/**
 * For a test file: returns `warm()`, which starts an emulator and a client whose login and e-mail map are loaded
 * and the e-mail and phone indexes are loaded (the budgets are for a warm client); each is closed after its test.
 */
export function useWarmSetup(): () => Promise<Awaited<ReturnType<typeof setup>>> {
	let done: (() => Promise<void>) | undefined;
	afterEach(async () => {
		await done?.();
		done = undefined;
	});
	return async () => {
		const s = await setup();
		done = s.done;
		await s.client.isEmailAvailable({ email: 'warm@example.invalid' });
		await s.client.isPhoneAvailable({ phone: '5550000000' });
		return s;
	};
}
