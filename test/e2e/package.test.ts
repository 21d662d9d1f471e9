// What `npm pack` ships, and that the built package stands on its own: no runtime dependencies, every bundle
// requires only Node built-ins and n8n-workflow, and the core client works from a copy of dist/ outside the
// repository (no node_modules to fall back on).
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { packDryRunFiles, repoRoot } from '../../scripts/n8n/package.mjs';
import node24 from '../../scripts/node24-builtins.json';
import { useE2eEmulator } from './env';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
	main: string;
	types: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
};

/** Shared by the other bundles through relative `require()`s: the error classes (one copy for `instanceof`). */
const SHARED = ['dist/errors.js'];
const bundles = [pkg.main, ...pkg.n8n.nodes, ...pkg.n8n.credentials, ...SHARED];

describe('the packed package', () => {
	const e2e = useE2eEmulator();
	let copy: string;

	beforeAll(() => {
		copy = mkdtempSync(join(tmpdir(), 'sbo-dist-copy-'));
		cpSync(join(repoRoot, 'dist'), join(copy, 'dist'), { recursive: true });
	});

	afterAll(() => {
		if (copy) rmSync(copy, { recursive: true, force: true });
	});

	it('ships only dist, README.md, LICENSE and package.json', () => {
		const files = packDryRunFiles();
		const outside = files.filter((f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f));
		expect(outside).toEqual([]);
		for (const wanted of ['README.md', 'LICENSE', 'package.json', pkg.main, pkg.types, 'dist/errors.d.ts', ...bundles]) {
			expect(files).toContain(wanted);
		}
		expect(files).toContain('dist/nodes/SonnysBackoffice/SonnysBackoffice.node.json');
		expect(files).toContain('dist/nodes/SonnysBackoffice/SonnysBackofficeTrigger.node.json');
		expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(2);
		expect(files.some((f) => /emulator|fixtures|\.test\.|tenants/.test(f))).toBe(false);
	});

	it('has no runtime dependencies and keeps n8n-workflow a peer', () => {
		expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it.each(bundles)('%s requires only Node built-ins, n8n-workflow and other shipped bundles', (file) => {
		const code = readFileSync(join(repoRoot, file), 'utf8');
		const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
		// Node 24's built-ins (the runtime n8n gives the bundle), whatever Node runs this test.
		const builtins = new Set([...node24.modules.flatMap((m) => [m, `node:${m}`]), ...node24.nodePrefixedOnly]);
		// A relative require must name another bundle of the package (the node loads the core client, dist/index.js,
		// lazily on first use, and shares dist/errors.js with it).
		const shipped = new Set([pkg.main, ...SHARED]);
		const foreign = [...required].filter(
			(name) => !builtins.has(name) && name !== 'n8n-workflow' && !(name.startsWith('.') && shipped.has(relative(repoRoot, join(repoRoot, dirname(file), name)))),
		);
		expect(foreign).toEqual([]);
	});

	it('the node file loads the core client lazily: no top-level require of dist/index.js', () => {
		const node = readFileSync(join(repoRoot, pkg.n8n.nodes[0]!), 'utf8');
		expect(node).toContain('require("../../index.js")');
		expect(node.length).toBeLessThan(300_000);
		expect(node).not.toMatch(/undici|cheerio|tough-cookie|ZodError/);
	});

	it('exports the core client and the error classes, with type declarations', () => {
		const declarations = readFileSync(join(repoRoot, pkg.types), 'utf8');
		expect(declarations).toMatch(/SonnysBackofficeClient/);
		expect(declarations).toMatch(/ValidationError/);
		const probe = spawnSync(
			process.execPath,
			[
				'-e',
				`const m = require(${JSON.stringify(join(copy, pkg.main))});
				const names = ['SonnysBackofficeClient', 'SonnysBackofficeError', 'ValidationError', 'DuplicateError', 'NotFoundError', 'AuthenticationError'];
				const out = {};
				for (const n of names) out[n] = typeof m[n];
				out.validationIsBase = new m.ValidationError('email', 'is invalid') instanceof m.SonnysBackofficeError;
				console.log(JSON.stringify(out));`,
			],
			{ cwd: copy, encoding: 'utf8' },
		);
		expect(probe.stderr).toBe('');
		const out = JSON.parse(probe.stdout) as Record<string, unknown>;
		expect(out).toMatchObject({
			SonnysBackofficeClient: 'function',
			SonnysBackofficeError: 'function',
			ValidationError: 'function',
			DuplicateError: 'function',
			NotFoundError: 'function',
			AuthenticationError: 'function',
			validationIsBase: true,
		});
	});

	it('type-checks a TypeScript script that uses the client, without skipLibCheck and without the bundled libraries', async () => {
		// A project with only this package and @types/node installed: no decimal.js, cheerio or zod to lean on.
		const project = join(copy, 'consumer');
		const pkgDir = join(project, 'node_modules', 'n8n-nodes-sonnys-backoffice');
		cpSync(join(copy, 'dist'), join(pkgDir, 'dist'), { recursive: true });
		cpSync(join(repoRoot, 'package.json'), join(pkgDir, 'package.json'));
		cpSync(join(repoRoot, 'node_modules', '@types', 'node'), join(project, 'node_modules', '@types', 'node'), { recursive: true });
		cpSync(join(repoRoot, 'node_modules', 'undici-types'), join(project, 'node_modules', 'undici-types'), { recursive: true });
		writeFileSync(
			join(project, 'hire.ts'),
			[
				"import { DuplicateError, SonnysBackofficeClient, SonnysBackofficeError } from 'n8n-nodes-sonnys-backoffice';",
				"import type { EmployeeCreated, MoneyInput } from 'n8n-nodes-sonnys-backoffice';",
				'export async function hire(wage: MoneyInput): Promise<EmployeeCreated | string> {',
				"\tconst client = new SonnysBackofficeClient({ subdomain: 'washu', username: 'bot', password: 'secret' });",
				'\ttry {',
				"\t\treturn await client.createEmployee({ firstName: 'Jane', lastName: 'Doe', phone: '6155551234', email: 'jane@example.com', posUserId: 12345, wageRate: wage, startDate: '2026-05-01', availableSites: 'all', permission: 'General User' });",
				'\t} catch (error) {',
				'\t\tif (error instanceof DuplicateError) return error.code;',
				'\t\tif (error instanceof SonnysBackofficeError) return error.message;',
				'\t\tthrow error;',
				'\t} finally {',
				'\t\tawait client.close();',
				'\t}',
				'}',
			].join('\n'),
		);
		const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
		const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--module', 'commonjs', '--moduleResolution', 'node10', '--target', 'es2022', '--types', 'node', 'hire.ts'];
		const run = await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: project, encoding: 'utf8' }).catch(
			(error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }),
		);
		expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
	});

	it('runs the core client from a copy of dist/ without n8n or node_modules', async () => {
		const script = `
			const { SonnysBackofficeClient } = require(${JSON.stringify(join(copy, pkg.main))});
			(async () => {
				const client = new SonnysBackofficeClient({ subdomain: 'washu', username: 'demo-bot', password: 'demo-password', baseUrl: ${JSON.stringify(e2e.emu.url)} });
				try {
					const sites = await client.listSites();
					const free = await client.isPosUserIdAvailable({ posUserId: 1001 });
					console.log(JSON.stringify({ sites: sites.map((s) => s.name), free }));
				} finally {
					await client.close();
				}
			})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });`;
		// Asynchronous: the emulator answers from this very process.
		const run = await promisify(execFile)(process.execPath, ['-e', script], { cwd: copy, encoding: 'utf8', timeout: 60_000 });
		expect(run.stderr).toBe('');
		const out = JSON.parse(run.stdout) as { sites: string[]; free: boolean };
		expect(out.sites).toContain('WashU Fiesta');
		expect(out.free).toBe(false);
		expect(e2e.emu.requests.some((r) => r.method === 'POST' && r.path.startsWith('/login_check'))).toBe(true);
	});

	it('has a changelog entry for the version in package.json', () => {
		const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toContain(`## ${(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version}`);
		expect(existsSync(join(repoRoot, 'LICENSE'))).toBe(true);
	});
});
