// n8n's community-node lint, as `n8n-node lint` runs it (toolchain.md "Lint"): @n8n/eslint-plugin-community-nodes
// on package.json, credentials and nodes; eslint-plugin-n8n-nodes-base's community rules on package.json, its
// credentials rules on credentials/ and its nodes rules on nodes/. Only the n8n package surface is linted here:
// src/ (the core client, which imports nothing from n8n), tests, fixtures and scripts are type-checked by tsc and
// are not part of what n8n loads as a node.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const tsParser = { parser: tseslint.parser, parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] } };

export default defineConfig(
	globalIgnores([
		'dist/**',
		'node_modules/**',
		'src/**',
		'test/**',
		'fixtures/**',
		'scripts/**',
		'docs/**',
		'.tmp/**',
		'.ci/**',
		'**/*.js',
		'**/*.mjs',
		'vitest.config.ts',
		'package-lock.json',
		'tsconfig.json',
	]),
	{
		files: ['package.json'],
		languageOptions: tsParser,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: tsParser,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Written for n8n's own credentials, whose documentationUrl is a camelCase slug of docs.n8n.io; a
			// community credential links a full URL (checked by @n8n/community-nodes/credential-documentation-url).
			// n8n's own community-node lint config (@n8n/node-cli) switches it off for the same reason.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: tsParser,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two predate NodeConnectionTypes and demand the string literal ['main'], which
			// @n8n/community-nodes/node-connection-type-literal forbids; @n8n/node-cli switches them off too.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'],
		languageOptions: tsParser,
		...communityNodes.configs.recommended,
	},
);
