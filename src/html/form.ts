/**
 * Browser-faithful HTML form model: parse a form from the server's own HTML, overlay changes, serialise it
 * exactly as a browser would submit it (protocol A.7, conventions rule 4). Pure: no I/O.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { UnexpectedPageError } from '../errors';

/** Ordered form fields, as they appear in an `application/x-www-form-urlencoded` body. */
export type Pairs = Array<[string, string]>;

/** One option of a `<select>` control. */
export interface FormControlOption {
	value: string;
	label: string;
	selected: boolean;
	disabled: boolean;
}

/** Metadata of one named control of a form, in document order. */
export interface FormControl {
	name: string;
	/** `text`, `hidden`, `checkbox`, `radio`, `number`, ..., `select-one`, `select-multiple`, `textarea`. */
	type: string;
	id?: string;
	/** True when the control (or an enclosing fieldset) is disabled: browsers do not submit it. */
	disabled: boolean;
	/** Checkbox/radio state as rendered (`checked` attribute). False for other controls. */
	checked: boolean;
	/** The value attribute (`on` for a checkbox/radio without one); for a text input, `data-value` when the value is empty. */
	value: string;
	/** Options of a select, in document order. */
	options?: FormControlOption[];
}

/** A parsed form whose successful controls can be changed and re-serialised. */
export interface FormModel {
	/** The `action` attribute, as written. */
	readonly action: string;
	/** Lower-cased `method` attribute (`get` when absent). */
	readonly method: string;
	/** Every named control, in document order, including disabled and unchecked ones. */
	readonly controls: readonly FormControl[];
	/** The body a browser would submit now, in document order (appended fields last). */
	pairs(): Pairs;
	/** First submitted value of `name`, or undefined when it would not be submitted. */
	get(name: string): string | undefined;
	/** Every submitted value of `name`, in order. */
	getAll(name: string): string[];
	/** Whether `name` would be submitted (presence binding: for a checkbox this means "checked"). */
	has(name: string): boolean;
	/**
	 * Submit `name=value` (one pair, replacing any others of that name, at the control's position).
	 * Throws UnexpectedPageError if the form has no control `name`, or if it is a select/radio group and
	 * `value` is not one of its options.
	 */
	set(name: string, value: string): void;
	/** Like `set` with several values (multi-select, `[]` arrays). An empty list removes the field. */
	setAll(name: string, values: readonly string[]): void;
	/** Stop submitting `name` (for a checkbox: uncheck it). */
	remove(name: string): void;
	/** Stop submitting every pair the predicate matches. */
	removeWhere(predicate: (name: string, value: string) => boolean): void;
	/** Add a pair at the end of the body, even if the form has no such control (site encoding, A.3.2). */
	append(name: string, value: string): void;
	/** The first control named `name`. */
	control(name: string): FormControl | undefined;
}

interface Entry {
	name: string;
	value: string;
	order: number;
}

const SKIPPED_INPUT_TYPES = new Set(['submit', 'reset', 'button', 'image', 'file']);
const NEWLINE_STRIPPED_TYPES = new Set(['text', 'search', 'tel', 'password', 'url', 'email']);
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

class ParsedForm implements FormModel {
	readonly action: string;
	readonly method: string;
	readonly controls: readonly FormControl[];
	private entries: Entry[];
	private appended = 0;
	private readonly where: string;

	constructor(action: string, method: string, controls: FormControl[], entries: Entry[], where: string) {
		this.action = action;
		this.method = method;
		this.controls = controls;
		this.entries = entries;
		this.where = where;
	}

	pairs(): Pairs {
		return [...this.entries]
			.sort((a, b) => a.order - b.order)
			.map((e): [string, string] => [e.name, e.value]);
	}

	get(name: string): string | undefined {
		return this.pairs().find(([n]) => n === name)?.[1];
	}

	getAll(name: string): string[] {
		return this.pairs()
			.filter(([n]) => n === name)
			.map(([, v]) => v);
	}

	has(name: string): boolean {
		return this.entries.some((e) => e.name === name);
	}

	control(name: string): FormControl | undefined {
		return this.controls.find((c) => c.name === name);
	}

	set(name: string, value: string): void {
		this.setAll(name, [value]);
	}

	setAll(name: string, values: readonly string[]): void {
		const index = this.controls.findIndex((c) => c.name === name);
		if (index < 0) {
			throw new UnexpectedPageError(this.where, `form ${this.action} has no control named "${name}"`);
		}
		const control = this.controls[index];
		const allowed = allowedValues(this.controls, name);
		if (allowed) {
			for (const value of values) {
				if (!allowed.includes(value)) {
					throw new UnexpectedPageError(
						this.where,
						`"${value}" is not an option of ${name} in form ${this.action} (options: ${allowed.slice(0, 10).join(', ')})`,
					);
				}
			}
		}
		if (control.type === 'select-one' && values.length > 1) {
			throw new UnexpectedPageError(this.where, `${name} in form ${this.action} accepts a single value`);
		}
		const existing = this.entries.find((e) => e.name === name);
		const order = existing ? existing.order : index;
		this.entries = this.entries.filter((e) => e.name !== name);
		for (const value of values) this.entries.push({ name, value, order });
	}

	remove(name: string): void {
		this.entries = this.entries.filter((e) => e.name !== name);
	}

	removeWhere(predicate: (name: string, value: string) => boolean): void {
		this.entries = this.entries.filter((e) => !predicate(e.name, e.value));
	}

	append(name: string, value: string): void {
		this.appended += 1;
		this.entries.push({ name, value, order: this.controls.length + this.appended });
	}
}

/** Values a select or radio group accepts; undefined when any value is acceptable. */
function allowedValues(controls: readonly FormControl[], name: string): string[] | undefined {
	const named = controls.filter((c) => c.name === name);
	if (named.every((c) => c.type === 'select-one' || c.type === 'select-multiple')) {
		return named.flatMap((c) => (c.options ?? []).map((o) => o.value));
	}
	if (named.every((c) => c.type === 'radio')) return named.map((c) => c.value);
	return undefined;
}

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
