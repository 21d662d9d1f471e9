import type { Pairs } from './helpers';

/** A valid create body in the wrapper's v0.7.2 shape; `sites` = the per-site/roll-up fields to append. */
export function createBody(over: Partial<Record<string, string>> = {}, sites: Pairs = [['employee[isAllRegionsAllowed]', '1']]): Pairs {
	const base: Record<string, string> = {
		'employee[firstName]': 'Test',
		'employee[lastName]': 'Person',
		'employee[phone]': '5555559999',
		'employee[email]': 'test.person@example.invalid',
		'employee[startDate]': '05/01/2026',
		'posCredential[POSLoginID]': '88001',
		'posCredential[POSLoginPassword]': '12345',
		'wage[isHourly]': '1',
		'wage[regularRate]': '15.50',
		'wage[overtimeRate]': '23.25',
		'wage[isOvertimeEligible]': '1',
		'wage[siteId]': '17',
		...over,
	};
	const pairs: Pairs = Object.entries(base).filter(([, v]) => v !== '__omit__') as Pairs;
	pairs.push(['employee[departments][]', '3']);
	return [...pairs, ...sites];
}

/** WashU site ids by region (1: 17-20 in district 1; 2: the rest in district 2). */
export const REGION1 = [17, 18, 19, 20];
export const REGION2 = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

/** The v0.7.2 encoding of a restricted set on WashU (protocol A.3.2). */
export function encodeSites(granted: number[]): Pairs {
	const g = new Set(granted);
	const pairs: Pairs = [];
	if (!REGION1.some((s) => g.has(s))) pairs.push(['employee[disabledRegions][]', '1']);
	if (!REGION2.some((s) => g.has(s))) pairs.push(['employee[disabledRegions][]', '2']);
	if (!REGION1.some((s) => g.has(s))) pairs.push(['employee[disabledDistricts][]', '1']);
	if (!REGION2.some((s) => g.has(s))) pairs.push(['employee[disabledDistricts][]', '2']);
	for (const s of [...REGION2, ...REGION1].sort((a, b) => a - b)) {
		pairs.push(g.has(s) ? [`employee[sites][${s}][siteId]`, String(s)] : [`employee[sites][${s}][isAvailable]`, String(s)]);
	}
	return pairs;
}
