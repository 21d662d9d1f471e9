import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors';
import { parseCreatePage } from '../../src/pages/employee-create';
import { readAvailableSites, type SiteTree } from '../../src/pages/site-tree';
import { encodeSiteAvailability, isSiteAvailabilityField, resolveSiteNames, siteNamesOf } from '../../src/payloads/site-availability';
import { captureHtml, capturePairs } from './helpers';

const CREATE = captureHtml('employee_create.main-column.excerpt.html');
const washu = parseCreatePage(CREATE);

const site = (id: number, name: string, districtId: number | null, regionId: number | null) => ({
	id,
	name,
	districtId,
	districtName: districtId === null ? null : `D${districtId}`,
	regionId,
	regionName: regionId === null ? null : `R${regionId}`,
});

/** The reference library's unit-test tree: region 1 > district 1 > sites 17, 18; region 2 > district 2 > sites 1, 2, 3. */
const upstream: SiteTree = {
	hierarchical: true,
	regions: [
		{ id: 1, name: 'R1' },
		{ id: 2, name: 'R2' },
	],
	districts: [
		{ id: 1, name: 'D1', regionId: 1 },
		{ id: 2, name: 'D2', regionId: 2 },
	],
	sites: [site(17, 'Wash 37135', 1, 1), site(18, 'Wash 37055', 1, 1), site(1, 'WashU Fiesta', 2, 2), site(2, 'WashU Centennial', 2, 2), site(3, 'WashU Niles', 2, 2)],
};

const flatTree: SiteTree = {
	hierarchical: false,
	regions: [],
	districts: [],
	sites: [site(17, 'Wash 37135', null, null), site(18, 'Wash 37055', null, null)],
};

describe('encodeSiteAvailability: A.3.2 truth table', () => {
	it('grant 17,18,19 on WashU equals the site fields of the captured, server-accepted create (v2)', () => {
		const captured = capturePairs('allowed_employee_insert_v2_request.json');
		const siteFields = captured.slice(captured.findIndex(([n]) => n === 'employee[disabledRegions][]'));
		expect(encodeSiteAvailability(washu, [17, 18, 19])).toEqual(siteFields);
		expect(encodeSiteAvailability(washu, [19, 17, 18])).toEqual(siteFields);
	});

	it('hierarchical, only WashU Fiesta: denied region and district, siteId for 1, isAvailable for the others', () => {
		expect(encodeSiteAvailability(upstream, [1])).toEqual([
			['employee[disabledRegions][]', '1'],
			['employee[disabledDistricts][]', '1'],
			['employee[sites][1][siteId]', '1'],
			['employee[sites][2][isAvailable]', '2'],
			['employee[sites][3][isAvailable]', '3'],
			['employee[sites][17][isAvailable]', '17'],
			['employee[sites][18][isAvailable]', '18'],
		]);
	});

	it('hierarchical, both sites of region 1: region/district 2 denied, 17/18 by siteId', () => {
		expect(encodeSiteAvailability(upstream, [17, 18])).toEqual([
			['employee[disabledRegions][]', '2'],
			['employee[disabledDistricts][]', '2'],
			['employee[sites][1][isAvailable]', '1'],
			['employee[sites][2][isAvailable]', '2'],
			['employee[sites][3][isAvailable]', '3'],
			['employee[sites][17][siteId]', '17'],
			['employee[sites][18][siteId]', '18'],
		]);
	});

	it('never sends a roll-up for a restriction, never both keys for a site, every site exactly once', () => {
		for (const granted of [[1], [17], [1, 2, 3, 17, 18], [2, 18]]) {
			const pairs = encodeSiteAvailability(upstream, granted);
			expect(pairs.some(([n]) => /isAll/.test(n))).toBe(false);
			for (const s of upstream.sites) {
				const keys = pairs.filter(([n]) => n.startsWith(`employee[sites][${s.id}]`));
				expect(keys).toHaveLength(1);
				expect(keys[0]).toEqual(granted.includes(s.id) ? [`employee[sites][${s.id}][siteId]`, String(s.id)] : [`employee[sites][${s.id}][isAvailable]`, String(s.id)]);
			}
		}
		// A region with a granted site is never disabled; all regions granted -> no region/district fields.
		expect(encodeSiteAvailability(upstream, [2, 18]).filter(([n]) => /disabled/.test(n))).toEqual([]);
	});

	it('all: exactly one roll-up (hierarchical / flat)', () => {
		expect(encodeSiteAvailability(upstream, 'all')).toEqual([['employee[isAllRegionsAllowed]', '1']]);
		expect(encodeSiteAvailability(washu, 'all')).toEqual([['employee[isAllRegionsAllowed]', '1']]);
		expect(encodeSiteAvailability(flatTree, 'all')).toEqual([['employee[isAllSitesAllowed]', '1']]);
	});

	it('flat restriction: blocklist of the sites NOT granted', () => {
		expect(encodeSiteAvailability(flatTree, [17])).toEqual([['employee[siteIds][]', '18']]);
		expect(encodeSiteAvailability(flatTree, [17, 18])).toEqual([]);
	});

	it('refuses an empty grant and unknown ids', () => {
		expect(() => encodeSiteAvailability(upstream, [])).toThrow(ValidationError);
		expect(() => encodeSiteAvailability(upstream, [99])).toThrow(NotFoundError);
	});

	it('isSiteAvailabilityField recognises every tree field', () => {
		for (const name of [
			'employee[isAllRegionsAllowed]',
			'employee[isAllSitesAllowed]',
			'employee[disabledRegions][]',
			'employee[disabledDistricts][]',
			'employee[isAllDistrictsAllowedByRegion][]',
			'employee[isAllSitesAllowedByDistrict][2]',
			'employee[sites][17][siteId]',
			'employee[sites][17][isAvailable]',
			'employee[siteIds][]',
		]) {
			expect(isSiteAvailabilityField(name)).toBe(true);
		}
		expect(isSiteAvailabilityField('employee[firstName]')).toBe(false);
		expect(isSiteAvailabilityField('wage[siteId]')).toBe(false);
	});
});

describe('resolveSiteNames', () => {
	it('resolves exact names in request order, de-duplicated; passes all through', () => {
		expect(resolveSiteNames(washu, ['WashU Fiesta'])).toEqual([1]);
		expect(resolveSiteNames(washu, ['Wash 37135', 'WashU Fiesta', 'Wash 37135'])).toEqual([17, 1]);
		expect(resolveSiteNames(washu, 'all')).toBe('all');
	});
	it('an unknown name throws NotFoundError naming it, listing sites and the case-insensitive match', () => {
		try {
			resolveSiteNames(washu, ['WashU Fiesta', 'Unknown Site']);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(NotFoundError);
			const error = e as NotFoundError;
			expect(error.subject).toBe('site');
			expect(error.key).toBe('Unknown Site');
			expect(error.message).toContain('"Unknown Site"');
			expect(error.message).toContain('"Wash 37135"');
			expect(error.message).toContain('19 in all');
		}
		expect(() => resolveSiteNames(washu, ['washu fiesta'])).toThrow(/did you mean "WashU Fiesta"/);
	});
	it('siteNamesOf gives sorted names', () => {
		expect(siteNamesOf(washu, [17, 1])).toEqual(['Wash 37135', 'WashU Fiesta']);
		expect(siteNamesOf(washu, 'all')).toBe('all');
	});
});

/** Turn the captured blank create page (everything denied) into a stored state. */
function stored(mutate: (html: ReturnType<typeof load>) => void): number[] | 'all' {
	const $ = load(CREATE);
	mutate($);
	return readAvailableSites($, washu);
}
const grantSite = ($: ReturnType<typeof load>, id: number) => {
	$(`input[name="employee[sites][${id}][isAvailable]"]`).removeAttr('checked');
	$(`input[name="employee[sites][${id}][siteId]"]`).removeAttr('disabled');
};
const allowRegion = ($: ReturnType<typeof load>, region: number, district: number) => {
	$(`input[name="employee[disabledRegions][]"][value="${region}"]`).removeAttr('checked');
	$(`input[name="employee[disabledDistricts][]"][value="${district}"]`).removeAttr('checked').removeAttr('disabled');
};

describe('readAvailableSites: v0.7.2 polarity rules (Part D "Site polarity regressions")', () => {
	it('a blank create form grants nothing', () => {
		expect(stored(() => undefined)).toEqual([]);
	});

	it('a Fiesta-only employee reads back exactly ["WashU Fiesta"]', () => {
		const ids = stored(($) => {
			allowRegion($, 2, 2);
			grantSite($, 1);
		});
		expect(ids).toEqual([1]);
		expect(siteNamesOf(washu, ids)).toEqual(['WashU Fiesta']);
	});

	it('17,18,19 granted as the captured create stored them', () => {
		expect(
			stored(($) => {
				allowRegion($, 1, 1);
				for (const id of [17, 18, 19]) grantSite($, id);
			}),
		).toEqual([17, 18, 19]);
	});

	it('parent denials win: a checked region or district hides its sites', () => {
		expect(
			stored(($) => {
				grantSite($, 1);
			}),
		).toEqual([]);
		expect(
			stored(($) => {
				$('input[name="employee[disabledRegions][]"][value="2"]').removeAttr('checked');
				grantSite($, 1);
			}),
		).toEqual([]);
	});

	it('roll-ups grant all sites below them even if a site box is checked', () => {
		expect(
			stored(($) => {
				allowRegion($, 1, 1);
				$('input[name="employee[isAllSitesAllowedByDistrict][1]"]').attr('checked', '');
			}),
		).toEqual([17, 18, 19, 20]);
		expect(
			stored(($) => {
				$('input[name="employee[disabledRegions][]"][value="1"]').removeAttr('checked');
				$('input[name="employee[isAllDistrictsAllowedByRegion][]"][value="1"]').attr('checked', '');
			}),
		).toEqual([17, 18, 19, 20]);
		expect(stored(($) => void $('input[name="employee[isAllRegionsAllowed]"]').attr('checked', ''))).toBe('all');
	});

	it('a site counts only when its box is unchecked AND its siteId twin is present and enabled', () => {
		const base = ($: ReturnType<typeof load>) => allowRegion($, 1, 1);
		// box unchecked, twin disabled
		expect(stored(($) => (base($), $('input[name="employee[sites][17][isAvailable]"]').removeAttr('checked')))).toEqual([]);
		// box checked, twin enabled
		expect(stored(($) => (base($), $('input[name="employee[sites][17][siteId]"]').removeAttr('disabled')))).toEqual([]);
		// box checked, twin disabled (the default)
		expect(stored(base)).toEqual([]);
		// twin missing
		expect(stored(($) => (base($), grantSite($, 17), $('input[name="employee[sites][17][siteId]"]').remove()))).toEqual([]);
		// box missing
		expect(stored(($) => (base($), grantSite($, 17), $('input[name="employee[sites][17][isAvailable]"]').remove()))).toEqual([]);
		// both right
		expect(stored(($) => (base($), grantSite($, 17)))).toEqual([17]);
	});

	it('flat tenants: employee[siteIds][] checked = excluded, isAllSitesAllowed = all', () => {
		const html = (checked: number[], all = false) =>
			`<div id="main-column"><form id="employee-create-edit-form"><fieldset class="boac-accessible-sites"><input type="checkbox" name="employee[isAllSitesAllowed]"${all ? ' checked' : ''}>` +
			[17, 18]
				.map(
					(id) =>
						`<input type="checkbox" id="boac-permission-site-${id}" class="boac-permission-site-option" value="${id}" name="employee[siteIds][]"${checked.includes(id) ? ' checked' : ''}><label for="boac-permission-site-${id}">Site <strong>(S${id})</strong></label>`,
				)
				.join('') +
			'</fieldset></form></div>';
		const tree = parseCreatePage(html(([])));
		expect(tree.hierarchical).toBe(false);
		expect(readAvailableSites(load(html([18])), tree)).toEqual([17]);
		expect(readAvailableSites(load(html([])), tree)).toEqual([17, 18]);
		expect(readAvailableSites(load(html([17, 18])), tree)).toEqual([]);
		expect(readAvailableSites(load(html([17], true)), tree)).toBe('all');
	});
});
