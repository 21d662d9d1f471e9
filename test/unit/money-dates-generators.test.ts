import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { generatePassword, generatePin, PASSWORD_SYMBOLS } from '../../src/generators';
import { parseBackofficeDate, toBackofficeDate } from '../../src/models/dates';
import { defaultOvertimeRate, formatMoney, toMoney } from '../../src/models/money';

const reason = (fn: () => unknown): string => {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).field).toBe('wageRate');
		return (e as ValidationError).reason;
	}
	throw new Error('expected a ValidationError');
};

describe('toMoney / formatMoney', () => {
	it('accepts Decimal, decimal strings and numbers (through their shortest string form)', () => {
		expect(formatMoney(toMoney(new Decimal('15.5'), 'wageRate'))).toBe('15.50');
		expect(formatMoney(toMoney('15.50', 'wageRate'))).toBe('15.50');
		expect(formatMoney(toMoney(' 7 ', 'wageRate'))).toBe('7.00');
		expect(formatMoney(toMoney('.5', 'wageRate'))).toBe('0.50');
		expect(formatMoney(toMoney('15.', 'wageRate'))).toBe('15.00');
		expect(formatMoney(toMoney(15.5, 'wageRate'))).toBe('15.50');
		expect(formatMoney(toMoney(0.3, 'wageRate'))).toBe('0.30');
		expect(formatMoney(toMoney(0, 'wageRate'))).toBe('0.00');
		expect(formatMoney(toMoney(-0, 'wageRate'))).toBe('0.00');
		expect(formatMoney(toMoney('15.500', 'wageRate'))).toBe('15.50');
		expect(formatMoney(toMoney('999999999.99', 'wageRate'))).toBe('999999999.99');
		expect(toMoney('12.34', 'wageRate')).toBeInstanceOf(Decimal);
	});

	it('refuses more than two decimals rather than rounding', () => {
		expect(reason(() => toMoney('15.505', 'wageRate'))).toMatch(/at most 2 decimal places/);
		expect(reason(() => toMoney(15.505, 'wageRate'))).toMatch(/at most 2 decimal places/);
		expect(reason(() => toMoney(0.1 + 0.2, 'wageRate'))).toMatch(/at most 2 decimal places/);
		expect(reason(() => toMoney(new Decimal('1.001'), 'wageRate'))).toMatch(/at most 2 decimal places/);
	});

	it('refuses negatives, too large, non-finite and malformed values', () => {
		expect(reason(() => toMoney(-1, 'wageRate'))).toBe('must be 0 or more');
		expect(reason(() => toMoney(new Decimal(-0.01), 'wageRate'))).toBe('must be 0 or more');
		expect(reason(() => toMoney('1000000000', 'wageRate'))).toBe('must be at most 999999999.99');
		expect(reason(() => toMoney(1e21, 'wageRate'))).toBe('must be at most 999999999.99');
		expect(reason(() => toMoney(Number.POSITIVE_INFINITY, 'wageRate'))).toBe('must be a finite number');
		expect(reason(() => toMoney(Number.NaN, 'wageRate'))).toBe('must be a finite number');
		expect(reason(() => toMoney(new Decimal(Number.NaN), 'wageRate'))).toBe('must be a finite number');
		for (const bad of ['', '-1', '+1', '1e3', '$15', '15,50', '1,000.00', 'abc', '1.2.3', ' . ']) {
			expect(reason(() => toMoney(bad, 'wageRate'))).toMatch(/decimal amount/);
		}
		expect(reason(() => toMoney({} as unknown as string, 'wageRate'))).toMatch(/must be a number/);
	});

	it('formats half up and computes the default overtime (1.5x, half up to cents)', () => {
		expect(formatMoney(new Decimal('1.005'))).toBe('1.01');
		expect(formatMoney(new Decimal('2.675'))).toBe('2.68');
		expect(defaultOvertimeRate(new Decimal('10.00')).toFixed(2)).toBe('15.00');
		expect(defaultOvertimeRate(new Decimal('17.25')).toFixed(2)).toBe('25.88');
		expect(defaultOvertimeRate(new Decimal('15.50')).toFixed(2)).toBe('23.25');
		expect(defaultOvertimeRate(new Decimal('0.03')).toFixed(2)).toBe('0.05');
		expect(defaultOvertimeRate(new Decimal('1.00')).toFixed(2)).toBe('1.50');
	});
});

describe('toBackofficeDate / parseBackofficeDate', () => {
	const bad = (input: Date | string) => {
		try {
			toBackofficeDate(input, 'startDate');
		} catch (e) {
			expect((e as ValidationError).field).toBe('startDate');
			return (e as ValidationError).reason;
		}
		throw new Error('expected a ValidationError');
	};

	it('ISO dates are taken as the calendar date written', () => {
		expect(toBackofficeDate('2026-05-01', 'startDate')).toBe('05/01/2026');
		expect(toBackofficeDate(' 2024-02-29 ', 'startDate')).toBe('02/29/2024');
		expect(toBackofficeDate('2026-12-31', 'startDate')).toBe('12/31/2026');
	});

	it('timestamps give the date written in them, not a UTC-shifted one', () => {
		expect(toBackofficeDate('2026-05-01T23:30:00-05:00', 'startDate')).toBe('05/01/2026');
		expect(toBackofficeDate('2026-05-01T00:30:00+09:00', 'startDate')).toBe('05/01/2026');
		expect(toBackofficeDate('2026-05-01T12:00:00.000Z', 'startDate')).toBe('05/01/2026');
		expect(toBackofficeDate('2026-05-01T12:00', 'startDate')).toBe('05/01/2026');
		expect(toBackofficeDate('2026-05-01 08:00:00', 'startDate')).toBe('05/01/2026');
	});

	it('Date objects give their local calendar date', () => {
		expect(toBackofficeDate(new Date(2026, 4, 1, 23, 59), 'startDate')).toBe('05/01/2026');
		expect(toBackofficeDate(new Date(2026, 0, 1, 0, 0), 'startDate')).toBe('01/01/2026');
	});

	it('refuses impossible dates and other formats', () => {
		expect(bad('2026-02-30')).toBe('is not a real calendar date');
		expect(bad('2025-02-29')).toBe('is not a real calendar date');
		expect(bad('2026-13-01')).toBe('is not a real calendar date');
		expect(bad('2026-00-10')).toBe('is not a real calendar date');
		expect(bad('2026-04-31T10:00:00Z')).toBe('is not a real calendar date');
		expect(bad('2026-05-01T25:00:00Z')).toBe('is not a valid ISO timestamp');
		expect(bad('05/01/2026')).toMatch(/YYYY-MM-DD/);
		expect(bad('May 1 2026')).toMatch(/YYYY-MM-DD/);
		expect(bad('')).toMatch(/YYYY-MM-DD/);
		expect(bad(new Date(Number.NaN))).toBe('is an invalid Date');
		expect(bad('1850-01-01')).toMatch(/between 1900 and 2100/);
	});

	it('parses Backoffice dates to ISO', () => {
		expect(parseBackofficeDate('04/13/2026')).toBe('2026-04-13');
		expect(parseBackofficeDate(' 06/16/2026 ')).toBe('2026-06-16');
		expect(parseBackofficeDate('02/30/2026')).toBeUndefined();
		expect(parseBackofficeDate('')).toBeUndefined();
		expect(parseBackofficeDate('2026-04-13')).toBeUndefined();
	});
});

describe('generators (B.13)', () => {
	it('PINs are integers uniformly spread over 10000-99999', () => {
		const pins = Array.from({ length: 5000 }, () => generatePin());
		for (const pin of pins) {
			expect(Number.isInteger(pin)).toBe(true);
			expect(pin).toBeGreaterThanOrEqual(10000);
			expect(pin).toBeLessThanOrEqual(99999);
		}
		expect(new Set(pins).size).toBeGreaterThan(4500);
		// Each of the 9 ten-thousands gets a fair share (about 555 each).
		const buckets = new Array(9).fill(0);
		for (const pin of pins) buckets[Math.floor((pin - 10000) / 10000)] += 1;
		for (const count of buckets) expect(count).toBeGreaterThan(400);
	});

	it('passwords: 12 characters, letter + digit + symbol, allowed alphabet only, random', () => {
		const allowed = new RegExp(`^[A-Za-z0-9${PASSWORD_SYMBOLS.replace(/[-[\]\\^]/g, '\\$&')}]+$`);
		const seen = new Set<string>();
		for (let i = 0; i < 500; i += 1) {
			const password = generatePassword();
			expect(password).toHaveLength(12);
			expect(password).toMatch(/[A-Za-z]/);
			expect(password).toMatch(/\d/);
			expect([...password].some((c) => PASSWORD_SYMBOLS.includes(c))).toBe(true);
			expect(password).toMatch(allowed);
			seen.add(password);
		}
		expect(seen.size).toBe(500);
		expect(generatePassword(20)).toHaveLength(20);
		expect(() => generatePassword(2)).toThrow(RangeError);
	});
});
