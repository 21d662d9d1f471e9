/** `POST /user/permissions/update` body: the page's own form with the chosen template, tokens and sites (A.10). Pure. */
import { NotFoundError, UnexpectedPageError, ValidationError } from '../errors';
import type { Pairs } from '../html/form';
import type { BoPermissionsPage } from '../pages/user-permissions';

/** What to change on a Backoffice permissions page; an absent key keeps what the page shows. */
export interface BoAccessChoice {
	/** Option of the `template` select (informational for the server; the matrix is what counts). */
	templateId?: number;
	/** The complete set of tokens to enable. */
	tokens?: readonly string[];
	/** Accessible site ids, or `'all'`. */
	sites?: readonly number[] | 'all';
}

const MASTER = /^isAll(?:Regions|Sites)Allowed$/;
const SITES_REQUIRED = 'must contain at least one site: Backoffice answers "Accessible Sites requires no less than 1 valid selection." and changes nothing';

/** Whether two site choices are the same (`'all'` equals the complete list). */
export function sameSites(page: Pick<BoPermissionsPage, 'tree'>, a: readonly number[] | 'all', b: readonly number[] | 'all'): boolean {
	const all = page.tree.sites.map((s) => s.id);
	const norm = (x: readonly number[] | 'all') => [...new Set(x === 'all' ? all : x)].sort((p, q) => p - q).join(',');
	return norm(a) === norm(b);
}

/**
 * The body a browser submits after making `choice` on `page` (see {@link applyBoChoice}), refused with
 * ValidationError when it carries no accessible site at all: the server would answer "Accessible Sites requires no
 * less than 1 valid selection." and change nothing (A.10).
 */
export function buildBoPermissionsPairs(page: BoPermissionsPage, choice: BoAccessChoice): Pairs {
	applyBoChoice(page, choice);
	const pairs = page.form.pairs();
	const master = pairs.some(([n]) => MASTER.test(n));
	if (!master && !pairs.some(([n]) => n === 'siteIds[]' || /^isAll(?:DistrictsAllowedByRegion\[\]|SitesAllowedByDistrict\[\d+\])$/.test(n))) {
		throw new ValidationError('availableSites', SITES_REQUIRED);
	}
	return pairs;
}

/**
 * Makes `choice` on the page's form (round-tripped, changed in place, document order kept): the body is then
 * `userId`, `userIsNew`, the site controls, `template`, every `perms[i][token]` with `perms[i][isEnabled]=1` for the
 * enabled ones. Sites equal to the page's stay as rendered (the captured no-op resubmission); changed sites become
 * the controls a browser leaves enabled: `'all'` is the checked master alone (page script disables the tree below
 * it); a restriction is `disabledRegions[]` for every region without a chosen site, `disabledDistricts[]` for every
 * district without one in the other regions, and `siteIds[]` per chosen site. Throws ValidationError for an empty
 * site list, NotFoundError for a site or token the page does not have.
 */
export function applyBoChoice(page: BoPermissionsPage, choice: BoAccessChoice): void {
	const form = page.form;
	if (choice.templateId !== undefined) form.set('template', String(choice.templateId));
	if (choice.tokens !== undefined) {
		const known = new Set(page.tokens);
		const missing = choice.tokens.find((t) => !known.has(t));
		if (missing !== undefined) throw new NotFoundError('permission', `Backoffice permission token '${missing}' is not in the permission matrix of this tenant`, missing);
		const wanted = new Set(choice.tokens);
		const tokenOf = new Map(form.controls.filter((c) => /^perms\[\d+\]\[token\]$/.test(c.name)).map((c) => [c.name.slice(0, c.name.indexOf(']') + 1), c.value]));
		form.controls.forEach((c, index) => {
			const m = /^(perms\[\d+\])\[isEnabled\]$/.exec(c.name);
			if (m) form.submitControl(index, wanted.has(tokenOf.get(m[1]) ?? ''));
		});
	}
	const sites = choice.sites;
	if (sites !== undefined && !sameSites(page, sites, page.availableSites)) encodeSites(page, sites);
}

function encodeSites(page: BoPermissionsPage, sites: readonly number[] | 'all'): void {
	const { tree, form } = page;
	if (sites !== 'all' && sites.length === 0) throw new ValidationError('availableSites', SITES_REQUIRED);
	const chosen = new Set(sites === 'all' ? [] : sites);
	for (const id of chosen) {
		if (!tree.sites.some((s) => s.id === id)) throw new NotFoundError('site', `site id ${id} is not in the Backoffice user's site tree`, String(id));
	}
	const regionOpen = (r: number) => tree.sites.some((s) => s.regionId === r && chosen.has(s.id));
	const districtOpen = (d: number) => tree.sites.some((s) => s.districtId === d && chosen.has(s.id));
	const regionOf = (d: number) => tree.districts.find((x) => x.id === d)?.regionId;
	if (!form.controls.some((c) => MASTER.test(c.name)) && sites === 'all') {
		throw new UnexpectedPageError('/user/permissions', 'a site tree without an all-regions or all-sites toggle');
	}
	form.controls.forEach((c, index) => {
		const value = Number(c.value);
		let on: boolean | undefined;
		if (MASTER.test(c.name)) on = sites === 'all';
		else if (sites === 'all') on = isTreeControl(c.name) ? false : undefined;
		else if (c.name === 'disabledRegions[]') on = !regionOpen(value);
		else if (c.name === 'disabledDistricts[]') {
			const region = regionOf(value);
			on = (region === undefined || regionOpen(region)) && !districtOpen(value);
		} else if (c.name === 'siteIds[]') on = chosen.has(value);
		else if (isTreeControl(c.name)) on = false;
		if (on !== undefined) form.submitControl(index, on);
	});
}

function isTreeControl(name: string): boolean {
	return /^(?:disabledRegions\[\]|isAllDistrictsAllowedByRegion\[\]|disabledDistricts\[\]|isAllSitesAllowedByDistrict\[\d+\]|siteIds\[\])$/.test(name);
}
