import { startEmulator, type EmulatorOptions } from './index';
import { large } from './tenants';

/**
 * `npm run emulator -- [--port 8787] [--host 127.0.0.1] [--tenant washu|flat|large] [--latency-ms N]
 * [--employees N --sites N] [--session-expiry redirect|inline] [--compression negotiate|never] [--session-locking on]`. Prints the URL and the bot login; Ctrl-C exits.
 */
function parseArgs(argv: string[]): Map<string, string> {
	const out = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
		const eq = a.indexOf('=');
		if (eq > 0) out.set(a.slice(2, eq), a.slice(eq + 1));
		else {
			const v = argv[i + 1];
			if (v === undefined || v.startsWith('--')) throw new Error(`missing value for ${a}`);
			out.set(a.slice(2), v);
			i++;
		}
	}
	return out;
}

function int(args: Map<string, string>, key: string, fallback: number): number {
	const v = args.get(key);
	if (v === undefined) return fallback;
	if (!/^\d+$/.test(v)) throw new Error(`--${key} must be a non-negative integer`);
	return Number(v);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const known = new Set(['port', 'host', 'tenant', 'latency-ms', 'employees', 'sites', 'session-expiry', 'compression', 'session-locking']);
	for (const k of args.keys()) if (!known.has(k)) throw new Error(`unknown option --${k}`);
	const tenantName = args.get('tenant') ?? 'washu';
	if (!['washu', 'flat', 'large'].includes(tenantName)) throw new Error('--tenant must be washu, flat or large');
	const expiry = args.get('session-expiry') ?? 'redirect';
	if (expiry !== 'redirect' && expiry !== 'inline') throw new Error('--session-expiry must be redirect or inline');
	const compression = args.get('compression') ?? 'negotiate';
	if (compression !== 'negotiate' && compression !== 'never') throw new Error('--compression must be negotiate or never');
	const tenant: EmulatorOptions['tenant'] =
		tenantName === 'large' ? large({ employees: int(args, 'employees', 5000), sites: int(args, 'sites', 60) }) : (tenantName as 'washu' | 'flat');
	const emu = await startEmulator({
		tenant,
		port: int(args, 'port', 8787),
		host: args.get('host') ?? '127.0.0.1',
		latencyMs: int(args, 'latency-ms', 0),
		sessionExpiry: expiry,
		sessionLocking: args.get('session-locking') === 'on',
		compression: { mode: compression },
	});
	const bot = emu.state.tenant.bot;
	process.stdout.write(`Sonny's Backoffice emulator (${tenantName}) listening on ${emu.url}\n`);
	process.stdout.write(`Log in as ${bot.username} / ${bot.password} (synthetic test account). Ctrl-C to stop.\n`);
	const stop = () => {
		void emu.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
	process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`);
	process.exit(1);
});
