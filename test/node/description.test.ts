import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { NODE_TYPE, nodeSubtitle, toolDescription } from './harness';
import { useNodeTestBed } from './testbed';

const bed = useNodeTestBed({ emulator: 'manual' });

function iconFile(url: string): string {
	const prefix = 'icons/n8n-nodes-sonnys-backoffice/';
	expect(url.startsWith(prefix), url).toBe(true);
	return path.join(bed.pkg.directory, url.slice(prefix.length));
}

function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => [
		p,
		...allProperties(
			((p.options ?? []) as Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>).filter(
				(o): o is INodeProperties => 'type' in o && 'displayName' in o,
			),
		),
	]);
}

describe('node description, as n8n loads it from the build', () => {
	it('is a usable-as-tool node with a subtitle, themed SVG icons, the credential tested by the node, and a codex', () => {
		const d = bed.pkg.nodeType.description;
		expect(d.name).toBe('sonnysBackoffice');
		expect(d.usableAsTool).toBe(true);
		expect(d.subtitle).toContain('$parameter["operation"]');
		expect(d.credentials).toEqual([{ name: 'sonnysBackofficeApi', required: true, testedBy: 'sonnysBackofficeLoginTest' }]);
		// The loader turns `icon: 'file:…'` into URLs n8n serves from the package directory.
		const icon = d.iconUrl as { light: string; dark: string };
		expect(icon.light).not.toBe(icon.dark);
		for (const url of [icon.light, icon.dark]) {
			const svg = iconFile(url);
			expect(existsSync(svg), svg).toBe(true);
			expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 60 60"/);
		}
		const codex = JSON.parse(
			readFileSync(path.join(bed.pkg.directory, 'dist/nodes/SonnysBackoffice/SonnysBackoffice.node.json'), 'utf8'),
		) as { node: string; categories: string[]; resources: { primaryDocumentation: Array<{ url: string }> } };
		expect(codex.node).toBe(NODE_TYPE);
		expect(codex.categories.length).toBeGreaterThan(0);
		// Documentation lives next to the package's homepage (package.json), whatever that is.
		const homepage = (JSON.parse(readFileSync(path.join(bed.pkg.directory, 'package.json'), 'utf8')) as { homepage: string }).homepage;
		expect(codex.resources.primaryDocumentation[0].url.startsWith(homepage)).toBe(true);
		expect(Object.keys(bed.pkg.nodeType.methods?.loadOptions ?? {}).sort()).toEqual([
			'getBackofficePermissionTemplates',
			'getDepartments',
			'getPosPermissionTemplates',
			'getSites',
		]);
	});

	it('offers exactly the resources and operations of the issues, per node version', () => {
		const d = bed.pkg.nodeType.description;
		expect(d.version).toEqual([1, 2]);
		expect(d.defaultVersion).toBe(2);
		const props = d.properties;
		const resource = props.find((p) => p.name === 'resource')!;
		// An operation selector of version 1 only carries `@version: [1]`; one of version 2 on, `{ _cnd: { gte: 2 } }`.
		const forVersion = (p: INodeProperties, version: number) => {
			const cond = p.displayOptions?.show?.['@version'] as Array<number | { _cnd: { gte: number } }> | undefined;
			return !cond || cond.some((c) => (typeof c === 'number' ? c === version : version >= c._cnd.gte));
		};
		const operations = (version: number) =>
			Object.fromEntries(
				(resource.options as INodePropertyOptions[]).map((r) => [
					r.value,
					props
						.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value) && forVersion(p, version))
						.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.name)),
				]),
			);
		const common = { backofficeUser: ['Create', 'Get', 'Get Many', 'Update Access'], department: ['Get Many'], permissionTemplate: ['Get Many'], site: ['Get Many'] };
		expect(operations(1)).toEqual({ ...common, employee: ['Check Availability', 'Create', 'Disable'] });
		expect(operations(2)).toEqual({ ...common, employee: ['Check Availability', 'Create', 'Create or Update', 'Disable', 'Get', 'Get Many', 'Reactivate', 'Update'] });
	});

	it('the subtitle shows the labels of the operation and the resource', () => {
		const subtitle = (resource: string, operation: string) => nodeSubtitle(bed.pkg, { resource, operation });
		expect(subtitle('employee', 'checkAvailability')).toBe('Check Availability: Employee');
		expect(subtitle('employee', 'create')).toBe('Create: Employee');
		expect(subtitle('backofficeUser', 'create')).toBe('Create: Backoffice User');
		expect(subtitle('permissionTemplate', 'getAll')).toBe('Get Many: Permission Template');
	});

	it('every operation has an action, which is also what an AI agent reads when the node is a tool', () => {
		const props = bed.pkg.nodeType.description.properties;
		const selectors = props.filter((p) => p.name === 'operation');
		// Employee has one selector per node version.
		expect(selectors).toHaveLength(6);
		for (const selector of selectors) {
			// The operation selectors are built by a helper, out of reach of the lint rules on operation options.
			expect(selector.noDataExpression, String(selector.displayOptions?.show?.resource)).toBe(true);
			const options = selector.options as INodePropertyOptions[];
			expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort());
			expect(options.map((o) => o.value)).toContain(selector.default);
			for (const option of options) {
				const action = option.action ?? '';
				expect(option.description, option.name).toMatch(/\w{3,}/);
				// Sentence case, as n8n's lint rule has it: capitals only first and in all-capital words (POS, ID).
				const [first, ...rest] = action.split(' ');
				expect(first, action).toMatch(/^[A-Z][a-z]+$/);
				for (const word of rest) expect(word === word.toLowerCase() || word === word.toUpperCase(), action).toBe(true);
				if (option.value === 'getAll') expect(action).toMatch(/^Get many /);
				const resource = String(selector.displayOptions!.show!.resource![0]);
				expect(toolDescription(bed.pkg, { resource, operation: String(option.value) })).toBe(
					`${action} in Sonny's Backoffice`,
				);
			}
		}
		const check = selectors
			.flatMap((s) => s.options as INodePropertyOptions[])
			.find((o) => o.value === 'checkAvailability')!;
		expect(check.action).toMatch(/POS user ID, email or phone/);
	});

	it('every picker tells users they may give a name through an expression', () => {
		const pickers = allProperties(bed.pkg.nodeType.description.properties).filter((p) => p.typeOptions?.loadOptionsMethod);
		expect(pickers.length).toBeGreaterThanOrEqual(5);
		for (const p of pickers) {
			expect(p.displayName, p.name).toMatch(/ Names? or IDs?$/);
			expect(p.description, p.name).toMatch(
				p.type === 'multiOptions'
					? /\. Choose from the list, or specify IDs using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>\.$/
					: /\. Choose from the list, or specify an ID using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>\.$/,
			);
		}
	});

	it('a notice on each create operation says that generated secrets are shown once', () => {
		const notices = bed.pkg.nodeType.description.properties.filter((p) => p.type === 'notice');
		const shownFor = notices.map((n) => n.displayOptions?.show);
		expect(shownFor).toEqual([
			{ resource: ['employee'], operation: ['create'] },
			{ resource: ['employee'], operation: ['upsert'] },
			{ resource: ['backofficeUser'], operation: ['create'] },
		]);
		for (const notice of notices) {
			expect(notice.displayName).toMatch(/generated/);
			expect(notice.displayName).toMatch(/Backoffice never shows (it|them) again/);
		}
		const secretFields = allProperties(bed.pkg.nodeType.description.properties).filter((p) =>
			['posPin', 'password', 'backofficePassword'].includes(p.name),
		);
		// Update and Reactivate set a new PIN (never generated): it is masked in the output instead.
		const [setPins, secrets] = [secretFields.filter((p) => /^New /.test(p.description ?? '')), secretFields.filter((p) => !/^New /.test(p.description ?? ''))];
		for (const p of setPins) expect(p.description).toMatch(/\*\*\*\*\* in the output/);
		// Create or Update shows Create's own fields (the same definitions).
		expect([...new Set(secrets.map((p) => p.name))].sort()).toEqual(['backofficePassword', 'password', 'posPin']);
		for (const p of secrets) {
			expect(p.description, p.name).toMatch(/Backoffice never shows it again/);
			// Shown under the field itself, not only on hover.
			expect(p.hint, p.name).toMatch(/generated.*Backoffice never shows it again/);
		}
	});

	it("writes every description as n8n's lint rules ask, including fields built by helpers", () => {
		// The helpers in nodes/…/helpers/fields.ts take descriptions as arguments, out of reach of the lint rules on
		// parameter literals; these are the rules' checks, on the description n8n actually loads.
		const described: Array<{ name: string; description: string; type?: string }> = [];
		for (const p of allProperties(bed.pkg.nodeType.description.properties)) {
			if (p.description) described.push({ name: p.name, description: p.description, type: p.type });
			for (const o of (p.options ?? []) as Array<{ name: string; description?: string }>) {
				if (o.description) described.push({ name: `${p.name}.${o.name}`, description: o.description });
			}
		}
		expect(described.length).toBeGreaterThan(40);
		for (const { name, description, type } of described) {
			expect(description, name).toBe(description.trim());
			expect(description, name).not.toMatch(/\s{2,}/);
			const sentences = description.replace('e.g.', '').split('. ').length;
			if (sentences === 1) expect(description, name).not.toMatch(/[^.]\.$/);
			else expect(description, name).toMatch(/\.$/);
			if (type === 'boolean') expect(description, name).toMatch(/^Whether /);
		}
		// Display names in title case (small words aside), as n8n's display-name rule has it.
		const small = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
		for (const p of allProperties(bed.pkg.nodeType.description.properties)) {
			if (p.type === 'notice') continue;
			for (const [index, word] of p.displayName.split(' ').entries()) {
				expect(index > 0 && small.has(word) ? true : /^\(?[A-Z0-9]/.test(word), `${p.name}: ${p.displayName}`).toBe(true);
			}
		}
	});

	it('every collection is empty by default and lists its items by display name', () => {
		// The collections are built by a helper (helpers/fields.ts), out of reach of n8n's lint rules on collection
		// literals; these are the rules' checks (default {}, items sorted as its comparator sorts them).
		const all = [...bed.pkg.nodeType.description.properties, ...bed.pkg.nodeTypes.getByNameAndVersion('n8n-nodes-sonnys-backoffice.sonnysBackofficeTrigger', 1).description.properties];
		const collections = allProperties(all).filter((p) => p.type === 'collection');
		expect(collections.length).toBeGreaterThan(10);
		for (const c of collections) {
			expect(c.default, c.name).toEqual({});
			const names = (c.options as INodeProperties[]).map((o) => o.displayName);
			expect(names, c.name).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('describes every field, and keeps a field’s own display conditions next to its operation’s', () => {
		const props = allProperties(bed.pkg.nodeType.description.properties);
		for (const p of props) {
			if (p.name === 'resource' || p.name === 'operation' || p.type === 'collection' || p.type === 'notice') continue;
			expect(p.description, p.displayName).toMatch(/\w{3,}/);
		}
		const email = bed.pkg.nodeType.description.properties.find(
			(p) => p.name === 'email' && p.displayOptions?.show?.operation?.includes('disable'),
		)!;
		expect(email.displayOptions?.show).toEqual({ resource: ['employee'], operation: ['disable'], '@version': [1], lookupBy: ['email'] });
		const pin = allProperties(bed.pkg.nodeType.description.properties).find((p) => p.name === 'posPin')!;
		expect(pin.description).toMatch(/never shows it again/);
		const passwords = props.filter((p) => /password/i.test(p.name));
		expect(passwords.length).toBeGreaterThan(0);
		for (const p of passwords) expect(p.typeOptions?.password, p.name).toBe(true);
	});

	it('the credential has a password field and an optional base URL override', () => {
		const credential = bed.pkg.loader.getCredential('sonnysBackofficeApi').type;
		expect(credential.displayName).toBe("Sonny's Backoffice API");
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(Object.keys(byName)).toEqual(['subdomain', 'username', 'password', 'baseUrl']);
		expect(byName.password.typeOptions?.password).toBe(true);
		expect(byName.baseUrl.required ?? false).toBe(false);
		const icon = (credential as unknown as { iconUrl: { light: string; dark: string } }).iconUrl;
		expect(existsSync(iconFile(icon.light))).toBe(true);
		expect(existsSync(iconFile(icon.dark))).toBe(true);
	});
});
