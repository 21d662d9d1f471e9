import type { FaultInjector, FaultRule } from './faults';
import type { RequestLogEntry } from './request-log';
import { COMPRESSION_DEFAULTS, type CompressionOptions } from './compression';
import { EmulatorServer } from './server';
import { EmulatorState } from './state';
import { flat, large, washu } from './tenants';
import type { TenantData } from './types';

export type { FaultKind, FaultRule } from './faults';
export type { Coding, CompressionOptions } from './compression';
export type { RequestLogEntry } from './request-log';
export { EmulatorState } from './state';
export type { BoUserRecord, EmployeeRecord, TenantData, WageRecord } from './types';
export { flat, large, washu } from './tenants';
export { DUPLICATE_MESSAGES } from './writes/employee';
export { INACTIVE_EMPLOYEE_MESSAGE, SITES_REQUIRED_MESSAGE } from './writes/users';
export { redirectBody } from './html';

export interface EmulatorOptions {
	/** `washu` (default), `flat`, `large` (5,000 employees, 60 sites) or your own data. */
	tenant?: 'washu' | 'flat' | 'large' | TenantData;
	/** 0 (default) = a free port. */
	port?: number;
	/** Loopback only. Default 127.0.0.1. */
	host?: string;
	/** Added to every response. Default 0. */
	latencyMs?: number;
	faults?: FaultRule[];
	/** Seed for probabilistic faults. Default 1. */
	seed?: number;
	/** ASSUMPTION (E.2): what an unknown/expired session gets on an authenticated URL. Default `redirect`. */
	sessionExpiry?: 'redirect' | 'inline';
	/** Every session expires after this many authenticated requests. */
	expireSessionAfterRequests?: number;
	/** ASSUMPTION (E.7): list inactive employees in `/user/create`. Default false. */
	userCreateListsInactiveEmployees?: boolean;
	/** ASSUMPTION: serialise concurrent requests of one session like PHP's default (locking) session handler. Default false. */
	sessionLocking?: boolean;
	/**
	 * ASSUMPTION (protocol Part E, unknown): a login ends every other session of the same user, as some PHP apps do.
	 * Default false (sessions of one user coexist).
	 */
	singleSessionPerUser?: boolean;
	/** Reject a BO permissions POST ("Unable to locate user") unless the session loaded that user's page first. Default false. */
	requirePageLoadForUserPermissions?: boolean;
	/**
	 * ASSUMPTION (unknown whether Backoffice compresses): `negotiate` (default) compresses bodies of at least
	 * `threshold` bytes (default 1024) in the client's best accepted coding among `codings` (default br, gzip,
	 * deflate); `never` mimics a server that never compresses.
	 */
	compression?: Partial<CompressionOptions>;
}

export interface Emulator {
	/** `http://127.0.0.1:<port>` */
	url: string;
	state: EmulatorState;
	requests: RequestLogEntry[];
	faults: FaultInjector;
	/** Forget every session. */
	expireSessions(): void;
	close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Starts a Backoffice emulator on loopback. Every test should start its own on port 0 and close it. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const host = options.host ?? '127.0.0.1';
	if (!LOOPBACK.has(host)) throw new Error(`emulator host must be loopback, got ${host}`);
	const t = options.tenant ?? 'washu';
	const data = t === 'washu' ? washu() : t === 'flat' ? flat() : t === 'large' ? large() : t;
	const state = new EmulatorState(data, { userCreateListsInactiveEmployees: options.userCreateListsInactiveEmployees });
	const server = new EmulatorServer(
		state,
		{
			latencyMs: options.latencyMs ?? 0,
			sessionExpiry: options.sessionExpiry ?? 'redirect',
			expireSessionAfterRequests: options.expireSessionAfterRequests,
			requirePageLoadForUserPermissions: options.requirePageLoadForUserPermissions ?? false,
			sessionLocking: options.sessionLocking ?? false,
			singleSessionPerUser: options.singleSessionPerUser ?? false,
			compression: { ...COMPRESSION_DEFAULTS, ...options.compression },
		},
		options.faults,
		options.seed,
	);
	const url = await server.listen(options.port ?? 0, host === 'localhost' ? '127.0.0.1' : host);
	return {
		url,
		state,
		requests: server.requests,
		faults: server.faults,
		expireSessions: () => server.expireAllSessions(),
		close: () => server.close(),
	};
}
