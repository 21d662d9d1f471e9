import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { NODE_TYPE } from './harness';
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

	it('offers exactly the resources and operations of the issue', () => {
		const props = bed.pkg.nodeType.description.properties;
		const resource = props.find((p) => p.name === 'resource')!;
		const operations = Object.fromEntries(
			(resource.options as INodePropertyOptions[]).map((r) => [
				r.value,
				props
					.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value))
					.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.name)),
			]),
		);
		expect(operations).toEqual({
			backofficeUser: ['Create'],
			department: ['Get Many'],
			employee: ['Check Availability', 'Create', 'Disable'],
			permissionTemplate: ['Get Many'],
			site: ['Get Many'],
		});
	});

	it('describes every field, and keeps a field’s own display conditions next to its operation’s', () => {
		const props = allProperties(bed.pkg.nodeType.description.properties);
		for (const p of props) {
			if (p.name === 'resource' || p.name === 'operation' || p.type === 'collection') continue;
			expect(p.description, p.displayName).toMatch(/\w{3,}/);
		}
		const email = bed.pkg.nodeType.description.properties.find(
			(p) => p.name === 'email' && p.displayOptions?.show?.operation?.includes('disable'),
		)!;
		expect(email.displayOptions?.show).toEqual({ resource: ['employee'], operation: ['disable'], lookupBy: ['email'] });
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
