/** Login page parsing (protocol A.1). Pure. */
import { parseFlashes } from '../html/flash';
import { classifyPage } from './page-kind';

/**
 * The error Backoffice shows on a re-rendered login page (e.g. "Invalid credentials."), or undefined
 * when the page is not a login page or shows no error.
 */
export function parseLoginError(html: string): string | undefined {
	if (classifyPage(html) !== 'login') return undefined;
	const flashes = parseFlashes(html);
	return (flashes.find((f) => f.type === 'error') ?? flashes.find((f) => f.type === 'warning'))?.message;
}
