import { attr, esc } from '../html';
import type { EmulatorState } from '../state';

/**
 * The "Available To Work" / "Accessible Sites" tree (protocol A.3.1, A.10) in raw server HTML: no toggle wrappers,
 * bare boolean attributes. A checked region/district/site toggle means "No". `granted` = the stored set; a blank
 * create form passes [] (everything denied). The full set renders as the roll-ups (master, every all-districts and
 * all-sites toggle checked, per-site hidden inputs disabled), as the captured no-op resubmission of an all-sites BO
 * user shows (w45v2_amber_noop_request.json). `mode` picks the field names: `employee` (prefixed names, per-site
 * `[isAvailable]` + hidden `[siteId]` twin) or `bo` (unprefixed names, nameless site toggle + hidden `siteIds[]`).
 */
export function siteTree(state: EmulatorState, granted: number[], mode: 'employee' | 'bo'): string {
	const g = new Set(granted);
	const all = state.sites.length > 0 && state.sites.every((s) => g.has(s.id));
	const n = (name: string) => (mode === 'employee' ? prefixed(name) : name);
	const word = mode === 'employee' ? 'Available' : 'Access';
	if (!state.hierarchical) return flatTree(state, g, all, mode);
	let html = `
    <fieldset class="boac-accessible-sites" style="width: 100%;">
        <div class="form-group boac-accessible-sites-per-region  nix-bm">
            <div class="row">
                <div class="form-group sbox sbox-bg">
                    <div style="display: inline-block; margin-right: 20px;">
                        <div class="pull-left" style="margin-bottom: 15px;">
                            <input type="checkbox"
                                   class="boac-permission-type-region"
                                   id="boac-permission-type-region"
                                   data-toggle="toggle"
                                   data-on="${word} all Regions"
                                   data-off="${word} by Region"
                                   name="${n('isAllRegionsAllowed')}"
                                   data-fhcheck-disable="#boac-region-options-list :input"${attr('checked', all)}>
                        </div>
                    </div>
                    <div class="row" id="boac-region-options-list">`;
	for (const region of state.tenant.regions) {
		const districts = state.tenant.districts.filter((d) => d.regionId === region.id);
		const regionSites = state.sites.filter((s) => districts.some((d) => d.id === s.districtId));
		const regionDenied = !all && !regionSites.some((s) => g.has(s.id));
		html += `
                        <div class="sbox sbox-bg sbox-stack sbox-toggle-list sbox-override">
                            <div class="form-group">
                                <input type="checkbox"
                                       id="boac-permission-region-${region.id}"
                                       class="boac-permission-region-option"
                                       data-toggle="toggle" data-on="No" data-off="Yes"
                                       data-region-id="${region.id}"
                                       data-fhcheck-disable="#sbox-boac-permission-region-${region.id}-box :input"
                                       value="${region.id}"
                                       name="${n('disabledRegions[]')}"${attr('checked', regionDenied)}>
                                <label for="boac-permission-region-${region.id}" class="control-label">
                                    Region <strong>(${esc(region.name)})</strong>
                                </label>
                            </div>
                        </div>
                        <div id="sbox-boac-permission-region-${region.id}-box" class="sbox-collapse-area collapse${regionDenied ? '' : ' in'}">
                            <input type="checkbox"
                                   class="boac-permission-type-district"
                                   id="boac-permission-type-district-for-region-${region.id}"
                                   data-toggle="toggle" data-on="${word} all Districts" data-off="${word} by District"
                                   data-region-id="${region.id}"
                                   name="${n('isAllDistrictsAllowedByRegion[]')}"
                                   value="${region.id}"${attr('checked', all)}>
                            <div class="row" id="boac-district-options-list-for-region-${region.id}">`;
		for (const district of districts) {
			const sites = state.sites.filter((s) => s.districtId === district.id);
			const districtDenied = !all && !sites.some((s) => g.has(s.id));
			html += `
                                <div class="sbox sbox-bg sbox-stack sbox-toggle-list sbox-override">
                                    <div class="form-group">
                                        <input type="checkbox"
                                               id="boac-permission-district-${district.id}"
                                               class="boac-permission-district-option boac-permission-district-option-for-region-${region.id}"
                                               data-toggle="toggle" data-off="Yes" data-on="No"
                                               data-region-id="${region.id}"
                                               data-district-id="${district.id}"
                                               data-fhcheck-disable="#sbox-boac-permission-district-${district.id}-box :input"
                                               value="${district.id}"
                                               name="${n('disabledDistricts[]')}"${attr('disabled', regionDenied)}${attr('checked', districtDenied)}>
                                        <label for="boac-permission-district-${district.id}" class="control-label">
                                            District <strong>(${esc(district.name)})</strong>
                                        </label>
                                    </div>
                                </div>
                                <div id="sbox-boac-permission-district-${district.id}-box" class="sbox-collapse-area collapse${districtDenied ? '' : ' in'}">
                                    <input type="checkbox"
                                           class="boac-permission-type-site boac-permission-type-site-by-region-${region.id}"
                                           id="boac-permission-type-site-for-district-${district.id}"
                                           data-toggle="toggle" data-on="${word} all Sites" data-off="${word} by Site"
                                           data-district-id="${district.id}"
                                           name="${n(`isAllSitesAllowedByDistrict[${district.id}]`)}"${attr('checked', all)}>
                                    <div class="row" id="boac-site-options-list-for-district-${district.id}">`;
			for (const site of sites) html += siteRow(site.id, site.name, district.id, region.id, g.has(site.id) || all, all, mode);
			html += `
                                    </div>
                                </div>`;
		}
		html += `
                            </div>
                        </div>`;
	}
	html += `
                    </div>
                </div>
            </div>
        </div>
    </fieldset>`;
	return html;
}

function siteRow(id: number, name: string, districtId: number, regionId: number, available: boolean, rolledUp: boolean, mode: 'employee' | 'bo'): string {
	const toggleName = mode === 'employee' ? `\n                                                   name="employee[sites][${id}][isAvailable]"` : '';
	const hiddenName = mode === 'employee' ? `employee[sites][${id}][siteId]` : 'siteIds[]';
	return `
                                        <div class="sbox sbox-bg sbox-stack sbox-toggle-list">
                                            <div class="form-group">
                                                <input type="checkbox"
                                                   id="boac-permission-site-${id}"
                                                   class="boac-permission-site-option boac-permission-site-option-for-district-${districtId}
                                                   boac-permission-site-option-hidden-input-for-region-${regionId} boac-permission-site-option-hidden-input-for-district-${districtId}
                                                   boac-permission-site-option-hidden-input-${id}"
                                                   data-toggle="toggle" data-off="Yes" data-on="No"
                                                   data-district-id="${districtId}"
                                                   data-fhcheck-disable="#boac-permission-site-option-hidden-input-${id}"
                                                   value="${id}"${toggleName}${attr('checked', !available)}>
                                                <label for="boac-permission-site-${id}" class="control-label">
                                                    Site <strong>(${esc(name)})</strong>
                                                </label>
                                            </div>
                                            <input class="boac-permission-site-option-hidden-input-for-district-${districtId} boac-permission-site-option-hidden-input-for-region-${regionId}"
                                                   id="boac-permission-site-option-hidden-input-${id}"
                                                   type="hidden"
                                                   name="${hiddenName}"${attr('disabled', !available || rolledUp)}
                                                   value="${id}">
                                        </div>`;
}

/**
 * ASSUMPTION (E.4): flat tenants were never observed. Rendered per the reference library's assumption: master toggle
 * `employee[isAllSitesAllowed]`, then one `input.boac-permission-site-option` per site named `employee[siteIds][]`
 * (value = id), checked when the site is excluded (blocklist; checked = "No" as everywhere else). The BO variant
 * uses `isAllSitesAllowed` and hidden `siteIds[]` inputs (enabled = accessible) like the hierarchical BO form.
 */
function flatTree(state: EmulatorState, g: Set<number>, all: boolean, mode: 'employee' | 'bo'): string {
	const master = mode === 'employee' ? 'employee[isAllSitesAllowed]' : 'isAllSitesAllowed';
	let html = `
    <fieldset class="boac-accessible-sites" style="width: 100%;">
        <div class="form-group boac-accessible-sites-flat nix-bm">
            <input type="checkbox" class="boac-permission-type-site-all" id="boac-permission-type-site-all"
                   data-toggle="toggle" data-on="Available all Sites" data-off="Available by Site"
                   name="${master}"${attr('checked', all)}>
            <div class="row" id="boac-site-options-list">`;
	for (const site of state.sites) {
		const available = all || g.has(site.id);
		const nameAttr = mode === 'employee' ? ` name="employee[siteIds][]"` : '';
		html += `
                <div class="sbox sbox-bg sbox-stack sbox-toggle-list">
                    <div class="form-group">
                        <input type="checkbox" id="boac-permission-site-${site.id}" class="boac-permission-site-option"
                               data-toggle="toggle" data-off="Yes" data-on="No"
                               value="${site.id}"${nameAttr}${attr('checked', !available)}>
                        <label for="boac-permission-site-${site.id}" class="control-label">
                            Site <strong>(${esc(site.name)})</strong>
                        </label>
                    </div>${mode === 'bo' ? `\n                    <input type="hidden" id="boac-permission-site-option-hidden-input-${site.id}" name="siteIds[]"${attr('disabled', !available)} value="${site.id}">` : ''}
                </div>`;
	}
	return `${html}
            </div>
        </div>
    </fieldset>`;
}

function prefixed(name: string): string {
	const m = /^([^[]+)(.*)$/.exec(name);
	return m ? `employee[${m[1]}]${m[2]}` : name;
}
