// Packs this repository with `npm pack` and installs the tarball into an n8n user folder the way n8n's
// Settings > Community Nodes screen does: extract into <userFolder>/.n8n/nodes/node_modules/<pkg>, strip
// dev/peer/optional dependencies, then `npm install --ignore-scripts --install-strategy=shallow` there.
// Only a package installed this way gets credential tests (`testedBy`) resolved by n8n (toolchain.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cleanNpmEnv } from './npm.mjs';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The package's name and version from package.json. */
export function packageInfo() {
	const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
	return { name: pkg.name, version: pkg.version };
}

function sh(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
	if (r.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
	}
	return r.stdout;
}

/** A nested npm call, in the clean npm environment every nested call uses (npm.mjs). */
function npm(args, opts = {}) {
	return sh('npm', args, { ...opts, env: cleanNpmEnv() });
}

/** Runs `npm run build` (gulp). */
export function buildPackage({ log = () => {} } = {}) {
	log('building the package (npm run build)');
	npm(['run', 'build', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * `npm pack` into outDir; returns the tarball's absolute path. The package must be built first
 * (packing runs no scripts here: .npmrc sets ignore-scripts).
 */
export function packPackage(outDir, { log = () => {} } = {}) {
	mkdirSync(outDir, { recursive: true });
	const out = npm(['pack', '--json', '--pack-destination', outDir], { cwd: repoRoot });
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	const tarball = join(outDir, info.filename);
	log(`packed ${info.filename} (${info.entryCount} files, ${Math.round(info.size / 1024)} KiB)`);
	return tarball;
}

/** Lists the files `npm pack` would ship, without writing a tarball. */
export function packDryRunFiles() {
	const out = npm(['pack', '--dry-run', '--json'], { cwd: repoRoot });
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	return info.files.map((f) => f.path).sort();
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes/node_modules/<pkg>` like the Community Nodes screen.
 * Replaces any previous copy. Needs no network: the package has no runtime dependencies.
 */
export function installPackedPackage(tarball, userFolder, { log = () => {} } = {}) {
	const { name } = packageInfo();
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const pkgDir = join(nodesDir, 'node_modules', name);
	rmSync(pkgDir, { recursive: true, force: true });
	mkdirSync(pkgDir, { recursive: true });
	sh('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
	const manifestPath = join(pkgDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	// The nodes folder is itself an npm project listing installed community packages.
	const nodesManifest = join(nodesDir, 'package.json');
	if (!existsSync(nodesManifest)) {
		writeFileSync(nodesManifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	npm(['install', '--ignore-scripts', '--install-strategy=shallow', '--no-audit', '--no-fund', '--no-package-lock', '--omit=dev', '--offline'], {
		cwd: pkgDir,
	});
	log(`installed ${name} into ${pkgDir}`);
	return pkgDir;
}
