// The example workflows stay in step with the node's description: every parameter a Sonny's node sets exists and
// is shown for its resource and operation, every required one is set, option values are valid, and the node type,
// version and credential are the package's. (The e2e runs prove they work; this says why when one drifts.)
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { SonnysBackoffice } from '../../nodes/SonnysBackoffice/SonnysBackoffice.node';
import { CREDENTIAL_ID, CREDENTIAL_TYPE, loadWorkflows, NODE_TYPE } from '../../scripts/n8n/fixtures.mjs';

const description = new SonnysBackoffice().description;

/** A `@version` condition as n8n evaluates it: exact versions or `{ _cnd: { gte } }`. */
function versionMatches(values: unknown[], version: number): boolean {
	return values.some((v) => (typeof v === 'number' ? v === version : version >= (v as { _cnd: { gte: number } })._cnd.gte));
}

function shown(property: INodeProperties, parameters: Record<string, unknown>, version: number): boolean {
	const show = property.displayOptions?.show ?? {};
	const hide = property.displayOptions?.hide ?? {};
	for (const [key, values] of Object.entries(show)) {
		if (key === '@version' && !versionMatches(values as unknown[], version)) return false;
		if (key.startsWith('@') || key.startsWith('/')) continue;
		if (!(values as unknown[]).includes(parameters[key] ?? defaultOf(key))) return false;
	}
	for (const [key, values] of Object.entries(hide)) {
		if (key.startsWith('@') || key.startsWith('/')) continue;
		if ((values as unknown[]).includes(parameters[key] ?? defaultOf(key))) return false;
	}
	return true;
}

function defaultOf(name: string): unknown {
	return description.properties.find((p) => p.name === name)?.default;
}

const isExpression = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');

const sonnysNodes = loadWorkflows().flatMap((wf) =>
	wf.nodes.filter((n) => n.type === NODE_TYPE).map((node) => ({ label: `${wf.file}: ${node.name}`, node })),
);

describe('example workflows vs the node description', () => {
	it('every workflow has Sonny\'s nodes and a unique id', () => {
		const workflows = loadWorkflows();
		expect(workflows).toHaveLength(5);
		expect(new Set(workflows.map((w) => w.id)).size).toBe(5);
		expect(sonnysNodes.length).toBeGreaterThanOrEqual(7);
	});

	it.each(sonnysNodes)('$label sets only known, visible parameters, with valid option values', ({ node }) => {
		expect(description.version).toContain(node.typeVersion);
		expect(node.credentials).toEqual({ [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: expect.any(String) } });
		const parameters = node.parameters;
		const visible = description.properties.filter((p) => shown(p, parameters, Number(node.typeVersion)));
		for (const [name, value] of Object.entries(parameters)) {
			const property = visible.find((p) => p.name === name);
			expect(property, `parameter "${name}" is not shown for this resource/operation`).toBeDefined();
			if (property!.type === 'options' && !isExpression(value) && property!.options) {
				const values = (property!.options as Array<{ value: unknown }>).map((o) => o.value);
				expect(values, `value of "${name}"`).toContain(value);
			}
			if (property!.type === 'collection') {
				const known = (property!.options as INodeProperties[]).map((o) => o.name);
				for (const key of Object.keys(value as object)) expect(known, `"${name}.${key}"`).toContain(key);
			}
		}
		for (const property of visible.filter((p) => p.required)) {
			expect(parameters, `required parameter "${property.name}"`).toHaveProperty(property.name);
		}
	});
});
