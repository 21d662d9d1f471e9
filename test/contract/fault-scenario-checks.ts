/**
 * The shape of a fault-matrix row and the state checks the rows share (./fault-scenarios.ts,
 * ./fault-scenarios-changes.ts): how to judge the emulator's state after a write.
 */
import type { SonnysBackofficeClient } from '../../src/client';
import type { Emu } from './helpers';

/** One write of the fault matrix. */
export interface WriteScenario {
	name: string;
	/** Runs before the learned sequence (caches warmed here are part of the scenario); never faulted. */
	setup?: (client: SonnysBackofficeClient, emu: Emu) => Promise<void>;
	run: (client: SonnysBackofficeClient, emu: Emu) => Promise<unknown>;
	applied: (emu: Emu) => string | undefined;
	truthful: (err: Error & { code?: string }, emu: Emu) => boolean;
	duplicates: (emu: Emu) => string | undefined;
	/** Sampled double faults (default 12); the later rows take fewer to keep `npm test` fast. */
	doubleFaults?: number;
}

/** Double faults sampled for the rows added after the first six (every single fault still runs). */
export const FEWER_DOUBLE_FAULTS = 6;

/** OutcomeUnknownError, or a message matching `re` (what was created or changed). */
export const unknownOr = (re: RegExp) => (err: Error & { code?: string }) => err.code === 'OUTCOME_UNKNOWN' || re.test(err.message);

/** `n what` when more than one was written. */
export function countOf(n: number, what: string): string | undefined {
	return n > 1 ? `${n} ${what}` : undefined;
}

const sortedIds = (ids: readonly number[]) => JSON.stringify([...ids].sort((a, b) => a - b));

/** Whether an employee holds exactly the grants and overrides of POS template `name`. */
export function holdsPosTemplate(emu: Emu, employeeId: number, name: string): boolean {
	const e = emu.state.getEmployee(employeeId)!;
	const t = emu.state.tenant.posTemplates.find((x) => x.name === name)!;
	return sortedIds(e.posGrants) === sortedIds(t.grants) && sortedIds(e.posOverrides) === sortedIds(t.overrides);
}

/** The current (open) wage rate of an employee. */
export const currentWage = (emu: Emu, employeeId: number) => emu.state.getEmployee(employeeId)!.wages.find((w) => w.endDate === null)?.regularRate;

/** Site ids of the named sites. */
export const siteIds = (emu: Emu, names: readonly string[]) => names.map((n) => emu.state.tenant.sites.find((s) => s.name === n)!.id);

/** Undefined when Backoffice user `username` has exactly the tokens of template `template` and the sites `sites`. */
export function boAccess(emu: Emu, username: string, template: string, sites: readonly string[]): string | undefined {
	const u = emu.state.users.find((x) => x.username === username);
	if (!u) return 'the user does not exist';
	const tokens = emu.state.tenant.boTemplates.find((t) => t.name === template)!.tokens;
	if (new Set(u.tokens).size !== new Set(tokens).size || !tokens.every((t) => u.tokens.includes(t))) return `user ${u.id} does not hold the ${template} tokens`;
	if (sortedIds(u.siteIds) !== sortedIds(siteIds(emu, sites))) return `user ${u.id} has sites ${u.siteIds.join(',')}`;
	return undefined;
}

/**
 * Truthful for a multi-phase change (runPhases' "phases applied: a, b; phase c failed" prefix): every phase it claims
 * applied holds in the state, and every phase that holds is claimed, except the failing one under OutcomeUnknownError.
 */
export function truthfulPhases(holds: Record<string, (emu: Emu) => boolean>) {
	return (err: Error & { code?: string }, emu: Emu): boolean => {
		const claimed = /phases applied: ([\w, ]+);/.exec(err.message)?.[1].split(', ') ?? [];
		const failing = /phase (\w+) failed/.exec(err.message)?.[1];
		const actual = Object.keys(holds).filter((p) => holds[p](emu));
		if (claimed.some((p) => !actual.includes(p))) return false;
		return actual.every((p) => claimed.includes(p) || (p === failing && err.code === 'OUTCOME_UNKNOWN'));
	};
}
