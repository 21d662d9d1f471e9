/** `GET /user/create`: the employee dropdown, the only bulk source of employee e-mails (protocol A.9, B.7). Pure. */
import { USER_CREATE_FORM, USER_EMPLOYEE_SELECT } from './selectors';
import { cleanText, loadExpectedPage } from './page';

/** One employee option of the `user[employeeId]` dropdown. */
export interface UserCreateEmployee {
	employeeId: number;
	/** `data-email`, trimmed and lower-cased; null when empty. */
	email: string | null;
	firstName: string;
	lastName: string;
}

/** Parse the Backoffice user create page. Throws UnexpectedPageError when the form is missing. */
export function parseUserCreatePage(html: string, path = '/user/create'): { employees: UserCreateEmployee[] } {
	const $ = loadExpectedPage(html, path, USER_CREATE_FORM);
	const employees: UserCreateEmployee[] = [];
	$(`${USER_CREATE_FORM} ${USER_EMPLOYEE_SELECT} option`).each((_, el) => {
		const value = (el.attribs.value ?? '').trim();
		if (!/^\d+$/.test(value)) return;
		const email = (el.attribs['data-email'] ?? '').trim().toLowerCase();
		const text = cleanText($(el).text());
		const firstName = el.attribs['data-first-name'] !== undefined ? cleanText(el.attribs['data-first-name']) : text.split(' ')[0] ?? '';
		const lastName =
			el.attribs['data-last-name'] !== undefined ? cleanText(el.attribs['data-last-name']) : text.split(' ').slice(1).join(' ');
		employees.push({ employeeId: Number(value), email: email === '' ? null : email, firstName, lastName });
	});
	return { employees };
}
