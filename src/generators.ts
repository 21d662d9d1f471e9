/** Secret generators (protocol B.13): cryptographically random, uniform. */
import { randomInt } from 'node:crypto';

/** Symbols a generated Backoffice password may contain (B.13). */
export const PASSWORD_SYMBOLS = '!@#$%^&*()_+=-[]{};:,.<>?';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALPHABET = LETTERS + DIGITS + PASSWORD_SYMBOLS;

/** A 5-digit POS PIN, uniform in 10000-99999 (crypto). */
export function generatePin(): number {
	return randomInt(10000, 100000);
}

/**
 * A 12-character Backoffice password from letters, digits and `!@#$%^&*()_+=-[]{};:,.<>?`, drawn
 * uniformly (crypto) and redrawn until it has at least one letter, one digit and one symbol.
 */
export function generatePassword(length = 12): string {
	if (!Number.isSafeInteger(length) || length < 3) throw new RangeError('password length must be at least 3');
	for (;;) {
		let password = '';
		for (let i = 0; i < length; i += 1) password += ALPHABET[randomInt(ALPHABET.length)];
		if (/[A-Za-z]/.test(password) && /\d/.test(password) && [...password].some((c) => PASSWORD_SYMBOLS.includes(c))) {
			return password;
		}
	}
}
