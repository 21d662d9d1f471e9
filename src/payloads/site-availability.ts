/** Site availability fields of the employee forms (protocol A.3.2, v0.7.2 rule). Pure. */
import { NotFoundError, ValidationError } from '../errors';
import { quote } from '../models/input-limits';
import type { Pairs } from '../html/form';
import type { SiteTree } from '../pages/site-tree';

export type { SiteTree } from '../pages/site-tree';

/**
 * The site fields to send for `granted` (site ids) or `'all'`, exactly per A.3.2:
 * - `'all'`: `employee[isAllRegionsAllowed]=1` (hierarchical) or `employee[isAllSitesAllowed]=1` (flat);
 * - hierarchical restriction: no roll-up; `employee[disabledRegions][]` for every region without a granted
 *   site, then `employee[disabledDistricts][]` for every district without one (page order), then every site
 *   once in id order: `employee[sites][S][siteId]=S` when granted, `employee[sites][S][isAvailable]=S` when
 *   denied (presence means "No", A.0), never both;
 * - flat restriction: `employee[siteIds][]=S` for every site NOT granted (blocklist), id order.
 * Throws ValidationError for an empty grant (the employee would vanish from the roster, E.13) and
 * NotFoundError for an id that is not in the tree.
 */
export function encodeSiteAvailability(tree: SiteTree, granted: readonly number[] | 'all'): Pairs {
	if (granted === 'all') {
		return [[tree.hierarchical ? 'employee[isAllRegionsAllowed]' : 'employee[isAllSitesAllowed]', '1']];
	}
	if (granted.length === 0) throw new ValidationError('availableSites', 'must contain at least one site');
	const known = new Set(tree.sites.map((s) => s.id));
	for (const id of granted) {
		if (!known.has(id)) throw new NotFoundError('site', `site id ${id} is not on this tenant`, String(id));
	}
	const grantedSet = new Set(granted);
	const byId = [...tree.sites].sort((a, b) => a.id - b.id);
	const pairs: Pairs = [];
	if (!tree.hierarchical) {
		for (const site of byId) if (!grantedSet.has(site.id)) pairs.push(['employee[siteIds][]', String(site.id)]);
		return pairs;
	}
	const grantedSites = tree.sites.filter((s) => grantedSet.has(s.id));
	for (const region of tree.regions) {
		if (!grantedSites.some((s) => s.regionId === region.id)) pairs.push(['employee[disabledRegions][]', String(region.id)]);
	}
	for (const district of tree.districts) {
		if (!grantedSites.some((s) => s.districtId === district.id)) {
			pairs.push(['employee[disabledDistricts][]', String(district.id)]);
		}
	}
	for (const site of byId) {
		const id = String(site.id);
		pairs.push(grantedSet.has(site.id) ? [`employee[sites][${id}][siteId]`, id] : [`employee[sites][${id}][isAvailable]`, id]);
	}
	return pairs;
}

/** True for a field of the site tree (what a modify round trip strips before re-encoding, B.6). */
export function isSiteAvailabilityField(name: string): boolean {
	return /^employee\[(?:isAllRegionsAllowed|isAllSitesAllowed|disabledRegions|disabledDistricts|isAllDistrictsAllowedByRegion|isAllSitesAllowedByDistrict|sites|siteIds)\]/.test(
		name,
	);
}

/**
 * Resolve site names (exact, case-sensitive label text, B.14) to ids in request order, or pass `'all'`
 * through. An unknown name throws NotFoundError('site') naming it and listing a few available sites
 * (and the case-insensitive match, if there is one).
 */
export function resolveSiteNames(tree: SiteTree, names: readonly string[] | 'all'): number[] | 'all' {
	if (names === 'all') return 'all';
	const ids: number[] = [];
	for (const raw of names) {
		const name = raw.trim();
		const site = tree.sites.find((s) => s.name === name);
		if (!site) {
			const near = tree.sites.find((s) => s.name.toLowerCase() === name.toLowerCase());
			const sample = tree.sites.slice(0, 8).map((s) => `"${s.name}"`);
			const more = tree.sites.length > sample.length ? `, ... (${tree.sites.length} in all)` : '';
			throw new NotFoundError(
				'site',
				`unknown site "${quote(name)}"${near ? `; did you mean "${near.name}"? (names are case-sensitive)` : ''}; available sites: ${sample.join(', ')}${more}`,
				name,
			);
		}
		if (!ids.includes(site.id)) ids.push(site.id);
	}
	return ids;
}

/** Site names (sorted alphabetically) for ids, or `'all'` passed through. */
export function siteNamesOf(tree: SiteTree, ids: readonly number[] | 'all'): string[] | 'all' {
	if (ids === 'all') return 'all';
	return tree.sites
		.filter((s) => ids.includes(s.id))
		.map((s) => s.name)
		.sort((a, b) => a.localeCompare(b));
}
