import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('test network guard (test/setup/loopback-only.ts)', () => {
	it('refuses a TCP connection to a non-loopback host inside a test worker', () => {
		expect(() => net.connect({ host: 'backoffice.example.com', port: 443 })).toThrow(/test network guard/);
		expect(() => net.connect(443, '203.0.113.7')).toThrow(/test network guard/);
	});

	it('lets loopback connections through', async () => {
		const server = net.createServer((s) => s.end());
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as net.AddressInfo;
		await new Promise<void>((resolve, reject) => {
			const socket = net.connect({ host: '127.0.0.1', port }, () => {
				socket.end();
				resolve();
			});
			socket.on('error', reject);
		});
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
});
