import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export { CAPTURES, captureHtml, capturePairs, captureRawBody } from '../support/captures';
import { CAPTURES } from '../support/captures';

export function washuStructure(): {
	regions: Array<{ id: number; name: string }>;
	districts: Array<{ id: number; name: string; regionId: number }>;
	sites: Array<{ id: number; name: string; shortCode: string; districtId: number; regionId: number }>;
	departments: Array<{ id: number; name: string }>;
	posTemplates: Array<{ id: number; name: string; grants: number[]; overrides: number[] }>;
	posPermissions: Array<{ id: number; label: string; description: string }>;
	backofficePermissionTokens: string[];
} {
	return JSON.parse(readFileSync(join(CAPTURES, 'washu-structure.json'), 'utf8'));
}

/** A logged-in HTTP client for the emulator (tests only; 127.0.0.1). */
export class EmulatorBrowser {
	private cookie = '';

	constructor(private readonly base: string) {
		if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`tests only talk to 127.0.0.1, got ${base}`);
	}

	async request(method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; location: string | null; body: string }> {
		const headers: Record<string, string> = {};
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
		const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
		const sid = /PHPSESSID=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
		if (sid) this.cookie = `PHPSESSID=${sid}`;
		return { status: res.status, location: res.headers.get('location'), body: await res.text() };
	}

	async login(): Promise<void> {
		const res = await this.request('POST', '/login_check', '_username=demo-bot&_password=demo-password');
		if (res.status !== 302) throw new Error(`emulator login failed: ${res.status}`);
	}

	async page(path: string): Promise<string> {
		const res = await this.request('GET', path);
		if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status}`);
		return res.body;
	}
}
