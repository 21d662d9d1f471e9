import type { Form } from './form';
import type { EmulatorState } from './state';

/**
 * Resolves posted site-availability fields into the set of granted site ids, as the real server stored the captured
 * posts (protocol A.3.1/A.3.2, presence binding A.0). Parent toggles win over their children: `isAllRegionsAllowed`
 * (the buggy first insert sent `=0` with every other key and got ALL sites) > a denied region > the region's
 * all-districts roll-up > a denied district > the district's all-sites roll-up > the per-site pair.
 *
 * `prefix` is `employee` for the employee forms, '' for the Backoffice user permissions form (A.10), whose per-site
 * state travels in hidden `siteIds[]` inputs instead of `[sites][S][siteId]`/`[isAvailable]`.
 */
export function resolveSites(form: Form, state: EmulatorState, prefix: 'employee' | ''): number[] {
	const key = (name: string) => (prefix ? toPrefixed(prefix, name) : name);
	const all = state.allSiteIds();
	if (!state.hierarchical) {
		// ASSUMPTION (E.4): flat tenants use `isAllSitesAllowed` and, for employees, `siteIds[]` as a blocklist.
		if (form.has(key('isAllSitesAllowed'))) return all;
		const listed = new Set(form.all(key('siteIds[]')).map(Number));
		if (prefix === 'employee') return all.filter((id) => !listed.has(id));
		return all.filter((id) => listed.has(id));
	}
	if (form.has(key('isAllRegionsAllowed'))) return all;
	const deniedRegions = new Set(form.all(key('disabledRegions[]')).map(Number));
	const allDistrictsOf = new Set(form.all(key('isAllDistrictsAllowedByRegion[]')).map(Number));
	const deniedDistricts = new Set(form.all(key('disabledDistricts[]')).map(Number));
	const boSiteIds = new Set(form.all('siteIds[]').map(Number));
	const granted: number[] = [];
	for (const site of state.sites) {
		const district = state.tenant.districts.find((d) => d.id === site.districtId);
		if (!district) continue;
		const regionId = district.regionId;
		if (deniedRegions.has(regionId)) continue;
		if (allDistrictsOf.has(regionId)) {
			granted.push(site.id);
			continue;
		}
		if (deniedDistricts.has(district.id)) continue;
		if (form.has(key(`isAllSitesAllowedByDistrict[${district.id}]`))) {
			granted.push(site.id);
			continue;
		}
		if (prefix === 'employee') {
			// Available = hidden siteId twin present (enabled) and the "No" toggle absent (A.3.1 polarity).
			const hasId = form.has(`employee[sites][${site.id}][siteId]`);
			const denied = form.has(`employee[sites][${site.id}][isAvailable]`);
			if (hasId && !denied) granted.push(site.id);
		} else if (boSiteIds.has(site.id)) {
			granted.push(site.id);
		}
	}
	return granted.sort((a, b) => a - b);
}

/** `isAllRegionsAllowed` -> `employee[isAllRegionsAllowed]`, `disabledRegions[]` -> `employee[disabledRegions][]`. */
function toPrefixed(prefix: string, name: string): string {
	const m = /^([^[]+)(.*)$/.exec(name);
	if (!m) return name;
	return `${prefix}[${m[1]}]${m[2]}`;
}
