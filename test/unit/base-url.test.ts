/** resolveBaseUrl and isLoopbackHost: one implementation shared by the options, the client and the transport. */
import { describe, expect, it } from 'vitest';
import { resolveBaseUrl } from '../../src';
import { isLoopbackHost } from '../../src/transport/loopback';
import { isLoopbackHost as transportLoopback } from '../../src/transport/undici-transport';

describe('resolveBaseUrl', () => {
	it('the tenant origin, or a loopback/https origin', () => {
		expect(resolveBaseUrl('WashU')).toBe('https://washu.sonnyscontrols.com');
		expect(resolveBaseUrl('washu', '')).toBe('https://washu.sonnyscontrols.com');
		expect(resolveBaseUrl('washu', 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
		expect(resolveBaseUrl('washu', 'http://[::1]:9')).toBe('http://[::1]:9');
		expect(resolveBaseUrl('washu', 'https://proxy.example.com')).toBe('https://proxy.example.com');
	});

	it('refuses with ValidationError naming the field', () => {
		const cases: Array<[string, string | undefined, string]> = [
			['wash.u', undefined, 'subdomain'],
			['x', 'http://example.com', 'baseUrl'],
			['x', 'https://u:p@x.com', 'baseUrl'],
			['x', 'https://x.com/bo', 'baseUrl'],
			['x', 'ftp://x', 'baseUrl'],
			['x', 'not a url', 'baseUrl'],
		];
		for (const [subdomain, baseUrl, field] of cases) {
			expect(() => resolveBaseUrl(subdomain, baseUrl)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', field }));
		}
	});
});

describe('isLoopbackHost', () => {
	it('loopback only', () => {
		for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
		for (const h of ['128.0.0.1', '127.0.0', 'washu.sonnyscontrols.com', 'localhost.example.com', '[::2]']) expect(isLoopbackHost(h)).toBe(false);
		expect(transportLoopback).toBe(isLoopbackHost);
	});
});
