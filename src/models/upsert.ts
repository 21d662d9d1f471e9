/**
 * `upsertEmployee` ("Create or Update"): its input, its result, and the validation of what it adds to the create
 * fields. Keyed by POS user ID; see docs/client.md "upsertEmployee".
 */
import { z } from 'zod/v4';
import type { ChangeApplied, CreateEmployeeInput, EmployeeCreated } from './api';
import type { Changes, PlannedRequest } from './changes';
import { keysOf, parseWith } from './validation';

/** Input of `upsertEmployee`: the fields of `createEmployee`, keyed by `posUserId`, plus what decides an update. */
export interface UpsertEmployeeInput extends CreateEmployeeInput {
	/** An inactive employee with this POS user ID is reactivated (with the changes). Default false: updated, stays inactive. */
	reactivate?: boolean;
	/**
	 * Also set the PIN of an existing employee to `posPin` (default false: an update never touches the PIN, which the
	 * employee may have been told; a create uses `posPin` or generates one).
	 */
	updatePosPin?: boolean;
	/** Validate and read, return what would be done, write nothing. */
	dryRun?: boolean;
}

/** What `upsertEmployee` did (or, in a dry run, would do). */
export type UpsertAction = 'created' | 'updated' | 'unchanged' | 'reactivated';

/** Result of `upsertEmployee`. */
export interface EmployeeUpserted extends Partial<Omit<EmployeeCreated, 'employeeId' | 'posUserId' | 'warnings' | 'sitesGranted'>> {
	action: UpsertAction;
	/** The employee's internal id (null only in the dry run of a create). */
	employeeId: number | null;
	posUserId: number;
	/** Created: the sites granted (`'all'` in the dry run of a create on every site). */
	sitesGranted?: string[] | 'all';
	/** For each field written (or that would be), `{ from, to }`; on a create every field from `null`. PINs as `'*****'`. */
	changes: Changes;
	/** Update and reactivation: what was written, in order (empty when unchanged and in a dry run). */
	changesApplied: ChangeApplied[];
	/** ISO date of a new wage record, when one was (or would be) written by an update. */
	wageEffectiveDate?: string;
	/** Dry run: the requests that would be sent. */
	plannedRequests?: PlannedRequest[];
	dryRun: boolean;
	warnings: string[];
}

const UPSERT_KEYS = ['reactivate', 'updatePosPin', 'dryRun'] as const;

const upsertExtrasShape = z.object({
	reactivate: z.boolean().nullish(),
	updatePosPin: z.boolean().nullish(),
	dryRun: z.boolean().nullish(),
});

/** Splits an upsert input into the create fields (validated by the caller) and the upsert switches (validated here). */
export function splitUpsertInput(input: unknown): {
	create: CreateEmployeeInput;
	reactivate: boolean;
	updatePosPin: boolean;
	dryRun: boolean;
} {
	const record = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
	const extras = parseWith(upsertExtrasShape, Object.fromEntries(UPSERT_KEYS.map((k) => [k, record[k]])), keysOf(upsertExtrasShape));
	const create = Object.fromEntries(Object.entries(record).filter(([k]) => !(UPSERT_KEYS as readonly string[]).includes(k)));
	return {
		create: create as unknown as CreateEmployeeInput,
		reactivate: extras.reactivate ?? false,
		updatePosPin: extras.updatePosPin ?? false,
		dryRun: extras.dryRun ?? false,
	};
}
