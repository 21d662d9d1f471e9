import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { parseForm } from '../../src/html/form';
import { validateChanges } from '../../src/models/update-schema';
import { changedFieldNames, planOf } from '../../src/operations/form-submission';

const page = (inner: string) => `<html><body><form id="f" action="/x" method="post">${inner}</form></body></html>`;

describe('changedFieldNames / planOf: the plan names fields, never values', () => {
	it('names added, removed and changed fields in body order; repeated names compare as lists', () => {
		const before: Array<[string, string]> = [['a', '1'], ['d[]', '1'], ['d[]', '3'], ['pin', '12345'], ['gone', 'x']];
		const after: Array<[string, string]> = [['a', '1'], ['d[]', '3'], ['d[]', '1'], ['pin', '54321'], ['new', '1']];
		expect(changedFieldNames(before, after)).toEqual(['d[]', 'pin', 'new', 'gone']);
		expect(changedFieldNames(before, before)).toEqual([]);
		const plan = planOf({ phase: 'properties', path: '/employee/update', before, pairs: after });
		expect(plan).toEqual({ phase: 'properties', method: 'POST', path: '/employee/update', fields: ['d[]', 'pin', 'new', 'gone'] });
		expect(JSON.stringify(plan)).not.toContain('54321');
	});
});

describe('FormModel.replaceGroup: a re-encoded group keeps its place in page order', () => {
	it('replaces the group where its first control is', () => {
		const form = parseForm(page('<input name="a" value="1"><input type="checkbox" name="s[1]" checked><input type="hidden" name="s[2]" value="2"><input name="z" value="9">'), '#f');
		form.replaceGroup((n) => n.startsWith('s['), [['s[all]', '1'], ['s[x]', '2']]);
		expect(form.pairs()).toEqual([['a', '1'], ['s[all]', '1'], ['s[x]', '2'], ['z', '9']]);
		form.replaceGroup((n) => n.startsWith('q['), [['q[1]', '1']]);
		expect(form.pairs().at(-1)).toEqual(['q[1]', '1']);
	});
});

describe('validateChanges: the create rules, field named changes.<field>', () => {
	it('normalises like create and keeps only the given fields', () => {
		const v = validateChanges({ phone: '(615) 555-0101', departments: ['Line', 'Line'], wageRate: '17.25', adpEmployeeId: '', posPin: 12345 }, true);
		expect(v).toEqual({ phone: '6155550101', departments: ['Line', 'Greeter'], wageRate: new Decimal('17.25'), adpEmployeeId: '', posPin: 12345 });
	});

	it.each([
		[{}, 'changes'],
		[{ phone: '123' }, 'changes.phone'],
		[{ email: 'nope' }, 'changes.email'],
		[{ posPin: 123 }, 'changes.posPin'],
		[{ firstName: ' ' }, 'changes.firstName'],
		[{ availableSites: [] }, 'changes.availableSites'],
		[{ wageRate: '1.234' }, 'changes.wageRate'],
		[{ overtimeWageRate: '20' }, 'changes.overtimeWageRate'],
		[{ wageEffectiveDate: '2026-05-01' }, 'changes.wageEffectiveDate'],
		[{ emergencyContactPhone: '12' }, 'changes.emergencyContactPhone'],
		[{ nickname: 'x' }, 'changes.nickname'],
	])('refuses %j naming %s', (changes, field) => {
		let err: unknown;
		try {
			validateChanges(changes, true);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).field).toBe(field);
	});

	it('a reactivation may come without changes', () => {
		expect(validateChanges(undefined, false)).toEqual({});
		expect(() => validateChanges(undefined, true)).toThrow(/changes/);
	});
});
