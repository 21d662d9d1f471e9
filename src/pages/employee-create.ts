/** `GET /employee/create`: site tree and departments (protocol A.3, A.3.1). Pure. */
import type { CheerioAPI } from 'cheerio';
import { UnexpectedPageError } from '../errors';
import type { Department } from '../models/api';
import { DEPARTMENTS_SELECT, EMPLOYEE_FORM, SITE_TREE } from './selectors';
import { cleanText, loadExpectedPage } from './page';
import { parseSiteTree, type SiteTree } from './site-tree';

/** What the create page tells about the tenant. */
export interface CreatePage extends SiteTree {
	departments: Department[];
}

/** Department options of `employee[departments][]`, in page order (ids > 0). */
export function parseDepartments($: CheerioAPI): Department[] {
	const departments: Department[] = [];
	$(`${DEPARTMENTS_SELECT} option`).each((_, el) => {
		const value = (el.attribs.value ?? '').trim();
		if (!/^\d+$/.test(value) || Number(value) <= 0) return;
		departments.push({ id: Number(value), name: cleanText($(el).text()) });
	});
	return departments;
}

/**
 * Parse the create page: hierarchy flag, regions, districts, sites (names from `<strong>(…)</strong>`,
 * short codes from the wage-site select) and departments. Works on raw server HTML and DOM snapshots.
 * Throws UnexpectedPageError when the page is not the create form or shows no site.
 */
export function parseCreatePage(html: string, path = '/employee/create'): CreatePage {
	const $ = loadExpectedPage(html, path, EMPLOYEE_FORM);
	const tree = parseSiteTree($);
	if (tree.sites.length === 0) {
		const reason = $(SITE_TREE).length === 0 ? 'no site tree (fieldset.boac-accessible-sites)' : 'a site tree with no site';
		throw new UnexpectedPageError(path, `an employee form with ${reason}`);
	}
	return { ...tree, departments: parseDepartments($) };
}
