/**
 * The Backoffice permissions request (A.10) built from a permissions page equals a browser's submission for the same
 * choice. No real permissions page was captured: the pages are the emulator's rendering of the captured users' state
 * (the amber no-op user; the fresh user 3312136 of the browser capture), whose serialisation the replay tests pin to
 * the captured bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { parseBoPermissionsPage } from '../../src/pages/user-permissions';
import { applyBoChoice, buildBoPermissionsPairs } from '../../src/payloads/user-permissions';
import { startEmulator, type Emulator } from '../emulator';
import { Form } from '../emulator/form';
import { resolveSites } from '../emulator/sites';
import { capturePairs, EmulatorBrowser } from './helpers';

let washu: Emulator;
let flat: Emulator;
const pages = new Map<Emulator, EmulatorBrowser>();

beforeAll(async () => {
	washu = await startEmulator({ tenant: 'washu' });
	flat = await startEmulator({ tenant: 'flat' });
	for (const emu of [washu, flat]) {
		const b = new EmulatorBrowser(emu.url);
		await b.login();
		pages.set(emu, b);
	}
	// The fresh standalone user of the browser capture: no site, no token (A.10).
	washu.state.users.push({ id: 3312136, username: 'wrapperStandalone', password: 'x', email: 's@example.invalid', employeeId: null, firstName: 'Wrapper', lastName: 'Standalone', isActive: true, templateId: null, tokens: [], siteIds: [] });
});
afterAll(async () => {
	await washu.close();
	await flat.close();
});

async function page(emu: Emulator, userId: number) {
	const path = `/user/permissions/${userId}`;
	return parseBoPermissionsPage(await pages.get(emu)!.page(path), path);
}

const generalUser = () => washu.state.tenant.boTemplates.find((t) => t.name === 'General User')!;

describe('buildBoPermissionsPairs', () => {
	it('the captured no-op resubmission: same tokens, all sites, template left blank', async () => {
		const p = await page(washu, 2944451);
		expect(p.availableSites).toBe('all');
		expect(new Set(p.enabledTokens)).toEqual(new Set(generalUser().tokens));
		expect(buildBoPermissionsPairs(p, { tokens: generalUser().tokens, sites: 'all' })).toEqual(capturePairs('w45v2_amber_noop_request.json'));
	});

	it('the captured browser submission (template 3 on a fresh user, sites untouched) is that body, and is refused before sending', async () => {
		const p = await page(washu, 3312136);
		expect(p.availableSites).toEqual([]);
		const choice = { templateId: 3, tokens: generalUser().tokens };
		expect(() => buildBoPermissionsPairs(p, choice)).toThrow(ValidationError);
		const again = await page(washu, 3312136);
		applyBoChoice(again, choice);
		expect(again.form.pairs()).toEqual(capturePairs('allowed_bo_user_permissions_browser_captured.json'));
	});

	it('the same body with one site chosen differs only in the site controls, in document order', async () => {
		const p = await page(washu, 3312136);
		const fiesta = p.tree.sites.find((s) => s.name === 'WashU Fiesta')!;
		const pairs = buildBoPermissionsPairs(p, { templateId: 3, tokens: generalUser().tokens, sites: [fiesta.id] });
		const browser = capturePairs('allowed_bo_user_permissions_browser_captured.json');
		const isSite = ([k]: [string, string]) => /^(?:disabledRegions|disabledDistricts|siteIds|isAll)/.test(k);
		expect(pairs.filter((x) => !isSite(x))).toEqual(browser.filter((x) => !isSite(x)));
		const sites = pairs.filter(isSite);
		const otherRegions = p.tree.regions.filter((r) => r.id !== fiesta.regionId).map((r) => ['disabledRegions[]', String(r.id)]);
		const otherDistricts = p.tree.districts.filter((d) => d.regionId === fiesta.regionId && d.id !== fiesta.districtId).map((d) => ['disabledDistricts[]', String(d.id)]);
		expect(new Set(sites.map((x) => x.join('=')))).toEqual(new Set([...otherRegions, ...otherDistricts, ['siteIds[]', String(fiesta.id)]].map((x) => x.join('='))));
		// Document order: every control comes before the template select and the matrix.
		expect(pairs.findIndex(([k]) => k === 'template')).toBe(2 + sites.length);
	});

	it.each([
		['washu', () => washu],
		['flat', () => flat],
	])('%s: every single site, two far-apart sites and all sites resolve on the server to exactly the choice', async (_name, emuOf) => {
		const emu = emuOf();
		const user = emu.state.users.find((u) => u.username === 'amberops')!;
		const ids = emu.state.allSiteIds();
		const choices: Array<number[] | 'all'> = [...ids.map((id) => [id]), [ids[0], ids[ids.length - 1]], 'all'];
		for (const start of [[ids[1]]]) {
			user.siteIds = start;
			// A fresh login: an idle keep-alive connection of the other tenant's browser may have been closed meanwhile.
			const b = new EmulatorBrowser(emu.url);
			await b.login();
			const html = await b.page(`/user/permissions/${user.id}`);
			for (const choice of choices) {
				const p = parseBoPermissionsPage(html, '/user/permissions');
				const pairs = buildBoPermissionsPairs(p, { sites: choice });
				expect(resolveSites(new Form(pairs), emu.state, ''), JSON.stringify({ start, choice })).toEqual(choice === 'all' ? ids : [...choice].sort((a, b) => a - b));
			}
		}
	});

	it('refuses an empty site list and an unknown token', async () => {
		const p = await page(washu, 2944451);
		expect(() => buildBoPermissionsPairs(p, { sites: [] })).toThrow(/Accessible Sites requires no less than 1 valid selection/);
		expect(() => buildBoPermissionsPairs(p, { tokens: ['no.such.token'] })).toThrow(/no\.such\.token/);
	});
});
