/** ensureChromium, ensureQueueModeServers: a missing system package ends in one sentence naming what to do, never a stack trace. */
import { existsSync } from 'node:fs';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { ChromiumMissingError, chromiumPath, ensureChromium, ensureQueueModeServers, SystemPackageMissingError } from '../../scripts/n8n/chromium.mjs';

afterEach(() => {
	vi.unstubAllEnvs();
	vi.restoreAllMocks();
});

describe('ensureChromium', () => {
	it('SBO_CHROMIUM names the binary; an existing one is used as is', () => {
		vi.stubEnv('SBO_CHROMIUM', process.execPath);
		expect(chromiumPath()).toBe(process.execPath);
		expect(ensureChromium()).toBe(process.execPath);
	});

	it('SBO_CHROMIUM pointing nowhere: one sentence saying what to set', () => {
		vi.stubEnv('SBO_CHROMIUM', '/nonexistent/chromium');
		expect(() => ensureChromium()).toThrow(ChromiumMissingError);
		expect(() => ensureChromium()).toThrow(/^SBO_CHROMIUM points at \/nonexistent\/chromium, which does not exist: .+\.$/);
	});

	it('not root and no Chromium: one sentence naming the command to run', () => {
		vi.stubEnv('SBO_CHROMIUM', '');
		vi.spyOn(process as unknown as { getuid: () => number }, 'getuid').mockReturnValue(1000);
		const error = (() => {
			try {
				// A machine with apt but without Chromium.
				ensureChromium({ exists: (path) => path === '/usr/bin/apt-get' });
			} catch (e) {
				return e as Error;
			}
			throw new Error('no error');
		})();
		expect(error).toBeInstanceOf(ChromiumMissingError);
		expect(error.message).toBe(
			'The browser tests need Chromium at /usr/bin/chromium: install it with `sudo apt-get update && sudo apt-get install -y chromium` (or set SBO_CHROMIUM to a Chromium binary), then run npm test again.',
		);
		expect(error.message.split('\n')).toHaveLength(1);
	});
});

describe('ensureQueueModeServers', () => {
	it('installed (initdb of a Postgres major and redis-server): nothing to do', () => {
		const present = new Set(['/usr/lib/postgresql', '/usr/lib/postgresql/15/bin/initdb', '/usr/bin/redis-server']);
		// The Postgres majors are read from the real folder: where Debian's Postgres is absent, the check must refuse.
		if (!existsSync('/usr/lib/postgresql')) return expect(() => ensureQueueModeServers({ exists: () => false })).toThrow(SystemPackageMissingError);
		expect(() => ensureQueueModeServers({ exists: (p) => present.has(p) || p.startsWith('/usr/lib/postgresql/') })).not.toThrow();
	});

	it('not root and missing: one sentence naming the command to run', () => {
		vi.spyOn(process as unknown as { getuid: () => number }, 'getuid').mockReturnValue(1000);
		let error: Error | undefined;
		try {
			ensureQueueModeServers({ exists: (path) => path === '/usr/bin/apt-get' });
		} catch (e) {
			error = e as Error;
		}
		expect(error).toBeInstanceOf(SystemPackageMissingError);
		expect(error!.message).toBe(
			'The queue-mode test needs the Postgres and Redis servers: install them with `sudo apt-get update && sudo apt-get install -y postgresql redis-server`, then run npm test again.',
		);
		expect(error!.message.split('\n')).toHaveLength(1);
	});
});

