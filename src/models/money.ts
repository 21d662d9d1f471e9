/** Money as Decimal end to end (conventions rule 6): parse, check, format. No float arithmetic. */
import Decimal from 'decimal.js';
import { ValidationError } from '../errors';

/** Largest amount Backoffice's wage inputs accept (`max="999999999.99"`, A.3). */
export const MAX_MONEY = new Decimal('999999999.99');

const DECIMAL_TEXT = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Check and convert a money input (Decimal, decimal string such as "15.50", or number) to a Decimal.
 * Finite, >= 0, <= 999999999.99, at most two decimal places: "15.505" is refused rather than rounded.
 * A number is read through its shortest string form (15.5 -> "15.5"), never through float arithmetic.
 * Throws ValidationError naming `field`.
 */
export function toMoney(input: Decimal | string | number, field: string): Decimal {
	let value: Decimal;
	if (Decimal.isDecimal(input)) {
		value = new Decimal(input);
	} else if (typeof input === 'number') {
		if (!Number.isFinite(input)) throw new ValidationError(field, 'must be a finite number');
		value = new Decimal(String(input));
	} else if (typeof input === 'string') {
		const text = input.trim();
		if (!DECIMAL_TEXT.test(text)) {
			throw new ValidationError(field, 'must be a decimal amount in dollars such as "15.50" (digits and one dot, no sign or currency symbol)');
		}
		value = new Decimal(text);
	} else {
		throw new ValidationError(field, 'must be a number, a decimal string or a Decimal');
	}
	if (!value.isFinite()) throw new ValidationError(field, 'must be a finite number');
	if (value.isNegative() && !value.isZero()) throw new ValidationError(field, 'must be 0 or more');
	if (value.greaterThan(MAX_MONEY)) throw new ValidationError(field, 'must be at most 999999999.99');
	if (value.decimalPlaces() > 2) {
		throw new ValidationError(field, 'must have at most 2 decimal places (cents); it is not rounded silently');
	}
	return value.isZero() ? new Decimal(0) : value;
}

/** Format money with exactly two decimals, rounding half up: `15.5` -> `"15.50"`. */
export function formatMoney(value: Decimal): string {
	return value.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** The default overtime rate: `rate x 1.5` rounded half up to cents (B.4). */
export function defaultOvertimeRate(rate: Decimal): Decimal {
	return rate.times(new Decimal('1.5')).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
