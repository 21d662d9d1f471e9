// Build of the published package: clean, type-check, bundle, declarations, icons.
//
// Everything the node needs at runtime (undici, tough-cookie, cheerio, zod, decimal.js and our own src/) is
// inlined by esbuild so that package.json has no runtime `dependencies`: installs work offline and in
// air-gapped n8n set-ups, n8n's own zod 3 is never shadowed, and n8n's `no-runtime-dependencies` lint passes.
// `n8n-workflow` stays external: n8n resolves it to its own copy (a second copy breaks `instanceof` checks).
'use strict';

const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { series, parallel, src, dest } = require('gulp');

const root = __dirname;
const dist = path.join(root, 'dist');

/** The only module left as a `require()` in the bundles besides Node built-ins. */
const EXTERNALS = ['n8n-workflow'];

/**
 * Bundle entries: source -> output, relative to the repository root. The outputs are the paths package.json's
 * `main` and `n8n` section point at, plus dist/errors.js (the error classes, shared by all bundles). `lean`: a
 * bundle n8n evaluates at every start, which must not contain library code (see SHARED and
 * nodes/SonnysBackoffice/helpers/client.ts).
 */
const ENTRIES = [
	{ in: 'src/errors.ts', out: 'dist/errors.js' },
	{ in: 'src/index.ts', out: 'dist/index.js' },
	{ in: 'nodes/SonnysBackoffice/SonnysBackoffice.node.ts', out: 'dist/nodes/SonnysBackoffice/SonnysBackoffice.node.js', lean: true },
	{ in: 'credentials/SonnysBackofficeApi.credentials.ts', out: 'dist/credentials/SonnysBackofficeApi.credentials.js', lean: true },
];

/**
 * Sources that are bundled once, into their own file, and `require()`d from the other bundles instead of being
 * copied into them: the error classes (one copy, so `instanceof` holds between the node and the client), and the
 * core client (which the node loads lazily, on first use: a `require('../../../src')` in helpers/client.ts).
 */
const SHARED = [
	{ source: 'src/errors', out: 'dist/errors.js' },
	{ source: 'src/index', out: 'dist/index.js' },
];

/** esbuild plugin: imports of a SHARED source become a relative `require()` of its output (except in its own bundle). */
function sharedModules(entry) {
	const outDir = path.dirname(path.join(root, entry.out));
	return {
		name: 'shared-modules',
		setup(build) {
			build.onResolve({ filter: /^\.\.?\// }, (args) => {
				const abs = path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '');
				const shared = SHARED.find((m) => [m.source, `${m.source}/index`].some((s) => abs === path.join(root, s)) || (m.source === 'src/index' && abs === path.join(root, 'src')));
				if (!shared || shared.out === entry.out) return undefined;
				let rel = path.relative(outDir, path.join(root, shared.out)).split(path.sep).join('/');
				if (!rel.startsWith('.')) rel = `./${rel}`;
				return { path: rel, external: true };
			});
		},
	};
}

/**
 * A missing entry fails the build. SBO_BUILD_ALLOW_MISSING=1 skips it with a warning instead (only for working on
 * a half-written tree; never for a release).
 */
const allowMissing = process.env.SBO_BUILD_ALLOW_MISSING === '1';

function log(msg) {
	process.stdout.write(`[build] ${msg}\n`);
}

function presentEntries() {
	const present = [];
	for (const entry of ENTRIES) {
		if (existsSync(path.join(root, entry.in))) present.push(entry);
		else if (allowMissing) log(`WARNING: ${entry.in} does not exist yet; skipped (SBO_BUILD_ALLOW_MISSING=1)`);
		else throw new Error(`build entry ${entry.in} is missing`);
	}
	return present;
}

async function clean() {
	rmSync(dist, { recursive: true, force: true });
	mkdirSync(dist, { recursive: true });
}

/** `tsc --noEmit -p tsconfig.json`: the whole project, tests included, type-checks. */
async function typecheck() {
	const ts = require('typescript');
	const configPath = path.join(root, 'tsconfig.json');
	const parsed = parseConfig(ts, configPath, { noEmit: true });
	const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
	const diagnostics = ts.getPreEmitDiagnostics(program);
	reportDiagnostics(ts, diagnostics, 'type-check');
	log(`type-check: ${parsed.fileNames.length} files OK`);
}

function parseConfig(ts, configPath, overrides) {
	const read = ts.readConfigFile(configPath, ts.sys.readFile);
	if (read.error) reportDiagnostics(ts, [read.error], 'tsconfig');
	const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath), overrides, configPath);
	if (parsed.errors.length > 0) reportDiagnostics(ts, parsed.errors, 'tsconfig');
	return parsed;
}

function reportDiagnostics(ts, diagnostics, what) {
	if (diagnostics.length === 0) return;
	const host = {
		getCanonicalFileName: (f) => f,
		getCurrentDirectory: () => root,
		getNewLine: () => '\n',
	};
	process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
	throw new Error(`${what} failed with ${diagnostics.length} error(s)`);
}

/** Type declarations of the core client (src/ only), so that `types: dist/index.d.ts` works for scripts. */
async function declarations() {
	if (!existsSync(path.join(root, 'src/index.ts'))) {
		if (allowMissing) return log('WARNING: src/index.ts does not exist yet; no declarations');
		throw new Error('src/index.ts is missing');
	}
	const ts = require('typescript');
	const parsed = parseConfig(ts, path.join(root, 'tsconfig.json'), {});
	const srcDir = path.join(root, 'src');
	const rootNames = parsed.fileNames.filter((f) => path.resolve(f).startsWith(srcDir + path.sep));
	const options = {
		...parsed.options,
		noEmit: false,
		declaration: true,
		emitDeclarationOnly: true,
		rootDir: srcDir,
		outDir: dist,
		declarationDir: dist,
	};
	const program = ts.createProgram({ rootNames, options });
	const result = program.emit();
	reportDiagnostics(ts, [...ts.getPreEmitDiagnostics(program), ...result.diagnostics], 'declarations');
	const vendored = vendorBundledTypes();
	log(`declarations: ${rootNames.length} files from src/ into dist/${vendored.length ? ` (types of ${vendored.join(', ')} in dist/vendor)` : ''}`);
}

/**
 * Node's built-in modules as the bundle's runtime knows them: a fixed list, not the running Node's, so that a build on
 * Node 20 accepts what Node 24 (the Node n8n runs on) provides. Taken from Node 24's `builtinModules`; the `node:`-only
 * ones (sqlite, test, sea) are required lazily by undici for a cache store this package never uses.
 */
const RUNTIME_BUILTINS = new Set([
	'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto',
	'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2',
	'https', 'inspector', 'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks',
	'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers',
	'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty',
	'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
].flatMap((m) => [m, `node:${m}`]).concat(['node:sea', 'node:sqlite', 'node:test', 'node:test/reporters']));

/** Bundled libraries whose own declarations ship with ours (small and self-contained). */
const VENDORED_DECLARATIONS = { 'decimal.js': 'node_modules/decimal.js/decimal.d.ts' };

/**
 * The declarations import types from libraries that are bundled, not installed with the package: a TypeScript
 * user without skipLibCheck would get "Cannot find module". decimal.js's declarations are copied; for the others
 * (cheerio, zod: internal parser and schema types, never part of a public signature a user calls) an `any` stub
 * with the imported names is written.
 */
function vendorBundledTypes() {
	const vendorDir = path.join(dist, 'vendor');
	const stubs = new Map();
	const files = listFiles(dist).filter((f) => f.endsWith('.d.ts') && !f.startsWith(vendorDir + path.sep));
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		const rewritten = text.replace(/^(import\s+(?:type\s+)?)(.+?)(\s+from\s+)'([^'.][^']*)';$/gm, (line, head, clause, from, mod) => {
			if (RUNTIME_BUILTINS.has(mod) || mod.startsWith('node:') || EXTERNALS.includes(mod)) return line;
			const target = path.join(vendorDir, mod.replace(/[^A-Za-z0-9]+/g, '-'));
			if (!VENDORED_DECLARATIONS[mod]) {
				const entry = stubs.get(mod) ?? { target, names: new Map() };
				for (const name of clause.replace(/[{}]/g, '').split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()).filter(Boolean)) {
					const members = entry.names.get(name) ?? new Set();
					// Qualified uses such as z.ZodPipe or z.core.$ZodIssue become nested namespaces in the stub.
					for (const m of text.matchAll(new RegExp(`\\b${name}((?:\\.[\\w$]+)+)`, 'g'))) members.add(m[1].slice(1));
					entry.names.set(name, members);
				}
				stubs.set(mod, entry);
			}
			let spec = path.relative(path.dirname(file), target).split(path.sep).join('/');
			if (!spec.startsWith('.')) spec = `./${spec}`;
			return `${head}${clause}${from}'${spec}';`;
		});
		if (rewritten !== text) writeFileSync(file, rewritten);
	}
	const done = [];
	mkdirSync(vendorDir, { recursive: true });
	for (const [mod, source] of Object.entries(VENDORED_DECLARATIONS)) {
		copyFileSync(path.join(root, source), path.join(vendorDir, `${mod.replace(/[^A-Za-z0-9]+/g, '-')}.d.ts`));
		done.push(mod);
	}
	for (const [mod, { target, names }] of stubs) {
		const lines = [`// Stand-in for the types of ${mod}, which is bundled into the package's JavaScript, not installed.`];
		for (const [name, members] of names) {
			if (members.size === 0) lines.push(`export type ${name} = any;`);
			else lines.push(`export declare ${stubNamespace(name, [...members].map((m) => m.split('.')), '')}`);
		}
		writeFileSync(`${target}.d.ts`, lines.join('\n') + '\n');
		done.push(`${mod} (stub)`);
	}
	return done;
}

function stubNamespace(name, paths, indent) {
	const children = new Map();
	for (const [head, ...rest] of paths) {
		const list = children.get(head) ?? [];
		if (rest.length > 0) list.push(rest);
		children.set(head, list);
	}
	const body = [...children.keys()].sort().map((child) => {
		const rest = children.get(child);
		return rest.length > 0
			? `${indent}\t${stubNamespace(child, rest, `${indent}\t`)}`
			: `${indent}\ttype ${child}<A = any, B = any, C = any, D = any> = any;`;
	});
	return [`namespace ${name} {`, ...body, `${indent}}`].join('\n');
}

function listFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
	);
}

async function bundle() {
	const esbuild = require('esbuild');
	const entries = presentEntries();
	const results = await Promise.all(
		entries.map((entry) =>
			esbuild.build({
				entryPoints: [path.join(root, entry.in)],
				outfile: path.join(root, entry.out),
				bundle: true,
				platform: 'node',
				target: 'node20',
				format: 'cjs',
				external: EXTERNALS,
				plugins: [sharedModules(entry)],
				metafile: true,
				legalComments: 'eof',
				sourcemap: false,
				minify: false,
				logLevel: 'warning',
			}),
		),
	);
	for (const [i, result] of results.entries()) {
		checkExternals(entries[i], result.metafile);
		if (entries[i].lean) checkLean(entries[i], result.metafile);
		const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
		log(`bundle: ${entries[i].out} (${Math.round(bytes / 1024)} KiB)`);
	}
}

/**
 * Fails when a bundle n8n evaluates at every start contains library code (node_modules) or src/ code other than
 * what it may hold: a value import from src/ in a node file would drag zod, cheerio or undici into n8n's start-up.
 */
function checkLean(entry, metafile) {
	const heavy = Object.keys(metafile.inputs).filter((f) => f.includes('node_modules/') || f.startsWith('src/'));
	if (heavy.length > 0) {
		throw new Error(
			`${entry.out} must stay light (n8n loads it at every start) but bundles ${heavy.slice(0, 5).join(', ')}` +
				`${heavy.length > 5 ? ` and ${heavy.length - 5} more` : ''}; reach the client through nodes/SonnysBackoffice/helpers/client.ts (see its header)`,
		);
	}
}

/** The relative `require()`s a bundle may keep: the SHARED outputs, as seen from the bundle's own directory. */
function sharedPaths(entry) {
	const outDir = path.dirname(path.join(root, entry.out));
	return new Set(SHARED.filter((m) => m.out !== entry.out).map((m) => {
		const rel = path.relative(outDir, path.join(root, m.out)).split(path.sep).join('/');
		return rel.startsWith('.') ? rel : `./${rel}`;
	}));
}

/** Fails when anything but Node built-ins, n8n-workflow and the SHARED outputs is left as a runtime `require()`. */
function checkExternals(entry, metafile) {
	const builtins = RUNTIME_BUILTINS;
	const shared = sharedPaths(entry);
	const offenders = new Set();
	// The output's imports, not the inputs': an import TypeScript only uses for types is listed as external on
	// its input but never reaches the bundle.
	for (const output of Object.values(metafile.outputs)) {
		for (const imp of output.imports) {
			if (!imp.external) continue;
			const name = imp.path;
			if (builtins.has(name) || builtins.has(name.split('/')[0]) || shared.has(name)) continue;
			if (EXTERNALS.some((e) => name === e || name.startsWith(`${e}/`))) continue;
			offenders.add(name);
		}
	}
	if (offenders.size > 0) {
		throw new Error(`${entry.out} would require ${[...offenders].join(', ')} at runtime; only ${EXTERNALS.join(', ')} may stay external`);
	}
}

/** Icons and the codex (`*.node.json`), same relative paths under dist/. */
function assets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: root,
		cwd: root,
		// gulp 5 reads files as UTF-8 unless told otherwise, which corrupts PNGs.
		encoding: false,
		allowEmpty: true,
	}).pipe(dest(dist));
}

/** Every file package.json points at exists after a build. */
async function verify() {
	if (allowMissing) return;
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const wanted = [pkg.main, pkg.types, ...pkg.n8n.nodes, ...pkg.n8n.credentials, ...SHARED.map((m) => m.out)];
	const missing = wanted.filter((f) => !existsSync(path.join(root, f)));
	if (missing.length > 0) throw new Error(`build output missing: ${missing.join(', ')}`);
	log(`verified: ${wanted.join(', ')}`);
}

const build = series(clean, typecheck, parallel(bundle, declarations, assets), verify);

exports.clean = clean;
exports.typecheck = typecheck;
exports.bundle = bundle;
exports.declarations = declarations;
exports.assets = assets;
exports.build = build;
exports.default = build;
