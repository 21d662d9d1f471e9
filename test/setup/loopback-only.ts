// Defence in depth for the rule that no test ever talks to a real Backoffice (or anything but this machine):
// every TCP connection made inside a test worker must go to a loopback address. A connection elsewhere fails the
// test loudly instead of leaving the machine. Child processes (n8n, npm, Chromium) are not covered here; they are
// pointed at 127.0.0.1 by their own configuration.
import net from 'node:net';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

interface ConnectTarget {
	host?: string;
	path?: string;
}

function targetOf(args: unknown[]): ConnectTarget {
	let first = args[0];
	// net.connect() hands Socket#connect its already normalised arguments: [options, callback].
	if (Array.isArray(first)) first = first[0];
	if (typeof first === 'object' && first !== null) return first as ConnectTarget;
	if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
	return { host: typeof args[1] === 'string' ? args[1] : undefined };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
	const target = targetOf(args);
	if (target.path === undefined) {
		const host = target.host ?? 'localhost';
		if (!LOOPBACK.test(host)) {
			throw new Error(`test network guard: refusing a connection to ${host}; tests may only talk to 127.0.0.1`);
		}
	}
	return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
