/** Flash (alert) messages rendered by Backoffice after a redirect (protocol A.0). Pure. */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { LOGIN_FORM, MAIN_COLUMN, SERVER_ALERTS } from '../pages/selectors';

/** Kind of a flash message, from its Bootstrap class. */
export type FlashType = 'error' | 'success' | 'info' | 'warning';

/** One flash message as the user would read it. */
export interface Flash {
	type: FlashType;
	message: string;
}

function flashType(classes: string): FlashType {
	if (/\balert-danger\b/.test(classes) || /\balert-error\b/.test(classes)) return 'error';
	if (/\balert-success\b/.test(classes)) return 'success';
	if (/\balert-warning\b/.test(classes)) return 'warning';
	return 'info';
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function flashMessage($: CheerioAPI, el: Element): string {
	const paragraphs = $(el)
		.find('p')
		.map((_, p) => collapse($(p).text()))
		.get()
		.filter((t) => t !== '');
	if (paragraphs.length > 0) return paragraphs.join(' ');
	// No <p>: the text without the screen-reader prefix ("Error:") and the close button.
	const clone = $(el).clone();
	clone.find('.sr-only, button.close').remove();
	return collapse(clone.text());
}

/**
 * Every flash message on a page: alerts inside `div.alerts.alerts-server`, plus any `.alert` inside
 * `#main-column` or the login form. In document order, without duplicates or empty messages.
 */
export function parseFlashes(html: string | CheerioAPI): Flash[] {
	const $ = typeof html === 'string' ? load(html) : html;
	const seen = new Set<Element>();
	const result: Flash[] = [];
	$(`${SERVER_ALERTS} .alert, ${MAIN_COLUMN} .alert, ${LOGIN_FORM} .alert, #main-column-logged-out .alert`).each((_, el) => {
		if (seen.has(el)) return;
		seen.add(el);
		const message = flashMessage($, el);
		if (message !== '') result.push({ type: flashType(el.attribs.class ?? ''), message });
	});
	return result;
}
