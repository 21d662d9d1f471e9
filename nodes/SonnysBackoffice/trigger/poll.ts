import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AuthenticationError, LoginSkippedError } from '../../../src/errors';
import type { EmployeeEvent, EmployeeSummary, RosterSnapshot, SonnysBackofficeClientApi } from '../../../src/models/api';
import type { CredentialParts, LoginRefusal } from '../../../src/session/login-backoff';
import { clientOptions, CREDENTIAL_TYPE, loadCore } from '../helpers/client';
import { toNodeError } from '../helpers/errors';
import { matches, readFilters, siteCodesFor, type TriggerFilters } from './filters';

/**
 * The trigger nodes with a scheduled poll under way in this process. n8n starts a poll on schedule even while the
 * previous one still runs (a slow Backoffice); both would compare with the same snapshot and report the same events
 * twice, so the later one yields nothing and the next poll after it reports what changed.
 */
const pollsUnderWay = new Set<string>();

/** How long the site-name -> short-code map of a site filter is trusted before it is read again. */
const SITE_CODES_TTL_MS = 24 * 60 * 60_000;

/**
 * What the trigger keeps in the workflow's static data (`getWorkflowStaticData('node')`): the roster snapshot of the
 * last successful poll, the last refused login (a salted fingerprint, never the password), and the short codes of
 * the sites a filter names.
 */
interface TriggerState extends IDataObject {
	snapshot?: RosterSnapshot & IDataObject;
	loginRefused?: LoginRefusal & IDataObject;
	siteCodes?: { at: string; byName: Record<string, string> };
}

/** One output item: the event, the employee's summary, and `{ from, to }` per changed field. */
function toItem(event: EmployeeEvent): INodeExecutionData {
	const json: IDataObject = { event: event.event, ...event.employee };
	if (event.changes) json.changes = event.changes as IDataObject;
	return { json };
}

async function siteCodes(
	client: SonnysBackofficeClientApi,
	filters: TriggerFilters,
	state: TriggerState,
	now: Date,
): Promise<Set<string>> {
	if (filters.siteNames.length === 0) return new Set();
	const cached = state.siteCodes;
	const fresh = cached !== undefined && now.getTime() - Date.parse(cached.at) < SITE_CODES_TTL_MS;
	let byName = fresh && filters.siteNames.every((n) => n in cached.byName) ? cached.byName : undefined;
	if (byName === undefined) {
		byName = siteCodesFor(filters.siteNames, await client.listSites());
		state.siteCodes = { at: now.toISOString(), byName };
	}
	return new Set(filters.siteNames.map((n) => byName[n].toLowerCase()));
}

/**
 * "Fetch Test Event": the newest employee (highest id) that matches the filters, as a sample of the first chosen
 * event; for Employee Deactivated preferably an inactive one, for the others an active one.
 */
function sample(this: IPollFunctions, employees: EmployeeSummary[], filters: TriggerFilters, codes: Set<string>): INodeExecutionData[][] {
	const event = [...filters.events][0] ?? 'newEmployee';
	const only = { ...filters, events: new Set([event]) };
	const candidates = employees
		.map((employee) => ({ event, employee }) as EmployeeEvent)
		.filter((candidate) => matches(candidate, only, codes))
		.reverse();
	const wantsActive = event !== 'employeeDeactivated';
	const chosen = candidates.find((c) => c.employee.isActive === wantsActive) ?? candidates[0];
	if (chosen !== undefined) return [[toItem(chosen)]];
	throw new NodeOperationError(this.getNode(), 'No employee in Backoffice matches the filters', {
		description: 'The sample is the newest employee that matches the Site and Access Level filters. Widen the filters.',
	});
}

/**
 * One poll: one roster read compared with the snapshot of the previous poll. The first poll records the baseline and
 * emits nothing; a failed poll keeps the previous snapshot, so the next one reports what this one missed. A refused
 * login is remembered, and no login is attempted with the same credential until it changes or the backoff passes.
 */
export async function pollRoster(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const manual = this.getMode() === 'manual';
	if (manual) return await pollOnce.call(this, true);
	const key = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (pollsUnderWay.has(key)) return null;
	pollsUnderWay.add(key);
	try {
		return await pollOnce.call(this, false);
	} finally {
		pollsUnderWay.delete(key);
	}
}

async function pollOnce(this: IPollFunctions, manual: boolean): Promise<INodeExecutionData[][] | null> {
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const now = new Date();
	let client: SonnysBackofficeClientApi | undefined;
	let parts: CredentialParts | undefined;
	// The core client is loaded on first use (helpers/client.ts), never when n8n reads the node's description.
	const core = loadCore();
	try {
		const options = clientOptions(await this.getCredentials(CREDENTIAL_TYPE));
		const filters = readFilters(this.getNodeParameter('events', []), this.getNodeParameter('filters', {}) as IDataObject);
		client = new core.SonnysBackofficeClient(options);
		parts = { origin: core.resolveBaseUrl(options.subdomain, options.baseUrl), username: options.username, password: options.password };
		// A person pressing "Fetch Test Event" may try the credential again; unattended polls may not.
		if (!manual) core.assertLoginAllowed(state.loginRefused, parts, now);
		const result = await client.pollEmployeeChanges(manual ? null : state.snapshot);
		const codes = await siteCodes(client, filters, state, now);
		if (manual) return sample.call(this, result.employees, filters, codes);
		delete state.loginRefused;
		state.snapshot = result.snapshot as TriggerState['snapshot'];
		const items = result.events.filter((e) => matches(e, filters, codes)).map(toItem);
		return items.length > 0 ? [items] : null;
	} catch (error) {
		const refused = error instanceof AuthenticationError && !(error instanceof LoginSkippedError);
		if (refused && !manual && parts !== undefined) {
			state.loginRefused = core.recordLoginRefusal(state.loginRefused, parts, now) as TriggerState['loginRefused'];
		}
		throw toNodeError(this.getNode(), error, 0);
	} finally {
		await client?.close();
	}
}
