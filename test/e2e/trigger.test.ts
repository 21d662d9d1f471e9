// The polling trigger in real n8n 2.41.1: example workflow 06 ("tell HR when someone gets Manager access") is
// published with a one-minute cron whose second is ~20 s ahead (n8n refuses sub-minute polls), so that the
// activation poll records the baseline and the first scheduled poll sees what the test changed in Backoffice.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { outputOf, useE2eSession, waitForExecution } from './env';

const WORKFLOW_ID = 'sboManagerAlert1';

const e2e = useE2eSession();
let hr: Server;
const alerts: unknown[] = [];

beforeAll(async () => {
	hr = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			alerts.push({ path: req.url, body: JSON.parse(body || 'null') });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => hr.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
	await e2e.rest?.request('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
	await new Promise((resolve) => hr?.close(resolve));
});

async function executionIds(): Promise<string[]> {
	const list = (await e2e.rest.ok('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}`)) as {
		results: Array<{ id: string }>;
	};
	return list.results.map((e) => e.id);
}

async function firstExecution(timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const [id] = await executionIds();
		if (id !== undefined) return id;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('the trigger started no execution');
}

const rosterReads = () => e2e.emu.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/employee?')).length;

async function baseline(before: number): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (rosterReads() === before) {
		if (Date.now() > deadline) {
			const status = await e2e.rest.request('GET', `/rest/workflows/${WORKFLOW_ID}/publication-status`);
			throw new Error(`no activation poll within 30 s; publication status: ${status.text.slice(0, 500)}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	expect(rosterReads()).toBe(before + 1);
}

describe('6. Manager access alert from the polling trigger', () => {
	it('records the baseline on activation, then one scheduled poll tells HR who got Manager access', async () => {
		const wf = (await e2e.rest.ok('GET', `/rest/workflows/${WORKFLOW_ID}`)) as { versionId: string; nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
		const second = (new Date().getUTCSeconds() + 20) % 60;
		const nodes = wf.nodes.map((n) => {
			if (n.name === 'Access Level Changes') return { ...n, parameters: { ...n.parameters, pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] } } };
			if (n.name === 'Tell HR') return { ...n, parameters: { ...n.parameters, url: `http://127.0.0.1:${(hr.address() as AddressInfo).port}/hr-alerts` } };
			return n;
		});
		await e2e.rest.ok('PATCH', `/rest/workflows/${WORKFLOW_ID}`, { versionId: wf.versionId, nodes });
		const rostersBefore = rosterReads();
		await e2e.rest.publish(WORKFLOW_ID);
		// n8n activates in the background: its activation poll reads the roster (the baseline) and starts nothing.
		await baseline(rostersBefore);
		expect(await executionIds()).toEqual([]);

		const manager = e2e.emu.state.tenant.posTemplates.find((t) => t.name === 'Manager')!;
		const cashier = e2e.emu.state.tenant.posTemplates.find((t) => t.name === 'Cashier')!;
		const promoted = e2e.emu.state.findEmployeeByPosUserId(1015)!;
		const other = e2e.emu.state.findEmployeeByPosUserId(1022)!;
		const before = e2e.emu.state.accessName(promoted);
		expect(before).not.toBe('Manager');
		promoted.posGrants = [...manager.grants];
		other.posGrants = [...cashier.grants];
		other.firstName = 'Danielle';

		const ex = await waitForExecution(e2e.rest, await firstExecution(90_000));
		expect(ex.status).toBe('success');
		const [item, ...rest_] = outputOf(ex, 'Access Level Changes');
		expect(rest_).toEqual([]);
		expect(item!.json).toMatchObject({
			event: 'employeeChanged',
			employeeId: promoted.id,
			posUserId: 1015,
			firstName: promoted.firstName,
			accessLevel: 'Manager',
			isActive: true,
			changes: { accessLevel: { from: before, to: 'Manager' } },
		});
		expect(outputOf(ex, 'Tell HR')).toHaveLength(1);
		expect(alerts).toEqual([
			{
				path: '/hr-alerts',
				body: expect.objectContaining({
					text: expect.stringContaining(`${promoted.firstName} ${promoted.lastName} (POS user 1015) now has Manager access in Backoffice (was ${before})`),
					employeeId: promoted.id,
					posUserId: 1015,
				}),
			},
		]);
	});
});
