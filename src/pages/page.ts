/** Shared guard of every page parser: be on the expected page or throw UnexpectedPageError. Pure. */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { UnexpectedPageError } from '../errors';
import { classifyPage, describePage, mainColumnHtml, pageTitle } from './page-kind';

/**
 * Load the main column of `html` and check it is a logged-in page containing `required` there; otherwise throw
 * UnexpectedPageError naming `path` and what was found (login page, maintenance page, another page).
 */
export function loadExpectedPage(html: string, path: string, required: string): CheerioAPI {
	if (classifyPage(html) !== 'app') throw new UnexpectedPageError(path, describePage(html));
	// Only the main column is parsed: what every page parser reads is there, the sidebar is most of the bytes.
	const $ = load(mainColumnHtml(html));
	if ($(required).length === 0) {
		const title = pageTitle(html) ?? $('h1').first().text().replace(/\s+/g, ' ').trim();
		throw new UnexpectedPageError(path, `an application page without ${required}${title ? ` (title "${title}")` : ''}`);
	}
	return $;
}

/** Text of an element with whitespace collapsed. */
export function cleanText(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** The name inside `Label <strong>(Name)</strong>`: parentheses stripped (A.3.1). */
export function strongName(text: string): string {
	const t = cleanText(text);
	return t.startsWith('(') && t.endsWith(')') ? t.slice(1, -1).trim() : t;
}

/** Parse a comma-separated id list (`data-permissions-set`) into sorted unique positive integers. */
export function parseIdList(value: string | undefined): number[] {
	if (!value) return [];
	const ids = value
		.split(',')
		.map((s) => s.trim())
		.filter((s) => /^\d+$/.test(s))
		.map(Number);
	return [...new Set(ids)].sort((a, b) => a - b);
}

/** A permissions page's form and its record id (the hidden numeric input `idName`), or UnexpectedPageError. */
export function loadIdentifiedForm(
	html: string,
	path: string,
	formSelector: string,
	idName: string,
	what: string,
): { $: CheerioAPI; form: Cheerio<AnyNode>; id: number } {
	const $ = loadExpectedPage(html, path, formSelector);
	const form = $(formSelector).first();
	const idText = (form.find(`input[name="${idName}"]`).attr('value') ?? '').trim();
	if (!/^\d+$/.test(idText)) throw new UnexpectedPageError(path, `${what} without ${idName}`);
	return { $, form, id: Number(idText) };
}

/** The options of a template `<select>` whose value is a numeric id, in page order (the placeholder skipped). */
export function templateOptions(
	$: CheerioAPI,
	form: Cheerio<AnyNode>,
	selectSelector: string,
): Array<{ id: number; name: string; attribs: Record<string, string> }> {
	const out: Array<{ id: number; name: string; attribs: Record<string, string> }> = [];
	form.find(`${selectSelector} option`).each((_, el) => {
		const value = (el.attribs.value ?? '').trim();
		if (/^\d+$/.test(value)) out.push({ id: Number(value), name: cleanText($(el).text()), attribs: el.attribs });
	});
	return out;
}
