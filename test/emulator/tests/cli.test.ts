import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = join(ROOT, 'test', 'emulator', 'cli.ts');

function run(args: string[]) {
	const child = spawn(process.execPath, [TSX, CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	child.stdout.on('data', (c: Buffer) => (out += c.toString()));
	child.stderr.on('data', (c: Buffer) => (err += c.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, exited, out: () => out, err: () => err };
}

describe('npm run emulator (test/emulator/cli.ts)', () => {
	it('--port 0 prints its loopback URL and the bot login, serves the login page, exits 0 on SIGINT', async () => {
		const p = run(['--port', '0', '--tenant', 'large', '--employees', '50', '--sites', '6', '--latency-ms', '1']);
		let url = '';
		for (let i = 0; i < 200 && !url; i++) {
			url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(p.out())?.[1] ?? '';
			if (!url) await new Promise((r) => setTimeout(r, 50));
		}
		expect(url, p.err()).not.toBe('');
		expect(p.out()).toContain('demo-bot');
		const res = await fetch(`${url}/login`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('id="login-form"');
		p.child.kill('SIGINT');
		expect(await p.exited).toBe(0);
	});

	it('refuses a non-loopback host and unknown options with exit code 1', async () => {
		const a = run(['--host', '0.0.0.0', '--port', '0']);
		expect(await a.exited).toBe(1);
		expect(a.err()).toContain('loopback');
		const b = run(['--tenant', 'nope']);
		expect(await b.exited).toBe(1);
		const c = run(['--frobnicate', '1']);
		expect(await c.exited).toBe(1);
		expect(c.err()).toContain('--frobnicate');
	});
});
