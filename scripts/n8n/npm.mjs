// The one place that prepares the environment of every nested npm call (installs, rebuilds, packs, builds).
// Run from `npm start` / `npm test`, our scripts inherit npm's own variables: every setting of the project's
// `.npmrc` as npm_config_* (ignore-scripts=true among them), npm_lifecycle_*, npm_package_*, npm_execpath. A nested
// `npm install node@24` that inherits npm_config_ignore_scripts never runs the `node` package's install script and
// leaves no Node 24 behind; a nested `npm rebuild` becomes a silent no-op. So nested npm calls start from the
// caller's environment without any npm_* variable, plus only the settings the call names itself.

/**
 * The caller's environment without npm's inherited variables (`npm_config_*`, `npm_lifecycle_*`, `npm_package_*`,
 * `npm_execpath`, ...; any case), plus `extra` (for example `{ npm_config_ignore_scripts: 'false' }`).
 * @param {Record<string, string>} [extra]
 * @param {NodeJS.ProcessEnv} [base]
 * @returns {Record<string, string>}
 */
export function cleanNpmEnv(extra = {}, base = process.env) {
	const env = {};
	for (const [key, value] of Object.entries(base)) {
		if (value === undefined || /^npm_/i.test(key)) continue;
		env[key] = value;
	}
	return {
		...env,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}
