import { randomBytes } from 'node:crypto';
import { money, positiveInt, type Form } from '../form';
import type { Flash } from '../html';
import type { EmulatorState } from '../state';
import type { EmployeeRecord, WageRecord } from '../types';

/** What a write handler decides: a 302 target plus flashes for the next page. */
export interface WriteOutcome {
	location: string;
	flashes: Flash[];
}

export interface WriteContext {
	state: EmulatorState;
	form: Form;
	/** Backoffice user id of the logged-in session. */
	userId: number;
	/** Paths (without query) this session has loaded with GET. */
	visited: Set<string>;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An 8-character alphanumeric `actionXfer` token (protocol A.0). */
export function actionXfer(): string {
	const bytes = randomBytes(8);
	let s = '';
	for (const b of bytes) s += ALNUM[b % ALNUM.length];
	return s;
}

export function ok(location: string, message?: string): WriteOutcome {
	return { location, flashes: message ? [{ type: 'success', message }] : [] };
}

/** The server's failure pattern: 302 back to the form with `actionXfer` and an error flash (protocol A.0). */
export function fail(path: string, message: string, extraQuery = ''): WriteOutcome {
	return { location: `${path}?${extraQuery}actionXfer=${actionXfer()}`, flashes: [{ type: 'error', message }] };
}

/** The employee whose id is posted under `key`, if it exists. */
export function postedEmployee(ctx: WriteContext, key: string): EmployeeRecord | undefined {
	const id = positiveInt(ctx.form.get(key));
	return id === null ? undefined : ctx.state.getEmployee(id);
}

/** ASSUMPTION: an unknown employee id in a write was never captured; bounce to the roster with an error flash. */
export function employeeNotFound(): WriteOutcome {
	return fail('/employee', 'Unable to locate employee');
}

export type WageRates = Pick<WageRecord, 'isHourly' | 'regularRate' | 'overtimeEligible' | 'overtimeRate'>;

/**
 * Binds the `wage[…]` rate fields the create form and the add-wage form share; an error message naming the field
 * when a rate is invalid. The overtime rate is kept only when overtime is on (presence binding).
 */
export function bindWageRates(f: Form): WageRates | string {
	const rate = money(f.get('wage[regularRate]'));
	if (rate === null) return 'Please enter a valid Effective Hourly Rate.';
	const eligible = f.has('wage[isOvertimeEligible]');
	const overtimeRate = f.has('wage[overtimeRate]') ? money(f.get('wage[overtimeRate]')) : null;
	if (eligible && overtimeRate === null) return 'Please enter a valid Overtime Rate.';
	return {
		isHourly: f.get('wage[isHourly]') !== '0',
		regularRate: rate,
		overtimeEligible: eligible,
		overtimeRate: eligible ? overtimeRate : null,
	};
}
