// A real browser (Debian's Chromium through playwright-core) in the real n8n editor: sign in, open the credential
// (n8n tests it on opening: a real login to the emulator), open the onboarding
// workflow, open the Create Employee node, open the Sites picker and see the emulator's sites, execute the step
// and see the POS PIN in the output; then fill the published form as a new hire would. Saves the screenshots
// the README uses: always into .tmp/e2e-screenshots/, and into docs/images/ when SBO_UPDATE_SCREENSHOTS=1 or when
// an image is missing there (every run has new random PINs, so rewriting them each time would dirty the tree).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { chromiumPath } from '../../scripts/n8n/chromium.mjs';
import { CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, NODE_TYPE } from '../../scripts/n8n/fixtures.mjs';
import { repoRoot } from '../../scripts/n8n/package.mjs';
import { signedIn, useE2eEmulator } from './env';

const CHROMIUM = chromiumPath();
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const docsImagesDir = join(repoRoot, 'docs', 'images');
const imagesDir = join(repoRoot, '.tmp', 'e2e-screenshots');
const updateDocsImages = process.env.SBO_UPDATE_SCREENSHOTS === '1';
const debugDir = join(repoRoot, '.tmp', 'e2e-browser');

const e2e = useE2eEmulator();
let browser: Browser;
let page: Page;

beforeAll(async () => {
	mkdirSync(imagesDir, { recursive: true });
	mkdirSync(docsImagesDir, { recursive: true });
	mkdirSync(debugDir, { recursive: true });
	browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(60_000);
});

afterEach(async (ctx) => {
	if (ctx.task.result?.state === 'fail' && page) {
		await page.screenshot({ path: join(debugDir, `${ctx.task.name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
	}
});

afterAll(async () => {
	await browser?.close();
});

async function shot(name: string): Promise<void> {
	await page.screenshot({ path: join(imagesDir, name) });
	publish(name);
}

/** Copies a screenshot into docs/images/ when asked to, or when the README's image is missing. */
function publish(name: string): void {
	const target = join(docsImagesDir, name);
	if (updateDocsImages || !existsSync(target)) copyFileSync(join(imagesDir, name), target);
}

/** The "Production Checklist" pop-over covers the canvas on a fresh instance; close it if it shows. */
async function closeChecklist(): Promise<void> {
	// It opens a moment after the canvas, so wait for it a little; an instance without it is fine too.
	const checklist = page.locator('[data-test-id="suggested-actions-close"]');
	const hasChecklist = await checklist
		.waitFor({ timeout: 8_000 })
		.then(() => true)
		.catch(() => false);
	if (hasChecklist) {
		await checklist.click();
		await checklist.waitFor({ state: 'hidden' });
	}
}

/**
 * Clicks `trigger` until `target` shows (up to 4 tries): the panel is still settling (scroll, first loadOptions
 * call) when it appears, so a first click may land too early.
 */
async function openUntilShown(trigger: Locator, target: Locator): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await trigger.scrollIntoViewIfNeeded();
		if (!(await target.isVisible())) await trigger.click();
		try {
			await target.waitFor({ timeout: 10_000 });
			return;
		} catch (error) {
			if (attempt === 4) throw error;
		}
	}
}

describe('the n8n editor in Chromium', () => {
	it('signs in', async () => {
		await page.goto(`${e2e.env.n8nUrl}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"]', e2e.env.owner.email);
		await page.fill('input[name="password"]', e2e.env.owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	});

	it('opens the credential, which n8n tests by logging in to the emulator', async () => {
		const loginPosts = () => e2e.emu.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/login_check')).length;
		const before = loginPosts();
		await page.goto(`${e2e.env.n8nUrl}/home/credentials`);
		await page.getByText(CREDENTIAL_NAME).first().click();
		await page.locator('[data-test-id="credentials-config-container-test-success"]').waitFor();
		expect(loginPosts()).toBeGreaterThan(before);
		await page.waitForTimeout(500); // the banner's Retry button fades in
		await shot('credential-tested.png');
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="editCredential-modal"]').waitFor({ state: 'hidden' });
	});

	it('opens the onboarding workflow', async () => {
		await page.goto(`${e2e.env.n8nUrl}/workflow/sboOnboardForm01`);
		const node = page.locator('[data-test-id="canvas-node"][data-node-name="Create Employee"]');
		await node.waitFor();
		await closeChecklist();
		// Form, Create Employee, Show POS PIN and the failure page (Show Why Not Created).
		expect(await page.locator('[data-test-id="canvas-node"]').count()).toBe(4);
		await page.waitForTimeout(500);
		await shot('editor-onboarding-workflow.png');
	});

	it('opens Create Employee and the Sites picker lists the emulator\'s sites', async () => {
		await page.dblclick('[data-test-id="canvas-node"][data-node-name="Create Employee"]');
		await page.locator('[data-test-id="ndv"]').waitFor();
		const sites = page.locator('[data-test-id="parameter-input-availableSites"]');
		const items = page.locator('.el-select-dropdown__item:visible');
		const niles = items.filter({ hasText: 'WashU Niles' }).first();
		await openUntilShown(sites, niles);
		const texts = (await items.allTextContents()).map((t) => t.trim());
		expect(texts[0]).toMatch(/^All Sites/);
		for (const site of e2e.emu.state.sites) {
			expect(texts.some((t) => t.startsWith(site.name))).toBe(true);
		}
		expect(texts).toHaveLength(e2e.emu.state.sites.length + 1);
		await shot('editor-sites-picker.png');
		// Close the list without changing the selection.
		await page.keyboard.press('Escape');
		await items.filter({ hasText: 'WashU Niles' }).first().waitFor({ state: 'hidden' });
	});

	it('executes the step and shows the POS PIN in the output', async () => {
		await page.click('[data-test-id="ndv"] [data-test-id="node-execute-button"]');
		const output = page.locator('[data-test-id="output-panel"]');
		await output.getByText('posPin').first().waitFor();
		// The pinned form submission of the fixture: POS user ID 4242.
		const employee = e2e.emu.state.findEmployeeByPosUserId(4242);
		expect(employee).toBeDefined();
		expect(employee).toMatchObject({ firstName: 'Jamie', lastName: 'Rivera', isActive: true });
		await output.getByText(employee!.pin, { exact: true }).first().waitFor();
		await shot('editor-create-employee-output.png');
		await page.click('[data-test-id="ndv-close-button"]');
	});

	it('Employee > Get (node version 2): typing a name in the From List picker and picking the employee', async () => {
		const rest = await signedIn(e2e.env);
		const trigger = 'When clicking ‘Execute workflow’';
		const workflow = (await rest.ok('POST', '/rest/workflows', {
			name: 'Look up an employee',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{ id: 'b0000000-0000-4000-8000-000000000001', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'b0000000-0000-4000-8000-000000000002',
					name: 'Get Employee',
					type: NODE_TYPE,
					typeVersion: 2,
					position: [240, 0],
					parameters: { resource: 'employee', operation: 'get', employee: { __rl: true, mode: 'list', value: '' } },
					credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
				},
			],
			connections: { [trigger]: { main: [[{ node: 'Get Employee', type: 'main', index: 0 }]] } },
		})) as { id: string };
		await page.goto(`${e2e.env.n8nUrl}/workflow/${workflow.id}`);
		const node = page.locator('[data-test-id="canvas-node"][data-node-name="Get Employee"]');
		await node.waitFor();
		await closeChecklist();
		await node.dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor();
		// n8n's input component may carry the test id on the <input> or on its wrapper.
		const input = page.locator('[data-test-id="ndv"] :is(input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input)').first();
		const search = page.locator(':is(input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input):visible').first();
		const blake = page.locator('[data-test-id="rlc-item"]:visible').filter({ hasText: 'Blake Birch (POS 1008)' });
		await openUntilShown(input, search);
		await search.fill('Blake');
		await blake.waitFor();
		expect(await page.locator('[data-test-id="rlc-item"]:visible').count()).toBe(1);
		await shot('editor-employee-picker.png');
		await blake.click();
		await expect.poll(async () => await input.inputValue()).toContain('Blake Birch (POS 1008)');
		await page.click('[data-test-id="ndv"] [data-test-id="node-execute-button"]');
		const output = page.locator('[data-test-id="output-panel"]');
		await output.getByText('templateName').first().waitFor();
		await output.getByText('Cashier', { exact: true }).first().waitFor();
		await page.click('[data-test-id="ndv-close-button"]');
	});

	it('a new hire fills the published form and sees the PIN on the completion page', async () => {
		const form = await browser.newPage({ viewport: { width: 900, height: 1100 } });
		try {
			await form.goto(`${e2e.env.n8nUrl}/form/onboard-new-hire`);
			await form.getByLabel('First name').fill('Robin');
			await form.getByLabel('Last name').fill('Santos');
			await form.getByLabel('E-mail').fill('robin.santos@example.com');
			await form.getByLabel('Phone (10 digits)').fill('(615) 555-0444');
			await form.getByLabel('POS user ID').fill('4444');
			await form.getByLabel('Hourly wage ($)').fill('16.00');
			await form.getByLabel('Start date').fill('2026-12-15');
			await form.screenshot({ path: join(imagesDir, 'form-new-hire.png') });
			publish('form-new-hire.png');
			await form.getByRole('button', { name: 'Create employee' }).click();
			await form.getByText('Robin Santos can start').waitFor();
			const employee = e2e.emu.state.findEmployeeByPosUserId(4444);
			expect(employee).toMatchObject({ firstName: 'Robin', email: 'robin.santos@example.com', isActive: true });
			expect(await form.locator('body').innerText()).toContain(`POS PIN ${employee!.pin}`);
			await form.setViewportSize({ width: 900, height: 320 });
			await form.screenshot({ path: join(imagesDir, 'form-completion-pin.png') });
			publish('form-completion-pin.png');
		} finally {
			await form.close();
		}
	});
});
