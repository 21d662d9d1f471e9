/**
 * The one reader of the recorded Backoffice captures (fixtures/captures, copies of a production tenant's pages and
 * requests; provenance in fixtures/captures/INDEX.md). The files name no real host: on copying, the tenant's host in
 * `url`, `Origin` and `Referer` became {@link RECORDED_HOST}, a reserved name that never resolves. This reader hands
 * those addresses to tests as their path only, and refuses a file that names a real Backoffice host (and every test
 * worker refuses non-loopback connections anyway: test/setup/loopback-only.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Pairs } from '../../src/html/form';

/** fixtures/captures. */
export const CAPTURES = join(__dirname, '..', '..', 'fixtures', 'captures');

/** A real Backoffice host (the production service), in any text. */
export const REAL_BACKOFFICE_HOST = /[\w.-]*sonnyscontrols\.com/i;

/** The host the captures' addresses name instead of the production tenant's (fixtures/captures/INDEX.md). */
export const RECORDED_HOST = 'washu.backoffice.invalid';

/** `https://washu.backoffice.invalid/user/insert?x=1` -> `/user/insert?x=1`; other strings unchanged. */
function pathOfRecorded(value: string): string {
	if (!/^https?:\/\//i.test(value)) return value;
	const url = new URL(value);
	return url.hostname === RECORDED_HOST ? `${url.pathname}${url.search}` : value;
}

function sanitize(value: unknown): unknown {
	if (typeof value === 'string') return pathOfRecorded(value);
	if (Array.isArray(value)) return value.map(sanitize);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v)]));
	}
	return value;
}

/** A recorded payload file (request or response record), with its recorded addresses reduced to paths. */
export function capturePayload<T = Record<string, unknown>>(file: string): T {
	const text = readFileSync(join(CAPTURES, 'payloads', file), 'utf8');
	if (REAL_BACKOFFICE_HOST.test(text)) throw new Error(`${file} names a real Backoffice host: replace it by ${RECORDED_HOST} (fixtures/captures/INDEX.md)`);
	return sanitize(JSON.parse(text)) as T;
}

/** A recorded page. Pages carry no absolute address of the real host (checked by test/unit/no-real-host.test.ts). */
export function captureHtml(file: string): string {
	return readFileSync(join(CAPTURES, 'html', file), 'utf8');
}

type RequestRecord = { fields?: Array<{ name: string; value: string }>; post_data?: string };

/** The request record of a payload file (the first, when the file holds several). */
export function requestRecord(file: string): RequestRecord {
	const raw = capturePayload<RequestRecord | RequestRecord[]>(file);
	return Array.isArray(raw) ? raw[0] : raw;
}

/** A captured request body as ordered pairs (either `fields` or `post_data`). */
export function capturePairs(file: string): Pairs {
	const d = requestRecord(file);
	if (d.fields) return d.fields.map((f) => [f.name, f.value]);
	return [...new URLSearchParams(d.post_data ?? '')];
}

/** The raw captured body string (only for captures recorded as `post_data`). */
export function captureRawBody(file: string): string {
	const body = requestRecord(file).post_data;
	if (body === undefined) throw new Error(`${file} has no post_data`);
	return body;
}

/** A captured response record. */
export function captureResponse(file: string): { status_code: number; headers: Record<string, string>; body_length?: number } {
	return capturePayload(file);
}
