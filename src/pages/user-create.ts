/** `GET /user/create`: the employee dropdown, the only bulk source of employee e-mails (protocol A.9, B.7). Pure. */
import { load } from 'cheerio';
import { UnexpectedPageError } from '../errors';
import { USER_CREATE_FORM, USER_EMPLOYEE_SELECT } from './selectors';
import { classifyPage, describePage } from './page-kind';
import { cleanText } from './page';

/** One employee option of the `user[employeeId]` dropdown. */
export interface UserCreateEmployee {
	employeeId: number;
	/** `data-email`, trimmed and lower-cased; null when empty. */
	email: string | null;
	firstName: string;
	lastName: string;
}

const FORM_START = /<form\b[^>]*\bid\s*=\s*["']?user-create-edit-form["'\s>]/i;
const SELECT_START = /<select\b[^>]*\bname\s*=\s*["']user\[employeeId\]["'][^>]*>/i;

/**
 * Parse the Backoffice user create page. Throws UnexpectedPageError when the form is missing.
 * Only the employee `<select>` is parsed (it holds one option per employee: thousands on big tenants).
 */
export function parseUserCreatePage(html: string, path = '/user/create'): { employees: UserCreateEmployee[] } {
	if (classifyPage(html) !== 'app') throw new UnexpectedPageError(path, describePage(html));
	const form = FORM_START.exec(html);
	if (!form) throw new UnexpectedPageError(path, `an application page without ${USER_CREATE_FORM}`);
	const select = SELECT_START.exec(html.slice(form.index));
	if (!select) throw new UnexpectedPageError(path, `a user form without ${USER_EMPLOYEE_SELECT}`);
	const from = form.index + select.index;
	const end = html.indexOf('</select>', from);
	// htmlparser2 on the select alone: fast and decodes entities in attributes and text.
	const $ = load(html.slice(from, end < 0 ? html.length : end + '</select>'.length), { xml: { xmlMode: false, decodeEntities: true } });
	const employees: UserCreateEmployee[] = [];
	$('option').each((_, el) => {
		const value = (el.attribs.value ?? '').trim();
		if (!/^\d+$/.test(value)) return;
		const email = (el.attribs['data-email'] ?? '').trim().toLowerCase();
		const text = cleanText($(el).text());
		const firstName = el.attribs['data-first-name'] !== undefined ? cleanText(el.attribs['data-first-name']) : (text.split(' ')[0] ?? '');
		const lastName =
			el.attribs['data-last-name'] !== undefined ? cleanText(el.attribs['data-last-name']) : text.split(' ').slice(1).join(' ');
		employees.push({ employeeId: Number(value), email: email === '' ? null : email, firstName, lastName });
	});
	return { employees };
}
