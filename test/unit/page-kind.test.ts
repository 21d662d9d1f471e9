import { describe, expect, it } from 'vitest';
import { UnexpectedPageError } from '../../src/errors';
import { parseFlashes } from '../../src/html/flash';
import { parseLoginError } from '../../src/pages/login';
import { loadExpectedPage } from '../../src/pages/page';
import { assertAppPage, classifyPage, describePage, mainColumnHtml } from '../../src/pages/page-kind';
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

describe('mainColumnHtml', () => {
	it('cuts the page to its main column: the sidebar before it is not parsed', () => {
		const page = app('<form id="employee-create-edit-form"></form>');
		expect(mainColumnHtml(page)).toBe('<div id="main-column"><form id="employee-create-edit-form"></form></div></body></html>');
		// What the parsers read (forms, flashes, the content header) is all inside the main column (A.0, the captures).
		const excerpt = captureHtml('employee_create.main-column.excerpt.html');
		const cut = mainColumnHtml(excerpt);
		expect(cut.startsWith('<div id="main-column"')).toBe(true);
		expect(cut).toContain('alerts-server');
		expect(cut).toContain('id="employee-create-edit-form"');
		expect(parseFlashes(app('<div class="alerts alerts-server"><div class="alert alert-danger">No</div></div>'))).toEqual(
			parseFlashes(mainColumnHtml(app('<div class="alerts alerts-server"><div class="alert alert-danger">No</div></div>'))),
		);
	});

	it('keeps the whole page when there is no main column or its tag is not a div', () => {
		const login = captureHtml('login_page.html');
		expect(mainColumnHtml(login)).toBe(login);
		expect(mainColumnHtml('<html><body>hello</body></html>')).toBe('<html><body>hello</body></html>');
		const odd = '<html><body><section id="main-column">x</section></body></html>';
		expect(mainColumnHtml(odd)).toBe(odd);
	});

	it('a page parser reads the form in the main column, not a same-id one in the sidebar', () => {
		const page = app('<h1 id="page-title">Employees</h1>').replace('<nav>sidebar</nav>', '<nav><div class="alerts alerts-server"></div><h1 id="page-title">Sidebar</h1></nav>');
		expect(mainColumnHtml(page)).not.toContain('Sidebar');
		expect(() => loadExpectedPage(page, '/employee', 'h1#page-title')).not.toThrow();
		expect(loadExpectedPage(page, '/employee', 'h1#page-title')('h1#page-title').text()).toBe('Employees');
	});
});
