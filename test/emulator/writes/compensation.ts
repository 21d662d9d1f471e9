import { parseUsDate, positiveInt, usDateKey } from '../form';
import { bindWageRates, employeeNotFound, fail, ok, postedEmployee, type WriteContext, type WriteOutcome } from './common';

/**
 * `POST /employee/compensation/update` (A.8): each accepted post adds a wage record and ends the previous one the
 * day before the new effective date. A new effective date not strictly after the latest one is silently not applied
 * (documented). ASSUMPTION (E.8): the redirects were never captured; success and the silent no-op go to
 * `/employee/compensation/<id>`, invalid input to `/employee/compensation/<id>?actionXfer=…` with an error flash.
 */
export function compensationUpdate(ctx: WriteContext): WriteOutcome {
	const f = ctx.form;
	const e = postedEmployee(ctx, 'employeeId');
	if (!e) return employeeNotFound();
	const back = `/employee/compensation/${e.id}`;
	const effective = f.text('wage[effectiveDate]');
	if (!parseUsDate(effective)) return fail(back, 'Please enter a valid Effective Date.');
	const rates = bindWageRates(f);
	if (typeof rates === 'string') return fail(back, rates);
	const latest = Math.max(0, ...e.wages.map((w) => usDateKey(w.effectiveDate)));
	if (usDateKey(effective) <= latest) return ok(back);
	const p = parseUsDate(effective)!;
	const dayBefore = new Date(Date.UTC(p.y, p.m - 1, p.d - 1));
	const end = `${String(dayBefore.getUTCMonth() + 1).padStart(2, '0')}/${String(dayBefore.getUTCDate()).padStart(2, '0')}/${dayBefore.getUTCFullYear()}`;
	for (const w of e.wages) if (w.endDate === null) w.endDate = end;
	const site = positiveInt(f.get('wage[siteId]'));
	e.wages.push({
		...rates,
		effectiveDate: effective,
		endDate: null,
		siteId: site !== null && ctx.state.siteById(site) ? site : null,
	});
	return ok(back, 'Compensation has been updated successfully!');
}
