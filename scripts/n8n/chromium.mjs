// The Chromium the browser test drives (test/e2e/browser.test.ts). Debian's package: as root with apt, `npm test`
// installs it; otherwise it stops with one sentence naming the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Chromium binary the browser test uses: $SBO_CHROMIUM, or Debian's /usr/bin/chromium. */
export function chromiumPath() {
	return process.env.SBO_CHROMIUM || '/usr/bin/chromium';
}

/** Thrown when Chromium is missing and cannot be installed here; its message is the one sentence to show. */
export class ChromiumMissingError extends Error {}

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
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
		const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
		if (r.status !== 0) {
			throw new ChromiumMissingError(`\`apt-get ${args.join(' ')}\` failed (${(r.stderr || '').trim().split('\n').pop() || `exit ${r.status}`}): install Chromium with \`apt-get update && apt-get install -y chromium\`, then run npm test again.`);
		}
	}
	if (!exists(bin)) throw new ChromiumMissingError(`apt-get installed chromium but ${bin} is missing: set SBO_CHROMIUM to the Chromium binary, then run npm test again.`);
	return bin;
}
