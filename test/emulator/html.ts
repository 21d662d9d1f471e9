/** HTML helpers shared by the page renderers. */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' };

export function esc(value: string | number): string {
	const s = String(value);
	return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c]) : s;
}

/** Symfony's RedirectResponse body: 246 + 4 x len(escaped URL) bytes (protocol A.0). Byte-exact with the captures. */
export function redirectBody(url: string): string {
	const u = url.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
	return (
		'<!DOCTYPE html>\n<html>\n    <head>\n        <meta charset="UTF-8" />\n' +
		`        <meta http-equiv="refresh" content="0;url='${u}'" />\n\n` +
		`        <title>Redirecting to ${u}</title>\n    </head>\n    <body>\n` +
		`        Redirecting to <a href="${u}">${u}</a>.\n    </body>\n</html>`
	);
}

export interface Flash {
	type: 'success' | 'error';
	message: string;
}

/** The `alerts-server` block with flash messages, as protocol A.0 describes. */
export function renderAlerts(flashes: Flash[]): string {
	const items = flashes
		.map((f) =>
			f.type === 'error'
				? `<div class="alert alert-danger with-glyph" role="alert">
                <span class="glyphicon glyphicon-exclamation-sign" aria-hidden="true"></span>
                <span class="sr-only">Error:</span>
                <p>${esc(f.message)}</p>
            </div>`
				: `<div class="alert alert-success with-glyph" role="alert">
                <span class="glyphicon glyphicon-ok-sign" aria-hidden="true"></span>
                <span class="sr-only">Success:</span>
                <p>${esc(f.message)}</p>
            </div>`,
		)
		.join('\n            ');
	return `
<div class="alerts alerts-server">
            ${items}
            </div>`;
}

/** Bare boolean attribute, raw-server style (`checked`, `disabled`). */
export function attr(name: string, on: boolean): string {
	return on ? ` ${name}` : '';
}
