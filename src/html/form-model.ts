/** The form model: ordered submitted pairs plus control metadata, with checked edits (protocol A.7). Pure. */
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
	/**
	 * Submit control number `index` of {@link controls} (document order) with its own value, or stop submitting it:
	 * what a click on that one checkbox, or page script enabling/disabling that one input, does. Other controls of
	 * the same name (`disabledRegions[]`, `siteIds[]`) keep their state. Throws RangeError for an unknown index.
	 */
	submitControl(index: number, submitted: boolean): void;
	/**
	 * Replace every pair whose name the predicate matches by `pairs`, placed where the first matching control is in
	 * the document (at the end when no control matches): a re-encoded group (the site tree, A.3.2) keeps page order.
	 */
	replaceGroup(predicate: (name: string) => boolean, pairs: ReadonlyArray<readonly [string, string]>): void;
	/** The first control named `name`. */
	control(name: string): FormControl | undefined;
}

/** One submitted pair and its position (control index) in the document. */
export interface Entry {
	name: string;
	value: string;
	order: number;
}


/** A FormModel over the pairs a browser would submit; edits keep document order. */
export class ParsedForm implements FormModel {
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

	replaceGroup(predicate: (name: string) => boolean, pairs: ReadonlyArray<readonly [string, string]>): void {
		const first = this.controls.findIndex((c) => predicate(c.name));
		this.entries = this.entries.filter((e) => !predicate(e.name));
		if (first < 0) {
			for (const [name, value] of pairs) this.append(name, value);
			return;
		}
		// Fractional positions between the first control of the group and the next control keep the group in order.
		pairs.forEach(([name, value], i) => this.entries.push({ name, value, order: first + i / (pairs.length + 1) }));
	}

	append(name: string, value: string): void {
		this.appended += 1;
		this.entries.push({ name, value, order: this.controls.length + this.appended });
	}

	submitControl(index: number, submitted: boolean): void {
		const control = this.controls[index];
		if (!control) throw new RangeError(`form ${this.action} has no control #${index}`);
		this.entries = this.entries.filter((e) => e.order !== index);
		if (submitted) this.entries.push({ name: control.name, value: control.value, order: index });
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
