import { describe, expect, it } from 'vitest';
import { UnexpectedPageError } from '../../src/errors';
import { encodeForm, parseForm, parseFormBody } from '../../src/html/form';
import { captureHtml, capturePairs, captureRawBody } from './helpers';

const page = (inner: string) => `<html><body><div id="main-column"><form id="f" action="/x" method="POST">${inner}</form></div></body></html>`;

describe('parseForm: browser serialisation (A.7)', () => {
	it('submits successful controls in document order with browser rules', () => {
		const form = parseForm(
			page(`
			<input type="hidden" name="h" value="1">
			<input name="t" value="a b">
			<input type="text" name="noval">
			<input type="checkbox" name="c1" value="1" checked>
			<input type="checkbox" name="c2" value="1">
			<input type="checkbox" name="c3" checked>
			<input type="radio" name="r" value="x">
			<input type="radio" name="r" value="y" checked>
			<select name="s1"><option value="">-</option><option value="2">Two</option></select>
			<select name="s2"><option value="1">One</option><option value="2" selected>Two</option></select>
			<select name="s3" multiple><option value="1" selected>a</option><option value="2">b</option><option value="3" selected>c</option></select>
			<select name="s4"><option>  Text   value </option></select>
			<select name="s5"></select>
			<textarea name="ta">line1
line2</textarea>
			<input type="submit" name="go" value="Go">
			<button type="submit" name="b" value="1">B</button>
			<input type="file" name="f">
			<input type="image" name="img">
			<input type="reset" name="rs">
			<input type="button" name="bt" value="x">
			<input value="unnamed">
			<input name="" value="empty name">
		`),
			'#f',
		);
		expect(form.action).toBe('/x');
		expect(form.method).toBe('post');
		expect(form.pairs()).toEqual([
			['h', '1'],
			['t', 'a b'],
			['noval', ''],
			['c1', '1'],
			['c3', 'on'],
			['r', 'y'],
			['s1', ''],
			['s2', '2'],
			['s3', '1'],
			['s3', '3'],
			['s4', 'Text value'],
			['ta', 'line1\r\nline2'],
		]);
	});

	it('skips disabled controls, controls in a disabled fieldset (except its first legend) and disabled options', () => {
		const form = parseForm(
			page(`
			<input name="a" value="1" disabled>
			<input type="hidden" name="b" value="2" disabled="">
			<fieldset disabled><legend><input name="inLegend" value="L"></legend><input name="inFieldset" value="F"></fieldset>
			<fieldset><input name="ok" value="O"></fieldset>
			<select name="s"><option value="1" disabled>one</option><option value="2">two</option></select>
			<select name="s6"><option value="1" selected disabled>one</option><option value="2">two</option></select>
			<select name="sd" disabled><option value="1" selected>one</option></select>
			<select name="sm" multiple><optgroup disabled><option value="1" selected>x</option></optgroup><option value="2" selected>y</option></select>
			<textarea name="tad" disabled>no</textarea>
		`),
			'#f',
		);
		expect(form.pairs()).toEqual([
			['inLegend', 'L'],
			['ok', 'O'],
			['s', '2'],
			['sm', '2'],
		]);
		expect(form.control('a')).toMatchObject({ disabled: true, value: '1' });
		expect(form.control('inFieldset')?.disabled).toBe(true);
	});

	it('falls back to data-value for pickadate dates with no value (raw HTML, A.7)', () => {
		const form = parseForm(
			page(`<input type="text" id="employee-start-date" name="employee[startDate]" class="pickadate-date" data-value="05/01/2026" required>
			<input type="text" name="d2" value="" data-value="06/01/2026"><input type="text" name="d3" value="07/01/2026" data-value="06/01/2026">`),
			'#f',
		);
		expect(form.pairs()).toEqual([
			['employee[startDate]', '05/01/2026'],
			['d2', '06/01/2026'],
			['d3', '07/01/2026'],
		]);
	});

	it('applies value sanitisation like a browser (newlines stripped in text, invalid numbers emptied)', () => {
		const form = parseForm(page(`<input name="t" value="a&#10;b"><input type="number" name="n" value="12,5"><input type="number" name="m" value="12.50"><input type="email" name="e" value=" x@y.z ">`), '#f');
		expect(form.pairs()).toEqual([
			['t', 'ab'],
			['n', ''],
			['m', '12.50'],
			['e', 'x@y.z'],
		]);
	});

	it('set/setAll/remove/removeWhere/append keep document order and refuse unknown fields or options', () => {
		const form = parseForm(
			page(`<input name="a" value="1"><input type="checkbox" name="chk" value="1"><input name="b" value="2">
			<select name="s"><option value="1">a</option><option value="2">b</option></select>
			<select name="m[]" multiple><option value="1" selected>a</option><option value="3">c</option></select>
			<input type="radio" name="r" value="x"><input type="radio" name="r" value="y">`),
			'#f',
		);
		form.set('chk', '1');
		form.set('b', 'changed');
		form.set('s', '2');
		form.setAll('m[]', ['1', '3']);
		form.set('r', 'x');
		form.append('extra', 'e');
		form.append('extra2', 'f');
		expect(form.pairs()).toEqual([
			['a', '1'],
			['chk', '1'],
			['b', 'changed'],
			['s', '2'],
			['m[]', '1'],
			['m[]', '3'],
			['r', 'x'],
			['extra', 'e'],
			['extra2', 'f'],
		]);
		expect(form.get('m[]')).toBe('1');
		expect(form.getAll('m[]')).toEqual(['1', '3']);
		expect(form.has('chk')).toBe(true);
		form.remove('chk');
		expect(form.has('chk')).toBe(false);
		form.removeWhere((name) => name.startsWith('extra'));
		expect(form.pairs().map(([n]) => n)).toEqual(['a', 'b', 's', 'm[]', 'm[]', 'r']);
		expect(() => form.set('nope', '1')).toThrow(UnexpectedPageError);
		expect(() => form.set('s', '9')).toThrow(/not an option of s/);
		expect(() => form.set('r', 'z')).toThrow(UnexpectedPageError);
		expect(() => form.setAll('m[]', ['1', '7'])).toThrow(UnexpectedPageError);
		expect(() => form.setAll('s', ['1', '2'])).toThrow(/single value/);
		form.setAll('m[]', []);
		expect(form.has('m[]')).toBe(false);
	});

	it('throws UnexpectedPageError when the form is absent, without echoing the page', () => {
		const html = page('<input name="secret" value="hunter2">');
		const error = (() => {
			try {
				parseForm(html, '#missing', '/employee/edit/1');
			} catch (e) {
				return e as UnexpectedPageError;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(UnexpectedPageError);
		expect(error?.code).toBe('UNEXPECTED_PAGE');
		expect(error?.message).toContain('/employee/edit/1');
		expect(error?.message).not.toContain('hunter2');
		expect(() => parseForm('<div id="f"></div>', '#f')).toThrow(UnexpectedPageError);
	});

	it('serialises the captured create page (DOM snapshot) as a browser would', () => {
		const form = parseForm(captureHtml('employee_create.main-column.excerpt.html'), '#employee-create-edit-form');
		const pairs = form.pairs();
		expect(form.action).toBe('/employee/insert');
		// pickadate moved the name onto a hidden input holding the date.
		expect(form.get('employee[startDate]')).toBe('04/13/2026');
		// Disabled until toggled: overtime rate, wage site, every hidden siteId twin, JS-disabled districts.
		for (const name of ['wage[overtimeRate]', 'wage[siteId]', 'employee[sites][17][siteId]', 'employee[disabledDistricts][]']) {
			expect(form.has(name)).toBe(false);
			expect(form.control(name)?.disabled).toBe(true);
		}
		expect(form.has('wage[isOvertimeEligible]')).toBe(false);
		expect(form.get('wage[isHourly]')).toBe('1');
		expect(form.get('wage[ignoreSalarySchedule]')).toBe('1');
		expect(form.getAll('employee[disabledRegions][]')).toEqual(['1', '2']);
		expect(pairs.filter(([n]) => /\[isAvailable\]$/.test(n))).toHaveLength(19);
		expect(form.has('employee[departments][]')).toBe(false);
		expect(form.control('employee[departments][]')?.options?.map((o) => o.value)).toEqual(['1', '3', '2', '4']);
	});
});

describe('parseForm on the captured permissions page (raw HTML) vs the captured browser submission', () => {
	it('choosing General User and serialising gives the browser body, in the same order (duplicate id 1, hidden requiresOverride=0)', () => {
		const form = parseForm(captureHtml('e2e_permissions_page_486_initial.partial-excerpt.html'), '#employee-permission-update-form');
		expect(form.get('templateId')).toBe('');
		form.set('templateId', '3');
		form.set('permissions[22][hasGrantAccess]', '1');
		form.set('employeeId', '485');
		const browser = capturePairs('allowed_employee_permissions_update_browser.json');
		const ours = form.pairs();
		// The excerpt stops inside permission 24: compare the part it covers.
		expect(ours.length).toBeGreaterThan(12);
		expect(ours).toEqual(browser.slice(0, ours.length));
		expect(() => form.set('templateId', '7')).toThrow(UnexpectedPageError);
	});
});

describe('encodeForm / parseFormBody', () => {
	it('reproduces the captured browser body byte for byte (brackets, spaces, commas encoded)', () => {
		for (const file of ['allowed_employee_permissions_update_browser.json', 'allowed_bo_user_permissions_browser_captured.json']) {
			const body = captureRawBody(file);
			expect(encodeForm(parseFormBody(body))).toBe(body);
		}
	});

	it('encodes like a browser and round-trips', () => {
		const pairs: Array<[string, string]> = [
			['employee[firstName]', 'Ann Marie'],
			['employee[departments][]', '3'],
			['x', "a,b&c=d+e/f~g*h-i._j'k(l)!é"],
		];
		const body = encodeForm(pairs);
		expect(body).toBe(
			'employee%5BfirstName%5D=Ann+Marie&employee%5Bdepartments%5D%5B%5D=3&x=a%2Cb%26c%3Dd%2Be%2Ff%7Eg*h-i._j%27k%28l%29%21%C3%A9',
		);
		expect(parseFormBody(body)).toEqual(pairs);
		expect(parseFormBody('a[b]=1&a[b]=2')).toEqual([
			['a[b]', '1'],
			['a[b]', '2'],
		]);
	});

	it('matches the captured fields of every recorded request', () => {
		const pairs = capturePairs('e2e_permissions_request.json');
		expect(parseFormBody(encodeForm(pairs))).toEqual(pairs);
	});
});
