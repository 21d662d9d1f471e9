/** The "Available To Work" site tree of the employee create/edit form (protocol A.3.1). Pure. */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Site } from '../models/api';
import { DISTRICT_OPTION, REGION_OPTION, SITE_OPTION, WAGE_SITE_SELECT } from './selectors';
import { cleanText, strongName } from './page';

/** A region of a hierarchical tenant. */
export interface TreeRegion {
	id: number;
	name: string;
}

/** A district of a hierarchical tenant. */
export interface TreeDistrict {
	id: number;
	name: string;
	regionId: number;
}

/** The tenant's site structure as the create/edit form shows it. */
export interface SiteTree {
	/** True iff the page has at least one region toggle (the wrapper's detection rule, A.3.1). */
	hierarchical: boolean;
	regions: TreeRegion[];
	districts: TreeDistrict[];
	/** Sites in page order. */
	sites: Site[];
}

function intAttr(value: string | undefined): number | undefined {
	return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

function labelName($: CheerioAPI, input: Element): string {
	const id = input.attribs.id;
	let label = id ? $(`label[for="${id}"]`).first() : $();
	if (label.length === 0) label = $(input).closest('.form-group').find('label').first();
	const strong = label.find('strong').first();
	return strong.length > 0 ? strongName(strong.text()) : cleanText(label.text());
}

/** Parse the site tree (regions, districts, sites with short codes) from a loaded create or edit page. */
export function parseSiteTree($: CheerioAPI): SiteTree {
	const regions: TreeRegion[] = [];
	const districts: TreeDistrict[] = [];
	const sites: Site[] = [];

	$(REGION_OPTION).each((_, el) => {
		const id = intAttr(el.attribs['data-region-id']) ?? intAttr(el.attribs.value);
		if (id !== undefined && !regions.some((r) => r.id === id)) regions.push({ id, name: labelName($, el) });
	});
	$(DISTRICT_OPTION).each((_, el) => {
		const id = intAttr(el.attribs['data-district-id']) ?? intAttr(el.attribs.value);
		const regionId = intAttr(el.attribs['data-region-id']);
		if (id !== undefined && regionId !== undefined && !districts.some((d) => d.id === id)) {
			districts.push({ id, name: labelName($, el), regionId });
		}
	});

	const shortCodes = new Map<number, string>();
	$(`${WAGE_SITE_SELECT} option`).each((_, el) => {
		const id = intAttr(el.attribs.value);
		const code = cleanText($(el).text());
		if (id !== undefined && code !== '') shortCodes.set(id, code);
	});

	const hierarchical = regions.length > 0;
	$(SITE_OPTION).each((_, el) => {
		const id = intAttr(el.attribs.value) ?? intAttr(el.attribs['data-site-id']);
		if (id === undefined || sites.some((s) => s.id === id)) return;
		const district = hierarchical ? districts.find((d) => d.id === intAttr(el.attribs['data-district-id'])) : undefined;
		const region = district ? regions.find((r) => r.id === district.regionId) : undefined;
		sites.push({
			id,
			name: labelName($, el),
			...(shortCodes.has(id) ? { shortCode: shortCodes.get(id) } : {}),
			districtId: district?.id ?? null,
			districtName: district?.name ?? null,
			regionId: region?.id ?? null,
			regionName: region?.name ?? null,
		});
	});
	return { hierarchical, regions, districts, sites };
}

function isChecked($: CheerioAPI, selector: string): boolean {
	return $(selector).filter('[checked]').length > 0;
}

function checkedValues($: CheerioAPI, name: string): Set<number> {
	const values = new Set<number>();
	$(`input[name="${name}"]`).each((_, el) => {
		const id = intAttr(el.attribs.value);
		if (el.attribs.checked !== undefined && id !== undefined) values.add(id);
	});
	return values;
}

/**
 * The sites an employee is available at, read from the stored state of the edit form with the v0.7.2
 * rules (B.7, Part D "Site polarity regressions"): `'all'` when an all-regions/all-sites roll-up is
 * checked; a checked region/district toggle denies its sites; a checked per-region/per-district roll-up
 * grants all its sites; otherwise a site is granted only when its `[isAvailable]` box is present and
 * unchecked AND its `[siteId]` twin is present and enabled. Flat tenants: a site listed as
 * `employee[siteIds][]` is granted when unchecked (the blocklist we send, A.3.2). Ids in page order.
 */
export function readAvailableSites($: CheerioAPI, tree: SiteTree): number[] | 'all' {
	if (isChecked($, 'input[name="employee[isAllRegionsAllowed]"]') || isChecked($, 'input[name="employee[isAllSitesAllowed]"]')) {
		return 'all';
	}
	const deniedRegions = checkedValues($, 'employee[disabledRegions][]');
	const deniedDistricts = checkedValues($, 'employee[disabledDistricts][]');
	const allDistrictsOfRegion = checkedValues($, 'employee[isAllDistrictsAllowedByRegion][]');
	const allSitesOfDistrict = new Set<number>();
	$('input[name^="employee[isAllSitesAllowedByDistrict]["]').each((_, el) => {
		const match = /\[(\d+)\]$/.exec(el.attribs.name);
		if (match && el.attribs.checked !== undefined) allSitesOfDistrict.add(Number(match[1]));
	});
	const blocked = checkedValues($, 'employee[siteIds][]');
	const listedInBlocklist = new Set<number>();
	$('input[name="employee[siteIds][]"]').each((_, el) => {
		const id = intAttr(el.attribs.value);
		if (id !== undefined) listedInBlocklist.add(id);
	});

	const granted: number[] = [];
	for (const site of tree.sites) {
		// Each level's toggle disables everything below it in the page (data-fhcheck-disable), so the
		// outermost decision wins: region denied, then region roll-up, then district denied, then district roll-up.
		if (site.regionId !== null && deniedRegions.has(site.regionId)) continue;
		if (site.regionId !== null && allDistrictsOfRegion.has(site.regionId)) {
			granted.push(site.id);
			continue;
		}
		if (site.districtId !== null && deniedDistricts.has(site.districtId)) continue;
		if (site.districtId !== null && allSitesOfDistrict.has(site.districtId)) {
			granted.push(site.id);
			continue;
		}
		if (listedInBlocklist.has(site.id)) {
			if (!blocked.has(site.id)) granted.push(site.id);
			continue;
		}
		const box = $(`input[name="employee[sites][${site.id}][isAvailable]"]`);
		const twin = $(`input[name="employee[sites][${site.id}][siteId]"]`);
		const boxUnchecked = box.length > 0 && box.filter('[checked]').length === 0;
		const twinEnabled = twin.not('[disabled]').length > 0;
		if (boxUnchecked && twinEnabled) granted.push(site.id);
	}
	return granted;
}
