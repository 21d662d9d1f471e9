/** `GET /user/permissions/<id>`: Backoffice templates, permission tokens and accessible sites (protocol A.10). Pure. */
import type { CheerioAPI } from 'cheerio';
import { UnexpectedPageError } from '../errors';
import { parseForm, type FormModel } from '../html/form';
import type { Permission } from '../models/api';
import { BO_PERMISSIONS_FORM, BO_TEMPLATE_SELECT } from './selectors';
import { cleanText, loadIdentifiedForm, templateOptions } from './page';
import { decideSites, parseSiteTree, type SiteTree } from './site-tree';

/** What the Backoffice user permissions page shows. */
export interface BoPermissionsPage {
	userId: number;
	/** Templates of the `template` select (scope `backoffice`, tokens from `data-permissions-set`). */
	templates: Permission[];
	/** Every `perms[i][token]`, in index order. */
	tokens: string[];
	/** Tokens whose `perms[i][isEnabled]` box is checked, in index order. */
	enabledTokens: string[];
	/** The "Accessible Sites" tree (unprefixed names, A.10). */
	tree: SiteTree;
	/** Accessible site ids in page order, or `'all'` when the all-regions (flat: all-sites) master is on. */
	availableSites: number[] | 'all';
	/** `Name: <strong>…</strong>, Username: <strong>…</strong>` of the sub-title, when shown. */
	displayName?: string;
	username?: string;
	/** The update form as a browser would submit it now (for a round trip). */
	form: FormModel;
}

function tokenList(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t !== '');
}

/** Parse a Backoffice user permissions page. Throws UnexpectedPageError when the form or its matrix is missing. */
export function parseBoPermissionsPage(html: string, path = '/user/permissions'): BoPermissionsPage {
	const { $, form, id: userId } = loadIdentifiedForm(html, path, BO_PERMISSIONS_FORM, 'userId', 'a Backoffice permissions form');
	const templates: Permission[] = templateOptions($, form, BO_TEMPLATE_SELECT).map((o) => ({
		id: o.id,
		name: o.name,
		scope: 'backoffice',
		grants: [],
		overrides: [],
		tokens: tokenList(o.attribs['data-permissions-set']),
	}));
	const tokenAt = new Map<number, string>();
	const enabled = new Set<number>();
	form.find('input[name^="perms["]').each((_, el) => {
		const match = /^perms\[(\d+)\]\[(token|isEnabled)\]$/.exec(el.attribs.name ?? '');
		if (!match) return;
		if (match[2] === 'token') tokenAt.set(Number(match[1]), el.attribs.value ?? '');
		else if (el.attribs.checked !== undefined) enabled.add(Number(match[1]));
	});
	if (tokenAt.size === 0) throw new UnexpectedPageError(path, 'a Backoffice permissions form without a permission matrix');
	const indexes = [...tokenAt.keys()].sort((a, b) => a - b);
	const tree = parseSiteTree($);
	if (tree.sites.length === 0) throw new UnexpectedPageError(path, 'a Backoffice permissions form without an "Accessible Sites" tree');
	const heading = subTitle($);
	return {
		userId,
		templates,
		tokens: indexes.map((i) => tokenAt.get(i) ?? ''),
		enabledTokens: indexes.filter((i) => enabled.has(i)).map((i) => tokenAt.get(i) ?? ''),
		tree,
		availableSites: readAccessibleSites($, tree),
		...heading,
		form: parseForm($, BO_PERMISSIONS_FORM, path),
	};
}

/** `Name: <strong>First Last</strong>, Username: <strong>username</strong>` (A.10), when the page shows it. */
function subTitle($: CheerioAPI): { displayName?: string; username?: string } {
	const sub = $('#page-sub-title').first();
	const strong = sub.find('strong');
	if (strong.length !== 2 || !/Name:.*Username:/s.test(sub.text())) return {};
	return { displayName: cleanText(strong.eq(0).text()), username: cleanText(strong.eq(1).text()) };
}

/**
 * The stored accessible sites: `'all'` when `isAllRegionsAllowed` (flat: `isAllSitesAllowed`) is checked; else the
 * outermost checked toggle decides (same No/Yes polarity as the employee tree, A.3.1), and a site is accessible when
 * its hidden `siteIds[]` input is enabled (the per-site toggle has no name, A.10).
 */
function readAccessibleSites($: CheerioAPI, tree: SiteTree): number[] | 'all' {
	let all = false;
	const toggles = { deniedRegions: new Set<number>(), allDistrictsOfRegion: new Set<number>(), deniedDistricts: new Set<number>(), allSitesOfDistrict: new Set<number>() };
	const sites = new Set<number>();
	$(`${BO_PERMISSIONS_FORM} input[name]`).each((_, el) => {
		const name = el.attribs.name ?? '';
		const checked = el.attribs.checked !== undefined;
		const value = Number((el.attribs.value ?? '').trim());
		if (name === 'isAllRegionsAllowed' || name === 'isAllSitesAllowed') {
			all ||= checked;
		} else if (name === 'siteIds[]') {
			if (el.attribs.disabled === undefined && Number.isInteger(value)) sites.add(value);
		} else if (checked) {
			const list = /^(disabledRegions|isAllDistrictsAllowedByRegion|disabledDistricts)\[\]$/.exec(name)?.[1];
			const rollup = /^isAllSitesAllowedByDistrict\[(\d+)\]$/.exec(name);
			if (list === 'disabledRegions') toggles.deniedRegions.add(value);
			else if (list === 'isAllDistrictsAllowedByRegion') toggles.allDistrictsOfRegion.add(value);
			else if (list === 'disabledDistricts') toggles.deniedDistricts.add(value);
			else if (rollup) toggles.allSitesOfDistrict.add(Number(rollup[1]));
		}
	});
	return all ? 'all' : decideSites(tree, toggles, (id) => sites.has(id));
}
