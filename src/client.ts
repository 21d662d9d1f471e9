import { SonnysBackofficeError } from './errors';
import type {
	BackofficeUser,
	BackofficeUserAccessUpdated,
	BackofficeUserSummary,
	GetBackofficeUserInput,
	UpdateBackofficeUserAccessInput,
	BackofficeUserCreated,
	CreateBackofficeUserInput,
	CreateEmployeeDryRunInput,
	CreateEmployeeInput,
	Department,
	DisableEmployeeInput,
	EmailAvailabilityInput,
	EmployeeCreated,
	RosterChanges,
	EmployeeCreatePreview,
	EmployeeDisabled,
	EmployeeReactivated,
	EmployeeUpdated,
	ReactivateEmployeeInput,
	UpdateEmployeeInput,
	Employee,
	EmployeeSummary,
	FindEmployeeInput,
	GetEmployeeInput,
	SearchEmployeesInput,
	ListPermissionsInput,
	Permission,
	PhoneAvailabilityInput,
	PosUserIdAvailabilityInput,
	RefreshOption,
	RosterSnapshot,
	Site,
	SonnysBackofficeClientApi,
	SonnysBackofficeClientOptions,
} from './models/api';
import { CLIENT_DEFAULTS, resolveBaseUrl } from './models/client-options';
import { validateClientOptions, validateListPermissions, validateRefreshOption } from './models/schemas';
import { isEmailAvailable, isPhoneAvailable, isPosUserIdAvailable } from './operations/availability';
import type { OperationContext } from './operations/context';
import { getBackofficeUser, listBackofficeUsers } from './operations/backoffice-users';
import { createBackofficeUser } from './operations/create-backoffice-user';
import { updateBackofficeUserAccess } from './operations/update-backoffice-user-access';
import { createEmployee } from './operations/create-employee';
import { disableEmployee } from './operations/disable-employee';
import { reactivateEmployee, updateEmployee } from './operations/update-employee';
import { listDepartments, listPermissions, listSites } from './operations/discovery';
import { EmployeeIndex } from './operations/employee-index';
import { getEmployee } from './operations/get-employee';
import { findEmployee, searchEmployees } from './operations/search-employees';
import { pollEmployeeChanges } from './operations/roster-watch';
import { SingleFlight } from './operations/single-flight';
import { upsertEmployee } from './operations/upsert-employee';
import type { EmployeeUpserted, UpsertEmployeeInput } from './models/upsert';
import { parseLoginError } from './pages/login';
import { redactError, redactText } from './session/redact';
import { BackofficeSession } from './session/session';
import { SessionPool } from './session/session-pool';
import { DEFAULT_RETRY_POLICY } from './transport/retry';
import type { Transport } from './transport/types';
import { UndiciTransport } from './transport/undici-transport';

export { resolveBaseUrl };

/** Version sent in the default User-Agent (keep in step with package.json). */
export const CLIENT_VERSION = '0.1.0';

/** Input fields whose values are secrets. */
const INPUT_SECRETS = ['password', 'posPin', 'backofficePassword'] as const;

/** Default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = CLIENT_DEFAULTS.timeoutMs;
/** Default cap on a response body (the dashboard alone is ~180 KB; a 10,000-row roster a few MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = CLIENT_DEFAULTS.maxResponseBytes;
/** Default User-Agent. */
export const DEFAULT_USER_AGENT = `n8n-nodes-sonnys-backoffice/${CLIENT_VERSION}`;

/** Internal knobs for tests and the benchmark; not part of the public options. */
export interface ClientInternals {
	/** Replace the HTTP transport. */
	transport?: Transport;
	/** Replace the retry wait. */
	sleep?: (ms: number) => Promise<void>;
}

/**
 * The Sonny's Backoffice client: one tenant, one bot login, lazy.
 *
 * ```ts
 * await using client = new SonnysBackofficeClient({ subdomain: 'washu', username, password });
 * const created = await client.createEmployee({ ... });
 * ```
 *
 * Caches (site tree and departments, permission templates, the uniqueness index) live as long as the
 * client; discovery methods take `refresh: true`. Methods may be awaited one after another or
 * concurrently; writes are never replayed blindly. Concurrent calls run on up to `maxSessions` Backoffice
 * sessions (default 1), all sharing the caches and the index's claims on unique values.
 */
export class SonnysBackofficeClient implements SonnysBackofficeClientApi, AsyncDisposable {
	/** The origin requests go to. */
	readonly baseUrl: string;
	private readonly pool: SessionPool;
	private readonly transport: Transport;
	private readonly ctx: Omit<OperationContext, 'session'>;
	private closed = false;

	/**
	 * Validates the options (nothing is sent): `subdomain` a plain DNS label; `baseUrl` https unless its
	 * host is loopback, so a bot password never crosses a network in clear text.
	 */
	constructor(options: SonnysBackofficeClientOptions, internals: ClientInternals = {}) {
		const o = validateClientOptions(options);
		this.baseUrl = resolveBaseUrl(o.subdomain, o.baseUrl);
		this.transport = internals.transport ?? new UndiciTransport();
		this.pool = new SessionPool(o.maxSessions, (coordinator) => new BackofficeSession({
			coordinator,
			baseUrl: this.baseUrl,
			username: o.username,
			password: o.password,
			userAgent: o.userAgent ?? DEFAULT_USER_AGENT,
			timeoutMs: o.timeoutMs,
			maxResponseBytes: o.maxResponseBytes,
			retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: o.maxRetries },
			transport: this.transport,
			loginErrorText: parseLoginError,
			sleep: internals.sleep,
		}));
		this.ctx = {
			caches: { index: new EmployeeIndex(), flights: new SingleFlight() },
			onUnknownPermission: o.onUnknownPermission,
		};
	}

	/** Logs in now unless already logged in (normally lazy). One request; a refused login is never retried. */
	async login(): Promise<void> {
		this.assertOpen();
		await this.run(undefined, (ctx) => ctx.session.login());
	}

	/** Creates a POS employee (and optionally its linked Backoffice user). */
	/** `dryRun: true`: validates, resolves and checks uniqueness, returns what would be created, writes nothing. */
	async createEmployee(input: CreateEmployeeInput & { dryRun: true }): Promise<EmployeeCreatePreview>;
	async createEmployee(input: CreateEmployeeInput & { dryRun?: false }): Promise<EmployeeCreated>;
	async createEmployee(input: CreateEmployeeDryRunInput): Promise<EmployeeCreated | EmployeeCreatePreview>;
	async createEmployee(input: CreateEmployeeDryRunInput): Promise<EmployeeCreated | EmployeeCreatePreview> {
		this.assertOpen();
		return this.run(input, (ctx) => createEmployee(ctx, input));
	}

	// ---- Read surface (issue 10) ----

	/** One employee, live: profile, and by default wage history and POS permission level (`include`). */
	async getEmployee(input: GetEmployeeInput): Promise<Employee> {
		this.assertOpen();
		return this.run(input, (ctx) => getEmployee(ctx, input));
	}

	/** Roster rows matching the server's filters (name prefixes, exact POS user ID, status, limit). One GET. */
	async searchEmployees(input: SearchEmployeesInput = {}): Promise<EmployeeSummary[]> {
		this.assertOpen();
		return this.run(input, (ctx) => searchEmployees(ctx, input));
	}

	/** Exactly one employee by exact name (phone as tie-break); NotFoundError or AmbiguousMatchError otherwise. One GET. */
	async findEmployee(input: FindEmployeeInput): Promise<EmployeeSummary> {
		this.assertOpen();
		return this.run(input, (ctx) => findEmployee(ctx, input));
	}

	// ---- Writes ----

	/** Disables an employee found by POS user ID, e-mail or internal id. */
	async disableEmployee(input: DisableEmployeeInput): Promise<EmployeeDisabled> {
		this.assertOpen();
		return this.run(input, (ctx) => disableEmployee(ctx, input));
	}

	/**
	 * Changes an employee (properties, PIN, wage, POS template): only what differs is written, every phase read back.
	 * `dryRun: true` returns the changes and planned requests without writing.
	 */
	async updateEmployee(input: UpdateEmployeeInput): Promise<EmployeeUpdated> {
		this.assertOpen();
		return this.run(input, (ctx) => updateEmployee(ctx, input));
	}

	/** Reactivates an employee (inactive included in the lookup), with optional changes in the same run; `dryRun` as above. */
	async reactivateEmployee(input: ReactivateEmployeeInput): Promise<EmployeeReactivated> {
		this.assertOpen();
		return this.run(input, (ctx) => reactivateEmployee(ctx, input));
	}

	/**
	 * Create or Update, keyed by POS user ID: absent, creates; present, updates only what differs (never the PIN
	 * unless `updatePosPin`, never the start date); inactive with `reactivate: true`, reactivates with the changes.
	 */
	async upsertEmployee(input: UpsertEmployeeInput): Promise<EmployeeUpserted> {
		this.assertOpen();
		return this.run(input, (ctx) => upsertEmployee(ctx, input));
	}

	/** Creates a Backoffice user, standalone or linked to an employee. */
	async createBackofficeUser(input: CreateBackofficeUserInput): Promise<BackofficeUserCreated> {
		this.assertOpen();
		return this.run(input, (ctx) => createBackofficeUser(ctx, input));
	}

	/** A Backoffice user with its template, tokens and accessible sites, by userId, username or linked employee. */
	async getBackofficeUser(input: GetBackofficeUserInput): Promise<BackofficeUser> {
		this.assertOpen();
		return this.run(input, (ctx) => getBackofficeUser(ctx, input));
	}

	/** The Backoffice users of `/user`, inactive included. */
	async listBackofficeUsers(): Promise<BackofficeUserSummary[]> {
		this.assertOpen();
		return this.run(undefined, (ctx) => listBackofficeUsers(ctx));
	}

	/** Changes a Backoffice user's template and/or accessible sites; `dryRun` plans without posting. */
	async updateBackofficeUserAccess(input: UpdateBackofficeUserAccessInput): Promise<BackofficeUserAccessUpdated> {
		this.assertOpen();
		return this.run(input, (ctx) => updateBackofficeUserAccess(ctx, input));
	}

	/** Every site the bot user can see (cached; shares one GET with `listDepartments`). */
	async listSites(options?: RefreshOption): Promise<Site[]> {
		this.assertOpen();
		return this.run(options, async (ctx) => listSites(ctx, validateRefreshOption(options).refresh));
	}

	/** Every department (cached; shares one GET with `listSites`). */
	async listDepartments(options?: RefreshOption): Promise<Department[]> {
		this.assertOpen();
		return this.run(options, async (ctx) => listDepartments(ctx, validateRefreshOption(options).refresh));
	}

	/** POS or Backoffice permission templates (cached per scope). */
	async listPermissions(options: ListPermissionsInput): Promise<Permission[]> {
		this.assertOpen();
		return this.run(options, (ctx) => {
			const v = validateListPermissions(options);
			return listPermissions(ctx, v.scope, v.refresh === true);
		});
	}

	/** Whether a POS user ID is free (live search; inactive employees keep theirs). */
	async isPosUserIdAvailable(input: PosUserIdAvailabilityInput): Promise<boolean> {
		this.assertOpen();
		return this.run(input, (ctx) => isPosUserIdAvailable(ctx, input));
	}

	/** Whether an e-mail is free among employees (cached index). */
	async isEmailAvailable(input: EmailAvailabilityInput): Promise<boolean> {
		this.assertOpen();
		return this.run(input, (ctx) => isEmailAvailable(ctx, input));
	}

	/** Whether a phone number is free among employees (cached index, compared as digits). */
	async isPhoneAvailable(input: PhoneAvailabilityInput): Promise<boolean> {
		this.assertOpen();
		return this.run(input, (ctx) => isPhoneAvailable(ctx, input));
	}

	/**
	 * One GET of the full roster (active and inactive employees) compared with `previous`, the snapshot a former
	 * call returned: new, deactivated, reactivated and changed employees. Without a snapshot of this tenant the read
	 * is the baseline (no events). Keep `result.snapshot` (JSON) for the next call.
	 */
	async pollEmployeeChanges(previous?: RosterSnapshot | null): Promise<RosterChanges> {
		this.assertOpen();
		return this.run(undefined, (ctx) => pollEmployeeChanges(ctx, this.baseUrl, previous));
	}

	/** Releases the connection pool. Idempotent. Does not log out (the session simply ends). */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await this.pool.reset();
		await this.transport.close();
	}

	/** `await using client = new SonnysBackofficeClient(...)` closes it at scope exit. */
	async [Symbol.asyncDispose](): Promise<void> {
		await this.close();
	}

	/**
	 * Runs one public call. Every error (and every warning of a result) leaves through here without a known
	 * secret in it: the bot password, session cookies and the PINs and passwords sent so far, plus the call's own
	 * secret inputs.
	 */
	private async run<T>(input: unknown, call: (ctx: OperationContext) => Promise<T>): Promise<T> {
		const lease = this.pool.lease();
		try {
			const result = await call({ ...this.ctx, session: lease.session });
			// Warnings quote failures (and what a server said): they get the same redaction as errors.
			if (result !== null && typeof result === 'object' && Array.isArray((result as { warnings?: unknown }).warnings)) {
				const r = result as unknown as { warnings: unknown[] };
				const poolWarning = this.pool.takeWarning();
				if (poolWarning) r.warnings.push(poolWarning);
				const secrets = this.pool.secrets.list();
				r.warnings = r.warnings.map((w) => (typeof w === 'string' ? redactText(w, secrets) : w));
			}
			return result;
		} catch (err) {
			const secrets = this.pool.secrets;
			if (input !== null && typeof input === 'object') {
				// An update carries its secrets inside `changes`.
				const changes = (input as { changes?: unknown }).changes;
				for (const holder of [input, changes]) {
					if (holder === null || typeof holder !== 'object') continue;
					for (const key of INPUT_SECRETS) {
						const value = (holder as Record<string, unknown>)[key];
						if (typeof value === 'string' || typeof value === 'number') secrets.add(value);
					}
				}
			}
			throw redactError(err, secrets.list());
		} finally {
			lease.release();
		}
	}

	private assertOpen(): void {
		if (this.closed) throw new SonnysBackofficeError('the client is closed', 'CLIENT_CLOSED');
	}
}
