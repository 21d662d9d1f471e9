// The system packages the tests need, from Debian: the Chromium the browser test drives (test/e2e/browser.test.ts),
// and Postgres and Redis for the queue-mode test (test/e2e/queue-mode.test.ts). As root with apt, `npm test` installs
// them; otherwise it stops with one sentence naming the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** The Chromium binary the browser test uses: $SBO_CHROMIUM, or Debian's /usr/bin/chromium. */
export function chromiumPath() {
	return process.env.SBO_CHROMIUM || '/usr/bin/chromium';
}

/** Thrown when a system package is missing and cannot be installed here; its message is the one sentence to show. */
export class SystemPackageMissingError extends Error {}

/** Thrown when Chromium is missing and cannot be installed here; its message is the one sentence to show. */
export class ChromiumMissingError extends SystemPackageMissingError {}

/**
 * Makes sure the browser test's Chromium exists: installs Debian's `chromium` with apt-get when running as root on
 * a machine with apt, otherwise throws a ChromiumMissingError saying which command to run.
 * @param {{ log?: (msg: string) => void, exists?: (path: string) => boolean }} [opts] (`exists`: for tests)
 * @returns {string} the binary's path
 */
export function ensureChromium({ log = () => {}, exists = existsSync } = {}) {
	const bin = chromiumPath();
	if (exists(bin)) return bin;
	if (process.env.SBO_CHROMIUM) {
		throw new ChromiumMissingError(`SBO_CHROMIUM points at ${bin}, which does not exist: set it to a Chromium binary or unset it to use Debian's /usr/bin/chromium.`);
	}
	const hasApt = exists('/usr/bin/apt-get');
	if (process.getuid?.() !== 0 || !hasApt) {
		const how = hasApt ? 'sudo apt-get update && sudo apt-get install -y chromium' : "your system's package manager (Debian: apt-get install -y chromium)";
		throw new ChromiumMissingError(`The browser tests need Chromium at /usr/bin/chromium: install it with \`${how}\` (or set SBO_CHROMIUM to a Chromium binary), then run npm test again.`);
	}
	log('installing Chromium for the browser tests (apt-get install chromium; once)');
	aptInstall(['chromium'], 'Chromium', ChromiumMissingError);
	if (!exists(bin)) throw new ChromiumMissingError(`apt-get installed chromium but ${bin} is missing: set SBO_CHROMIUM to the Chromium binary, then run npm test again.`);
	return bin;
}

/** `apt-get update` then `apt-get install` of `packages`; a failure throws `ErrorClass` with one sentence. */
function aptInstall(packages, what, ErrorClass) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
		const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
		if (r.status !== 0) {
			throw new ErrorClass(`\`apt-get ${args.join(' ')}\` failed (${(r.stderr || '').trim().split('\n').pop() || `exit ${r.status}`}): install ${what} with \`apt-get update && apt-get install -y ${packages.join(' ')}\`, then run npm test again.`);
		}
	}
}

/** Whether Debian's Postgres server (initdb) and Redis server are installed. */
function queueModeServersPresent(exists) {
	const base = '/usr/lib/postgresql';
	const majors = exists(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d)) : [];
	const postgres = majors.some((m) => exists(`${base}/${m}/bin/initdb`));
	const redis = exists('/usr/bin/redis-server') || (process.env.PATH ?? '').split(':').some((d) => d && exists(`${d}/redis-server`));
	return postgres && redis;
}

/**
 * Makes sure the queue-mode test's Postgres and Redis servers are installed (the test starts its own on loopback in a
 * temporary folder, never the system services): installs Debian's `postgresql` and `redis-server` with apt-get when
 * running as root on a machine with apt, otherwise throws a SystemPackageMissingError saying which command to run.
 * @param {{ log?: (msg: string) => void, exists?: (path: string) => boolean }} [opts] (`exists`: for tests)
 */
export function ensureQueueModeServers({ log = () => {}, exists = existsSync } = {}) {
	if (queueModeServersPresent(exists)) return;
	const hasApt = exists('/usr/bin/apt-get');
	if (process.getuid?.() !== 0 || !hasApt) {
		const how = hasApt ? 'sudo apt-get update && sudo apt-get install -y postgresql redis-server' : "your system's package manager (Debian: apt-get install -y postgresql redis-server)";
		throw new SystemPackageMissingError(`The queue-mode test needs the Postgres and Redis servers: install them with \`${how}\`, then run npm test again.`);
	}
	log('installing Postgres and Redis for the queue-mode test (apt-get install postgresql redis-server; once)');
	aptInstall(['postgresql', 'redis-server'], 'Postgres and Redis', SystemPackageMissingError);
	if (!queueModeServersPresent(exists)) {
		throw new SystemPackageMissingError('apt-get installed postgresql and redis-server but initdb or redis-server is still missing: install them by hand, then run npm test again.');
	}
}
