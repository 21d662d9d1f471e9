/**
 * True for 127.0.0.0/8, ::1 and localhost (and `*.localhost`): the only hosts the client talks to over plain
 * http, and never through a proxy. Accepts a URL's `hostname` (IPv6 in brackets or not).
 */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
	const parts = host.split('.');
	return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
