/**
 * Nothing in the repository can send a request to a real Backoffice host (*.sonnyscontrols.com). The recorded
 * captures keep the production tenant's addresses byte-identical, so they are read only through
 * test/support/captures.ts, which hands tests paths, never those addresses. Code and data that the tests, the demo
 * or the examples run name the real host only where the list below says why.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CAPTURES, captureHtml, capturePayload, REAL_BACKOFFICE_HOST, RECORDED_HOST } from '../support/captures';

const root = join(__dirname, '..', '..');

/** Files allowed to name the real host, and why. Everything else that runs must not. */
const ALLOWED: Record<string, string> = {
	'src/models/client-options.ts': 'the client builds the production origin from the subdomain (its purpose)',
	'src/models/api.ts': 'TSDoc example of the subdomain option',
	'credentials/SonnysBackofficeApi.credentials.ts': 'field descriptions a user reads (subdomain, base URL override)',
	'src/session/session.ts': 'TSDoc example of the origin',
	'scripts/demo.mjs': 'a comment saying the demo never talks to it',
	'test/support/captures.ts': 'the pattern that recognises the real host',
	'test/unit/no-real-host.test.ts': 'this test',
	'test/unit/base-url.test.ts': 'asserts the default origin string (construction only; no request)',
	'test/unit/schemas.test.ts': 'asserts the default origin string (validation only)',
	'test/unit/index-exports.test.ts': 'asserts the exported default origin (no request)',
	'test/unit/roster-watch.test.ts': 'an origin label in a pure snapshot comparison (no request)',
	'test/contract/transport-session.test.ts': 'the default origin through a replaced in-memory transport (no socket)',
	'test/contract/discovery.test.ts': 'the default origin through a replaced in-memory transport (no socket)',
};

function tracked(): string[] {
	return execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('no request can reach a real Backoffice host', () => {
	it('code, scripts, examples and tenants name the real host only where allowed', () => {
		const runnable = tracked().filter(
			(f) => /\.(ts|mts|cts|js|mjs|cjs|json)$/.test(f) && f !== 'package-lock.json',
		);
		expect(runnable.length).toBeGreaterThan(100);
		const naming = runnable.filter((f) => REAL_BACKOFFICE_HOST.test(readFileSync(join(root, f), 'utf8')));
		expect(naming.filter((f) => !(f in ALLOWED))).toEqual([]);
	});

	it('no recorded capture names a real host; the reader hands tests the recorded addresses as paths', () => {
		const payloads = readdirSync(join(CAPTURES, 'payloads'));
		expect(payloads.length).toBeGreaterThan(10);
		for (const dir of ['payloads', 'html']) {
			for (const f of readdirSync(join(CAPTURES, dir))) {
				expect(readFileSync(join(CAPTURES, dir, f), 'utf8'), `${dir}/${f}`).not.toMatch(REAL_BACKOFFICE_HOST);
			}
		}
		expect(payloads.filter((f) => readFileSync(join(CAPTURES, 'payloads', f), 'utf8').includes(RECORDED_HOST)).length).toBeGreaterThan(10);
		for (const f of payloads) expect(JSON.stringify(capturePayload(f)), f).not.toContain(RECORDED_HOST);
		const sample = capturePayload<{ url?: string }>('allowed_employee_insert_request.json');
		expect(sample.url).toBe('/employee/insert');
		for (const f of readdirSync(join(CAPTURES, 'html'))) {
			expect(captureHtml(f), f).not.toMatch(/https?:\/\/[\w.-]*sonnyscontrols\.com/i);
		}
	});
});
