/**
 * The one move every write of a change is made of (update, reactivate, disable, create-or-update, Backoffice access):
 * a loaded form (or a full body built from a page) with an overlay of changed fields becomes both
 * - the plan: `POST path` and the NAMES of the fields whose submitted values change (never a value: a PIN or a
 *   password may be among them), which is what a dry run returns; and
 * - the execution: post once, read back, compare field by field; a field that does not hold is a VerificationError
 *   naming the phase and the field. Nothing is re-sent blindly (see `postThenReadBack`).
 */
import type { Pairs } from '../html/form';
import type { PlannedRequest } from '../models/changes';

export type { PlannedRequest } from '../models/changes';
import type { OperationContext } from './context';
import { withMessagePrefix } from './error-context';
import { afterAcceptedWrite, notAppliedError, postThenReadBack, type CheckedUpdate } from './write-outcome';

/** A field that reads back other than intended. `detail` must not contain a secret. */
export interface FieldMismatch {
	field: string;
	detail?: string;
}

/** One write of a phase: the body before and after the overlay, how to read it back and what must hold. */
export interface Submission<R> extends CheckedUpdate<R> {
	phase: string;
	/** What the page would submit without the change (the same normalisation as `pairs`, without the overlay). */
	before: Pairs;
	/** The fields of the read-back that do not hold what was sent (empty = verified). */
	verify: (after: R) => FieldMismatch[];
}

/**
 * `idempotent` and `applied` for an absolute-state submission (an edit-form round trip, a full permission matrix):
 * the same body gives the same state, so `postThenReadBack` may send it again once the read-back proves an ambiguous
 * attempt did not apply; applied = nothing fails verification. Never for a write that adds a record (a wage).
 */
export function absoluteState<R>(verify: (after: R) => FieldMismatch[]): Pick<Submission<R>, 'idempotent' | 'applied'> {
	return { idempotent: true, applied: (after) => verify(after).length === 0 };
}

/**
 * Names whose submitted values differ between two bodies (added, removed or changed; repeated names compared as
 * ordered lists), in the order they appear in `after`, then names only in `before`. Linear in the body size.
 */
export function changedFieldNames(before: Pairs, after: Pairs): string[] {
	const group = (pairs: Pairs) => {
		const map = new Map<string, string[]>();
		for (const [name, value] of pairs) map.set(name, [...(map.get(name) ?? []), value]);
		return map;
	};
	const a = group(before);
	const b = group(after);
	const changed: string[] = [];
	for (const [name, values] of b) {
		const old = a.get(name);
		if (!old || old.length !== values.length || old.some((v, i) => v !== values[i])) changed.push(name);
	}
	for (const name of a.keys()) if (!b.has(name)) changed.push(name);
	return changed;
}

/** The plan of one submission: method, path and changed field names. */
export function planOf(s: Pick<Submission<unknown>, 'phase' | 'path' | 'before' | 'pairs'>): PlannedRequest {
	return { phase: s.phase, method: 'POST', path: s.path, fields: changedFieldNames(s.before, s.pairs) };
}

/**
 * Posts once and reads back; every field `verify` names is a failure. Returns the read-back and the warnings
 * (an ambiguous failure the read-back proved harmless). An error names the phase and the first field.
 */
export async function submitAndVerify<R>(ctx: OperationContext, s: Submission<R>): Promise<{ after: R; warnings: string[] }> {
	const { after, failure, resentAfter } = await postThenReadBack(ctx, s);
	const wrong = s.verify(after);
	if (wrong.length > 0) {
		const fields = wrong.map((w) => (w.detail ? `${w.field} (${w.detail})` : w.field)).join(', ');
		throw notAppliedError(
			s,
			failure,
			`${s.phase}: ${s.action} ${failure ? `failed (${failure.message}) and ` : 'was accepted but '}reading ${s.readBackPath} back shows ${fields} not as sent; the request was not re-sent`,
		);
	}
	const warnings = resentAfter.map((f) => `${s.phase}: ${s.action} failed (${f.message}) and did not apply; it was sent again`);
	if (failure) warnings.push(`${s.phase}: ${s.action} failed (${failure.message}) but reading it back shows it applied`);
	return { after, warnings };
}

/**
 * Runs the submissions of several phases in order, each verified before the next. A failure says which phases were
 * applied and which were not (the failing one's outcome as the error tells it); nothing is rolled back or re-sent.
 */
export async function runPhases(
	ctx: OperationContext,
	what: string,
	submissions: ReadonlyArray<Submission<unknown>>,
): Promise<{ applied: string[]; warnings: string[] }> {
	const applied: string[] = [];
	const warnings: string[] = [];
	for (const [i, s] of submissions.entries()) {
		try {
			warnings.push(...(await submitAndVerify(ctx, s)).warnings);
		} catch (err) {
			const rest = submissions.slice(i + 1).map((x) => x.phase);
			const done = applied.length > 0 ? `phases applied: ${applied.join(', ')}` : 'no earlier phase was applied';
			const notDone = `phase ${s.phase} failed${rest.length > 0 ? `, not applied: ${rest.join(', ')}` : ''}`;
			// After an applied phase, the failure contract applies (docs/client.md): verdicts keep their class, anything
			// else becomes OutcomeUnknownError, each saying what was applied.
			const prefix = `${what}: ${done}; ${notDone}: `;
			throw applied.length > 0 ? afterAcceptedWrite(err, prefix) : withMessagePrefix(err, prefix);
		}
		applied.push(s.phase);
	}
	return { applied, warnings };
}
