/** cleanNpmEnv: the one environment of every nested npm call (scripts/n8n/npm.mjs). */
import { describe, expect, it } from 'vitest';

import { cleanNpmEnv } from '../../scripts/n8n/npm.mjs';

describe('cleanNpmEnv', () => {
	const inherited = {
		PATH: '/usr/bin',
		HOME: '/home/dev',
		SBO_CACHE_DIR: '/tmp/cache',
		// What `npm test` / `npm start` hand down from the project's .npmrc and npm itself.
		npm_config_ignore_scripts: 'true',
		NPM_CONFIG_IGNORE_SCRIPTS: 'true',
		npm_config_prefix: '/repo',
		npm_lifecycle_event: 'start',
		npm_package_name: 'n8n-nodes-sonnys-backoffice',
		npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
	};

	it('drops every inherited npm_* variable and keeps the rest', () => {
		const env = cleanNpmEnv({}, inherited);
		expect(Object.keys(env).filter((k) => /^npm_/i.test(k)).sort()).toEqual(['npm_config_audit', 'npm_config_fund', 'npm_config_update_notifier']);
		expect(env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/dev', SBO_CACHE_DIR: '/tmp/cache' });
	});

	it('adds only the settings the call names', () => {
		const env = cleanNpmEnv({ npm_config_ignore_scripts: 'false', PATH: '/node24/bin:/usr/bin' }, inherited);
		expect(env.npm_config_ignore_scripts).toBe('false');
		expect(env.NPM_CONFIG_IGNORE_SCRIPTS).toBeUndefined();
		expect(env.PATH).toBe('/node24/bin:/usr/bin');
	});
});
