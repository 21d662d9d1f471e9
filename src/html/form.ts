/**
 * Browser-faithful HTML form model: parse a form from the server's own HTML, overlay changes, serialise it
 * exactly as a browser would submit it (protocol A.7, conventions rule 4). Pure: no I/O.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { UnexpectedPageError } from '../errors';
import { ParsedForm, type Entry, type FormControl, type FormControlOption, type FormModel, type Pairs } from './form-model';

export type { FormControl, FormControlOption, FormModel, Pairs } from './form-model';

const SKIPPED_INPUT_TYPES = new Set(['submit', 'reset', 'button', 'image', 'file']);
const NEWLINE_STRIPPED_TYPES = new Set(['text', 'search', 'tel', 'password', 'url', 'email']);
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function isDisabled($: CheerioAPI, el: Element): boolean {
	if ($(el).attr('disabled') !== undefined) return true;
	// A disabled fieldset disables its descendants except those inside its first legend (HTML spec).
	let child: Element = el;
	let parent = el.parent;
	while (parent && parent.type === 'tag') {
		const p = parent as Element;
		if (p.name === 'fieldset' && p.attribs.disabled !== undefined) {
			const firstLegend = p.children.find((c): c is Element => c.type === 'tag' && (c as Element).name === 'legend');
			if (firstLegend !== child) return true;
		}
		child = p;
		parent = p.parent;
	}
	return false;
}

function optionValue($: CheerioAPI, option: Element): string {
	const value = option.attribs.value;
	return value !== undefined ? value : $(option).text().replace(/[\t\n\f\r ]+/g, ' ').trim();
}

function normaliseNewlines(value: string): string {
	return value.replace(/\r\n|\r|\n/g, '\r\n');
}

/**
 * Parse the form matching `selector` (e.g. `#employee-create-edit-form`).
 * Throws UnexpectedPageError (naming `path`, never the page) when the form is absent.
 */
export function parseForm(html: string | CheerioAPI, selector: string, path = '(page)'): FormModel {
	const $ = typeof html === 'string' ? load(html) : html;
	const form = $(selector).filter('form').first();
	if (form.length === 0) {
		throw new UnexpectedPageError(path, `no form matching ${selector}`);
	}
	const formId = form.attr('id');
	const controls: FormControl[] = [];
	const entries: Entry[] = [];

	form.find('input, select, textarea').each((_, el) => {
		const name = el.attribs.name;
		if (!name) return;
		const owner = el.attribs.form;
		if (owner !== undefined && owner !== formId) return;
		if ($(el).closest('datalist').length > 0) return;
		const disabled = isDisabled($, el);
		const id = el.attribs.id;
		const order = controls.length;
		const add = (value: string) => {
			if (!disabled) entries.push({ name, value: normaliseNewlines(value), order });
		};

		if (el.name === 'input') {
			const type = (el.attribs.type ?? 'text').trim().toLowerCase() || 'text';
			if (SKIPPED_INPUT_TYPES.has(type)) return;
			if (type === 'checkbox' || type === 'radio') {
				const value = el.attribs.value ?? 'on';
				const checked = el.attribs.checked !== undefined;
				controls.push({ name, type, id, disabled, checked, value });
				if (checked) add(value);
				return;
			}
			let value = el.attribs.value ?? '';
			// Pickadate date inputs carry the date only in data-value in raw HTML (protocol A.7).
			if (value === '' && el.attribs['data-value'] !== undefined) value = el.attribs['data-value'];
			if (NEWLINE_STRIPPED_TYPES.has(type)) value = value.replace(/[\r\n]/g, '');
			if (type === 'email') value = value.trim();
			if (type === 'number' && value !== '' && !FLOAT.test(value)) value = '';
			controls.push({ name, type, id, disabled, checked: false, value });
			add(value);
			return;
		}

		if (el.name === 'textarea') {
			const value = $(el).text();
			controls.push({ name, type: 'textarea', id, disabled, checked: false, value });
			add(value);
			return;
		}

		// <select>
		const multiple = el.attribs.multiple !== undefined;
		const options: FormControlOption[] = [];
		$(el)
			.find('option')
			.each((__, opt) => {
				const optgroup = $(opt).closest('optgroup');
				options.push({
					value: optionValue($, opt),
					label: $(opt).text().replace(/\s+/g, ' ').trim(),
					selected: opt.attribs.selected !== undefined,
					disabled: opt.attribs.disabled !== undefined || (optgroup.length > 0 && optgroup.attr('disabled') !== undefined),
				});
			});
		let chosen: FormControlOption[];
		if (multiple) {
			chosen = options.filter((o) => o.selected);
		} else {
			const selected = options.filter((o) => o.selected);
			const pick = selected.length > 0 ? selected[selected.length - 1] : options.find((o) => !o.disabled);
			chosen = pick ? [pick] : [];
		}
		const value = chosen[0]?.value ?? '';
		controls.push({ name, type: multiple ? 'select-multiple' : 'select-one', id, disabled, checked: false, value, options });
		for (const o of chosen) if (!o.disabled) add(o.value);
	});

	return new ParsedForm(form.attr('action') ?? '', (form.attr('method') ?? 'get').toLowerCase(), controls, entries, path);
}

/**
 * Encode pairs as `application/x-www-form-urlencoded` exactly as a browser does: brackets and commas
 * percent-encoded, spaces as `+`, only `*-._` and alphanumerics left bare.
 */
export function encodeForm(pairs: Pairs): string {
	return new URLSearchParams(pairs).toString();
}

/** Decode an `application/x-www-form-urlencoded` body into ordered pairs (inverse of `encodeForm`). */
export function parseFormBody(body: string): Pairs {
	return [...new URLSearchParams(body)];
}
