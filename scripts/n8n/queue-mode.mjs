// n8n 2.41 in queue mode on one machine, for test/e2e/queue-mode.test.ts: Postgres and Redis (services.mjs), one
// main process (editor, REST API, webhooks; it enqueues executions) and N workers (`n8n worker`, which run them),
// each with its own user folder and the packed package installed as the Community Nodes screen installs it, all
// sharing the database, the queue and one encryption key. Everything listens on 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startN8n } from './instance.mjs';
import { installPackedPackage } from './package.mjs';
import { startPostgres, startRedis } from './services.mjs';

/**
 * Starts Postgres, Redis, the main process and `workers` workers (each running up to `workerConcurrency` executions).
 * Logs go to `<workDir>/<process>.log`. Returns `{ url, main, workers, env, stop() }`; `stop()` ends everything
 * (workers, main, Redis, Postgres) and is safe to call after a partial start.
 */
export async function startQueueMode({ workDir, tarball, workers = 2, workerConcurrency = 10, log = () => {} }) {
	const started = [];
	const stop = async () => {
		for (const s of started.splice(0).reverse()) {
			try {
				await s.stop();
			} catch (e) {
				log(`stopping: ${e.message}`);
			}
		}
	};
	try {
		mkdirSync(workDir, { recursive: true });
		const pg = await startPostgres({ log });
		started.push(pg);
		const redisDir = join(workDir, 'redis');
		mkdirSync(redisDir, { recursive: true });
		const redis = await startRedis(redisDir, { log });
		started.push(redis);
		const env = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: pg.database,
			DB_POSTGRESDB_USER: pg.user,
			DB_POSTGRESDB_PASSWORD: 'trust-auth-no-password',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Every process must decrypt the same credentials.
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
		const folders = ['main', ...Array.from({ length: workers }, (_, i) => `worker-${i + 1}`)];
		for (const name of folders) installPackedPackage(tarball, join(workDir, name), { log });
		const onLog = (name) => (chunk) => appendFileSync(join(workDir, `${name}.log`), chunk);

		// The main process first: it runs the database migrations the workers expect.
		const [port, brokerPort] = [await freePort(), await freePort()];
		const main = await startN8n({ userFolder: join(workDir, 'main'), port, brokerPort, extraEnv: env, onLog: onLog('main') });
		started.push(main);
		log(`n8n main on ${main.url}`);
		const workerProcesses = await Promise.all(
			folders.slice(1).map(async (name) => {
				const [wPort, wBroker, health] = [await freePort(), await freePort(), await freePort()];
				const w = await startN8n({
					userFolder: join(workDir, name),
					port: wPort,
					brokerPort: wBroker,
					command: ['worker', `--concurrency=${workerConcurrency}`],
					readyUrl: `http://127.0.0.1:${health}/healthz/readiness`,
					extraEnv: { ...env, QUEUE_HEALTH_CHECK_PORT: String(health) },
					onLog: onLog(name),
				});
				started.push(w);
				log(`n8n ${name} ready (health on ${health})`);
				return w;
			}),
		);
		return { url: main.url, main, workers: workerProcesses, env, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
