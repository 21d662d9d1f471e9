/** What a script user imports from the package entry: the client, every error class, the transport seam. */
import { describe, expect, it } from 'vitest';
import * as api from '../../src';
import * as errors from '../../src/errors';

describe('src/index.ts', () => {
	it('exports the client, every error class and the default transport', () => {
		expect(typeof api.SonnysBackofficeClient).toBe('function');
		for (const [name, value] of Object.entries(errors)) {
			if (typeof value === 'function') expect(api[name as keyof typeof api], name).toBe(value);
		}
		expect(typeof api.UndiciTransport).toBe('function');
		expect(typeof api.retryDecision).toBe('function');
		expect(api.resolveBaseUrl('washu')).toBe('https://washu.sonnyscontrols.com');
	});
});
