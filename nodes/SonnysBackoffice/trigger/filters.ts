import type { EmployeeEvent, Site } from '../../../src/models/api';
import { ValidationError } from '../../../src/errors';
import { ALL_SITES } from '../helpers/values';

/** The trigger's filters, read from its parameters. */
export interface TriggerFilters {
	/** Event types to emit. */
	events: Set<string>;
	/** Lower-cased access levels; empty = any. */
	accessLevels: Set<string>;
	/** Chosen site names (as the site picker gives them); empty = any. */
	siteNames: string[];
}

function strings(value: unknown, field: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((v) => {
		if (typeof v !== 'string' && typeof v !== 'number') throw new ValidationError(field, 'must be a list of names');
		return String(v).trim();
	}).filter((v) => v !== '');
}

/** The filters from the node parameters `events` and `filters` (`sites`, `accessLevels`). */
export function readFilters(events: unknown, filters: { sites?: unknown; accessLevels?: unknown }): TriggerFilters {
	const siteNames = strings(filters.sites, 'sites');
	return {
		events: new Set(strings(events, 'events')),
		accessLevels: new Set(strings(filters.accessLevels, 'accessLevels').map((a) => a.toLowerCase())),
		siteNames: siteNames.some((s) => s === ALL_SITES) ? [] : siteNames,
	};
}

/**
 * Site name -> roster short code for the chosen names (the roster lists codes, the picker gives names). A value that
 * is already a short code is taken as is. Throws ValidationError naming an unknown site.
 */
export function siteCodesFor(names: string[], sites: Site[]): Record<string, string> {
	const byName = new Map(sites.map((s) => [s.name.trim().toLowerCase(), s]));
	const byCode = new Map(sites.filter((s) => s.shortCode).map((s) => [s.shortCode!.toLowerCase(), s]));
	const codes: Record<string, string> = {};
	for (const name of names) {
		const site = byName.get(name.toLowerCase()) ?? byCode.get(name.toLowerCase());
		if (site === undefined) throw new ValidationError('sites', `has the site "${name}", which Backoffice does not list`);
		if (!site.shortCode) throw new ValidationError('sites', `has the site "${name}", whose roster short code Backoffice does not show`);
		codes[name] = site.shortCode;
	}
	return codes;
}

/** Whether an event passes the filters: its type is chosen, and the employee before or after matches. */
export function matches(event: EmployeeEvent, filters: TriggerFilters, siteCodes: Set<string>): boolean {
	if (!filters.events.has(event.event)) return false;
	const states = event.previous ? [event.employee, event.previous] : [event.employee];
	if (filters.accessLevels.size > 0 && !states.some((e) => filters.accessLevels.has(e.accessLevel.toLowerCase()))) return false;
	if (siteCodes.size > 0 && !states.some((e) => e.sites.some((code) => siteCodes.has(code.toLowerCase())))) return false;
	return true;
}
