// Throwaway Postgres and Redis for n8n's queue mode (test/e2e/queue-mode.test.ts): Debian's packages (.ci/run
// installs them), started on free loopback ports with their data in a temporary folder, stopped afterwards. Never
// the system services: nothing is read from or written to /var/lib, and nothing listens beyond 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './instance.mjs';

/** The database user n8n connects as (trust authentication on loopback: no password exists). */
export const PG_USER = 'sbo';

const isRoot = () => process.getuid?.() === 0;

function onPath(name) {
	return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));
}

/** A Postgres server binary: on PATH, else Debian's /usr/lib/postgresql/<major>/bin (newest major). */
function pgBinary(name) {
	if (onPath(name)) return name;
	const base = '/usr/lib/postgresql';
	const majors = existsSync(base) ? readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
	for (const major of majors) {
		const bin = join(base, major, 'bin', name);
		if (existsSync(bin)) return bin;
	}
	throw new Error(`${name} not found: install Debian's postgresql package (apt-get install -y postgresql)`);
}

/** Runs a Postgres command; as root, as the `postgres` user Debian's package creates (Postgres refuses root). */
function pgRun(bin, args) {
	const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
	if (r.status !== 0) throw new Error(`${bin} ${args[0]} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

function postgresIds() {
	const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	return { uid: id('-u'), gid: id('-g') };
}

/**
 * Starts a Postgres cluster in a new temporary folder on a free loopback port, tuned for a test (no fsync).
 * Returns `{ port, user, database, stop() }`; `stop()` shuts it down and removes the folder.
 */
export async function startPostgres({ log = () => {} } = {}) {
	const initdb = pgBinary('initdb');
	const pgCtl = pgBinary('pg_ctl');
	const dir = mkdtempSync(join(tmpdir(), 'sbo-pg-'));
	if (isRoot()) {
		const { uid, gid } = postgresIds();
		if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no postgres user to run Postgres as');
		chownSync(dir, uid, gid);
	}
	const data = join(dir, 'data');
	pgRun(initdb, ['-D', data, '-U', PG_USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
	const port = await freePort();
	const options = [
		`-p ${port}`,
		'-c listen_addresses=127.0.0.1',
		`-c unix_socket_directories=${dir}`,
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
	].join(' ');
	pgRun(pgCtl, ['start', '-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', options]);
	log(`postgres on 127.0.0.1:${port} (${dir})`);
	let stopped = false;
	const stopNow = (mode) => {
		if (stopped) return;
		stopped = true;
		try {
			pgRun(pgCtl, ['stop', '-D', data, '-m', mode, '-w', '-t', '30']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
	// A test runner that dies must not leave a database server behind.
	const onExit = () => stopNow('immediate');
	process.on('exit', onExit);
	return {
		port,
		user: PG_USER,
		database: 'postgres',
		dir,
		stop: async () => {
			process.off('exit', onExit);
			stopNow('fast');
		},
	};
}

/** Resolves once a Redis server on `port` answers PING. */
async function waitForRedis(port, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const pong = await new Promise((resolve) => {
			const socket = connect(port, '127.0.0.1');
			let got = '';
			socket.setTimeout(1000, () => socket.destroy());
			socket.on('connect', () => socket.write('PING\r\n'));
			socket.on('data', (d) => {
				got += String(d);
				if (got.includes('\r\n')) socket.end();
			});
			socket.on('close', () => resolve(got.startsWith('+PONG')));
			socket.on('error', () => resolve(false));
		});
		if (pong) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`redis on port ${port} did not answer PING within ${timeoutMs} ms`);
}

/**
 * Starts `redis-server` in the foreground on a free loopback port, no persistence, its folder `dir`.
 * Returns `{ port, stop() }`.
 */
export async function startRedis(dir, { log = () => {} } = {}) {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const output = [];
	child.stdout.on('data', (d) => output.push(String(d)));
	child.stderr.on('data', (d) => output.push(String(d)));
	const exited = new Promise((resolve) => child.on('exit', resolve));
	child.on('error', (e) => output.push(`redis-server: ${e.message} (apt-get install -y redis-server)`));
	const onExit = () => child.kill('SIGKILL');
	process.on('exit', onExit);
	try {
		await Promise.race([waitForRedis(port), exited.then(() => Promise.reject(new Error(`redis-server exited:\n${output.join('')}`)))]);
	} catch (e) {
		child.kill('SIGKILL');
		throw e;
	}
	log(`redis on 127.0.0.1:${port}`);
	return {
		port,
		stop: async () => {
			process.off('exit', onExit);
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await exited;
			}
		},
	};
}
