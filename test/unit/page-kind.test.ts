import { describe, expect, it } from 'vitest';
import { UnexpectedPageError } from '../../src/errors';
import { parseFlashes } from '../../src/html/flash';
import { parseLoginError } from '../../src/pages/login';
import { assertAppPage, classifyPage, describePage } from '../../src/pages/page-kind';
import { captureHtml } from './helpers';

const app = (inner: string) =>
	`<html><head><title>Sonny's Controls | Employees</title></head><body><nav>sidebar</nav><div id="main-column">${inner}</div></body></html>`;

describe('classifyPage', () => {
	it('recognises the captured login page and the logged-in captures', () => {
		expect(classifyPage(captureHtml('login_page.html'))).toBe('login');
		expect(classifyPage(captureHtml('employee_create.main-column.excerpt.html'))).toBe('app');
		expect(classifyPage(captureHtml('e2e_permissions_page_486_initial.partial-excerpt.html'))).toBe('app');
	});

	it('needs both login inputs, and prefers login over app chrome', () => {
		expect(classifyPage(app('<input name="_username">'))).toBe('app');
		expect(classifyPage(app('<input type="text" name="_username"><input type="password" name="_password">'))).toBe('login');
		expect(classifyPage(`<form><input name='_username' /><input name=_password></form>`)).toBe('login');
	});

	it('tells maintenance/5xx pages from unknown ones', () => {
		expect(classifyPage('<html><head><title>503 Service Unavailable</title></head><body>down</body></html>')).toBe('maintenance');
		expect(classifyPage('<html><body><h1>Site under maintenance</h1></body></html>')).toBe('maintenance');
		expect(classifyPage('<html><head><title>502 Bad Gateway</title></head></html>')).toBe('maintenance');
		expect(classifyPage('<html><body>hello</body></html>')).toBe('unknown');
		expect(classifyPage('')).toBe('unknown');
		// The logged-out layout's column is not the app column.
		expect(classifyPage('<div id="main-column-logged-out">x</div>')).toBe('unknown');
	});

	it('assertAppPage throws UnexpectedPageError saying what it found, never the page', () => {
		const login = captureHtml('login_page.html');
		expect(() => assertAppPage(app('ok'), '/employee')).not.toThrow();
		try {
			assertAppPage(login, '/employee');
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(UnexpectedPageError);
			const error = e as UnexpectedPageError;
			expect(error.url).toBe('/employee');
			expect(error.message).toBe(`unexpected page at /employee: a login page titled "Sonny's Controls | Login"`);
			expect(error.message.length).toBeLessThan(200);
		}
		expect(describePage('<html><body>x</body></html>')).toBe('an unrecognised page');
	});
});

describe('parseFlashes', () => {
	it('reads error and success flashes of div.alerts.alerts-server (A.0)', () => {
		const html = app(`<div class="alerts alerts-server">
			<div class="alert alert-danger with-glyph" role="alert"><span class="glyphicon glyphicon-exclamation-sign"></span><span class="sr-only">Error:</span><p>Accessible Sites requires no less than 1 valid selection.</p></div>
			<div class="alert alert-success with-glyph" role="alert"><span class="glyphicon glyphicon-ok-sign"></span><span class="sr-only">Success:</span><p>Ann   Lee has been created successfully! Please setup their POS permissions.</p></div>
		</div><div class="alert alert-warning">Careful <span class="sr-only">Warning:</span></div><div class="alert alert-info"><p></p></div>`);
		expect(parseFlashes(html)).toEqual([
			{ type: 'error', message: 'Accessible Sites requires no less than 1 valid selection.' },
			{ type: 'success', message: 'Ann Lee has been created successfully! Please setup their POS permissions.' },
			{ type: 'warning', message: 'Careful' },
		]);
	});

	it('finds nothing on pages without alerts (captured pages)', () => {
		expect(parseFlashes(captureHtml('employee_create.main-column.excerpt.html'))).toEqual([]);
		expect(parseFlashes(captureHtml('login_page.html'))).toEqual([]);
	});
});

describe('parseLoginError', () => {
	const login = captureHtml('login_page.html');
	it('is undefined for a clean login page or a non-login page', () => {
		expect(parseLoginError(login)).toBeUndefined();
		expect(parseLoginError(app('<div class="alerts alerts-server"><div class="alert alert-danger"><p>x</p></div></div>'))).toBeUndefined();
	});
	it('returns the error shown on a re-rendered login page', () => {
		const withError = login.replace(
			'<div class="alerts alerts-server">',
			'<div class="alerts alerts-server"><div class="alert alert-danger with-glyph" role="alert"><span class="sr-only">Error:</span><p>Invalid credentials.</p></div>',
		);
		expect(parseLoginError(withError)).toBe('Invalid credentials.');
	});
});
