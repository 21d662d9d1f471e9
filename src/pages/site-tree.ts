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

/** `label[for]` elements by target id, collected once (a per-input document query is slow on big trees). */
function labelsByTarget($: CheerioAPI): Map<string, Element> {
	const labels = new Map<string, Element>();
	$('label[for]').each((_, el) => {
		const target = el.attribs.for;
		if (target && !labels.has(target)) labels.set(target, el);
	});
	return labels;
}

function labelName($: CheerioAPI, labels: Map<string, Element>, input: Element): string {
	const id = input.attribs.id;
	const byFor = id ? labels.get(id) : undefined;
	const label = byFor ? $(byFor) : $(input).closest('.form-group').find('label').first();
	const strong = label.find('strong').first();
	return strong.length > 0 ? strongName(strong.text()) : cleanText(label.text());
}

/** Parse the site tree (regions, districts, sites with short codes) from a loaded create or edit page. */
export function parseSiteTree($: CheerioAPI): SiteTree {
	const regions: TreeRegion[] = [];
	const districts: TreeDistrict[] = [];
	const sites: Site[] = [];
	const labels = labelsByTarget($);

	$(REGION_OPTION).each((_, el) => {
		const id = intAttr(el.attribs['data-region-id']) ?? intAttr(el.attribs.value);
		if (id !== undefined && !regions.some((r) => r.id === id)) regions.push({ id, name: labelName($, labels, el) });
	});
	$(DISTRICT_OPTION).each((_, el) => {
		const id = intAttr(el.attribs['data-district-id']) ?? intAttr(el.attribs.value);
		const regionId = intAttr(el.attribs['data-region-id']);
		if (id !== undefined && regionId !== undefined && !districts.some((d) => d.id === id)) {
			districts.push({ id, name: labelName($, labels, el), regionId });
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
			name: labelName($, labels, el),
			...(shortCodes.has(id) ? { shortCode: shortCodes.get(id) } : {}),
			districtId: district?.id ?? null,
			districtName: district?.name ?? null,
			regionId: region?.id ?? null,
			regionName: region?.name ?? null,
		});
	});
	return { hierarchical, regions, districts, sites };
}

/**
 * The sites an employee is available at, read from the stored state of the edit form with the v0.7.2
 * rules (B.7, Part D "Site polarity regressions"): `'all'` when an all-regions/all-sites roll-up is
 * checked; otherwise, outermost decision first: a checked region toggle denies its sites, a checked
 * all-districts roll-up of the region grants them, a checked district toggle denies, a checked all-sites
 * roll-up of the district grants; else a site is granted only when its `[isAvailable]` box is present and
 * unchecked AND its `[siteId]` twin is present and enabled. Flat tenants: a site listed as
 * `employee[siteIds][]` is granted when unchecked (the blocklist we send, A.3.2). Ids in page order.
 */
export function readAvailableSites($: CheerioAPI, tree: SiteTree): number[] | 'all' {
	let all = false;
	const deniedRegions = new Set<number>();
	const deniedDistricts = new Set<number>();
	const allDistrictsOfRegion = new Set<number>();
	const allSitesOfDistrict = new Set<number>();
	const blocklisted = new Set<number>();
	const blocked = new Set<number>();
	const boxes = new Map<number, boolean[]>();
	const twins = new Map<number, boolean[]>();
	const push = (map: Map<number, boolean[]>, id: number, flag: boolean) => map.set(id, [...(map.get(id) ?? []), flag]);

	// One pass over the inputs: per-site document queries are slow on big trees.
	$('input[name^="employee["]').each((_, el) => {
		const name = el.attribs.name ?? '';
		const checked = el.attribs.checked !== undefined;
		const value = intAttr(el.attribs.value);
		if (name === 'employee[isAllRegionsAllowed]' || name === 'employee[isAllSitesAllowed]') {
			if (checked) all = true;
			return;
		}
		const list = /^employee\[(disabledRegions|disabledDistricts|isAllDistrictsAllowedByRegion|siteIds)\]\[\]$/.exec(name);
		if (list && value !== undefined) {
			if (list[1] === 'siteIds') {
				blocklisted.add(value);
				if (checked) blocked.add(value);
			} else if (checked) {
				(list[1] === 'disabledRegions' ? deniedRegions : list[1] === 'disabledDistricts' ? deniedDistricts : allDistrictsOfRegion).add(value);
			}
			return;
		}
		const rollup = /^employee\[isAllSitesAllowedByDistrict\]\[(\d+)\]$/.exec(name);
		if (rollup) {
			if (checked) allSitesOfDistrict.add(Number(rollup[1]));
			return;
		}
		const site = /^employee\[sites\]\[(\d+)\]\[(isAvailable|siteId)\]$/.exec(name);
		if (site) {
			if (site[2] === 'isAvailable') push(boxes, Number(site[1]), checked);
			else push(twins, Number(site[1]), el.attribs.disabled === undefined);
		}
	});
	if (all) return 'all';
	return decideSites(tree, { deniedRegions, allDistrictsOfRegion, deniedDistricts, allSitesOfDistrict }, (id) => {
		if (blocklisted.has(id)) return !blocked.has(id);
		const box = boxes.get(id) ?? [];
		const twin = twins.get(id) ?? [];
		// Granted only when the "No" box is present and unchecked AND its siteId twin is present and enabled.
		return box.length > 0 && box.every((checked) => !checked) && twin.some((enabled) => enabled);
	});
}

/** The checked toggles and roll-ups of a site tree below its all-sites master (employee or Backoffice form). */
export interface TreeToggles {
	deniedRegions: ReadonlySet<number>;
	allDistrictsOfRegion: ReadonlySet<number>;
	deniedDistricts: ReadonlySet<number>;
	allSitesOfDistrict: ReadonlySet<number>;
}

/**
 * The granted site ids (page order) of a tree whose master toggle is off. Each level's toggle disables everything
 * below it in the page (data-fhcheck-disable), so the outermost decision wins: region denied, then region roll-up,
 * then district denied, then district roll-up, then the site's own state (`siteGranted`).
 */
export function decideSites(tree: SiteTree, t: TreeToggles, siteGranted: (siteId: number) => boolean): number[] {
	const granted: number[] = [];
	for (const site of tree.sites) {
		if (site.regionId !== null && t.deniedRegions.has(site.regionId)) continue;
		if (site.regionId !== null && t.allDistrictsOfRegion.has(site.regionId)) {
			granted.push(site.id);
			continue;
		}
		if (site.districtId !== null && t.deniedDistricts.has(site.districtId)) continue;
		if ((site.districtId !== null && t.allSitesOfDistrict.has(site.districtId)) || siteGranted(site.id)) granted.push(site.id);
	}
	return granted;
}
