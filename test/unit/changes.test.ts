import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';

import { diffFields, MASKED, sameNameSet, sameValue } from '../../src/models/changes';

describe('diffFields', () => {
	it('lists only the given fields that differ, in the order given, skipping fields absent from after', () => {
		const before = { firstName: 'Ana', lastName: 'Ruiz', phone: '5551234567', email: 'a@x.io' };
		const after = { lastName: 'Ruiz', phone: '5559999999', firstName: 'Anna' };
		expect(diffFields(before, after, ['firstName', 'lastName', 'phone', 'email'])).toEqual({
			firstName: { from: 'Ana', to: 'Anna' },
			phone: { from: '5551234567', to: '5559999999' },
		});
	});
	it('masks secret fields and reports a field that was empty as from null', () => {
		expect(diffFields({ posPin: 1234 }, { posPin: 9876, adpEmployeeId: 'A1' }, ['posPin', 'adpEmployeeId'], { secret: ['posPin'] })).toEqual({
			posPin: { from: MASKED, to: MASKED },
			adpEmployeeId: { from: null, to: 'A1' },
		});
	});
	it('takes a per-field equality (order-free name sets) and compares Decimals by value', () => {
		const changes = diffFields(
			{ sites: ['A', 'B'], wageRate: new Decimal('12.50') },
			{ sites: ['b', 'a'], wageRate: new Decimal('12.5') },
			['sites', 'wageRate'],
			{ equal: { sites: sameNameSet } },
		);
		expect(changes).toEqual({});
	});
	it('sameValue: null and undefined alike, arrays in order', () => {
		expect(sameValue(null, undefined)).toBe(true);
		expect(sameValue([1, 2], [2, 1])).toBe(false);
		expect(sameValue('all', ['all'])).toBe(false);
	});
});
