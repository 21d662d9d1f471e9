/**
 * Linear-time text rules shared by every input validator (issue 9): the length caps, checked before any other
 * rule, the single-line rule, B.9's e-mail shape without a backtracking pattern, and quoting input in errors.
 */

/**
 * Length caps of every string input, checked before any other rule (so every check after it is bounded).
 * Form fields use Backoffice's own `maxlength` (protocol A.3); the others are this library's choices:
 * e-mail 254 (RFC 5321 path limit; the form has no maxlength), username 64 (its pattern), passwords 128,
 * template, site and department names 200, the bot login 255.
 */
export const INPUT_LIMITS = {
	firstName: 50,
	lastName: 100,
	phone: 20,
	emergencyContactName: 100,
	adpEmployeeId: 32,
	email: 254,
	username: 64,
	password: 128,
	name: 200,
	botUsername: 255,
	botPassword: 1024,
} as const;

/** Characters no single-line field may hold: C0/C1 controls (CR, LF, TAB, NUL, ...), format characters
 * (zero-width, bidi, BOM, soft hyphen) and the Unicode line/paragraph separators. A browser cannot type them
 * into a one-line input and the next round trip of the form would drop or mangle them. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Why `s` is not a valid single-line value, or undefined. Linear. */
export function singleLineProblem(s: string): string | undefined {
	return INVISIBLE.test(s) ? 'must be a single line without line breaks, control or invisible characters' : undefined;
}

/**
 * B.9's e-mail rule in linear time: no whitespace, exactly one `@` with something before it, and a domain
 * with a dot that is neither its first nor its last character (same answers as EMAIL_PATTERN).
 */
export function isEmailShape(s: string): boolean {
	const at = s.indexOf('@');
	if (at < 1 || s.includes('@', at + 1) || /\s/.test(s)) return false;
	const domain = s.slice(at + 1);
	const dot = domain.indexOf('.', 1);
	return dot !== -1 && dot <= domain.length - 2;
}

/** At most this many characters of an input value are quoted in an error message. */
export const MAX_QUOTED = 60;

/** `value` for an error message: at most MAX_QUOTED characters, the rest elided with its length. */
export function quote(value: string): string {
	return value.length <= MAX_QUOTED ? value : `${value.slice(0, MAX_QUOTED)}… (${value.length} characters)`;
}

/** The trimmed text, or a reason: too long (checked first), or not a single line. */
export function checkText(s: string, max: number): { text: string } | { problem: string } {
	const t = s.trim();
	if (t.length > max) return { problem: `must be at most ${max} characters` };
	const problem = singleLineProblem(t);
	return problem ? { problem } : { text: t };
}

/** Why `s` is not a phone number (B.9: at most 20 characters, 9 or 10 digits once symbols are stripped), or its digits. */
export function phoneDigits(s: string): { digits: string } | { problem: string } {
	if (s.trim().length > INPUT_LIMITS.phone) return { problem: `must be at most ${INPUT_LIMITS.phone} characters` };
	const digits = s.replace(/\D/g, '');
	if (digits.length < 9 || digits.length > 10) return { problem: 'must be 9 or 10 digits after symbols are stripped' };
	return { digits };
}
