/** Redaction of secrets from errors (the client's last line of defence). */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConnectionError, DuplicateError, RejectedByServerError } from '../../src/errors';
import { parseFlashes } from '../../src/html/flash';
import { SecretRegistry, redactError, redactText } from '../../src/session/redact';

describe('redactError', () => {
	it('returns a clean error unchanged (same object)', () => {
		const err = new ConnectionError('POST /employee/insert: connection failed (ECONNRESET)');
		expect(redactError(err, ['S3cret-pw'])).toBe(err);
	});

	it('masks message, stack, string fields and the whole cause chain; keeps class, code and fields', () => {
		const raw = Object.assign(new Error('socket hang up'), { headers: { cookie: 'PHPSESSID=abcdef123456' }, code: 'ECONNRESET' });
		const mid = new ConnectionError('failed near PHPSESSID=abcdef123456', { cause: raw });
		const err = new RejectedByServerError('Backoffice refused the new employee', 'PIN 86420 is not allowed');
		Object.defineProperty(err, 'cause', { value: mid, enumerable: false, writable: true, configurable: true });
		const clean = redactError(err, ['abcdef123456', '86420']);
		expect(clean).not.toBe(err);
		expect(clean).toBeInstanceOf(RejectedByServerError);
		expect(clean.code).toBe('REJECTED_BY_SERVER');
		expect(clean.flash).toBe('PIN [redacted] is not allowed');
		expect(clean.message).toBe('Backoffice refused the new employee: PIN [redacted] is not allowed');
		expect(clean.stack).toContain('PIN [redacted]');
		const text = inspect(clean, { depth: null, showHidden: true }) + JSON.stringify(clean) + String(clean);
		expect(text).not.toContain('86420');
		expect(text).not.toContain('abcdef123456');
		const cause = clean.cause as ConnectionError;
		expect(cause).toBeInstanceOf(ConnectionError);
		expect((cause.cause as { code: string }).code).toBe('ECONNRESET');
		// the original is untouched
		expect(err.flash).toBe('PIN 86420 is not allowed');
	});

	it('DuplicateError keeps field and value', () => {
		const err = new DuplicateError('email', 'a@b.co', 'email=a@b.co: taken (password hunter2!)');
		const clean = redactError(err, ['hunter2!']);
		expect(clean).toMatchObject({ field: 'email', value: 'a@b.co', code: 'DUPLICATE' });
		expect(clean.message).toBe('email=a@b.co: taken (password [redacted])');
	});

	it('ignores values too short to redact safely; masks a longer secret whole before a shorter one inside it', () => {
		const reg = new SecretRegistry();
		reg.add('abc');
		reg.add('12345');
		reg.add('x12345y');
		reg.add(undefined);
		expect(reg.list()).toEqual(['x12345y', '12345']);
		expect(redactText('pin x12345y and 12345, abc', reg.list())).toBe('pin [redacted] and [redacted], abc');
	});

	it('a numeric secret (a PIN) is masked only as a whole number, never inside a longer id', () => {
		expect(redactText('employee 486420 (POS user ID 86420), user 2986420', ['86420'])).toBe('employee 486420 (POS user ID [redacted]), user 2986420');
		const err = new ConnectionError('user 2986420 failed');
		expect(redactError(err, ['86420'])).toBe(err);
	});

	it('forgets the oldest values beyond its capacity', () => {
		const reg = new SecretRegistry(2);
		reg.add('first-secret');
		reg.add('second-secret');
		reg.add('third-secret');
		expect(reg.list().sort()).toEqual(['second-secret', 'third-secret']);
	});
});

describe('secrets echoed with whitespace changes (issue 9.3)', () => {
	const secrets = ['two  spaces\tand tabs', ' padded ', 'Bo  Pass\u00a0word!9'];
	const page = (s: string) =>
		`<html><body><div class="alerts alerts-server"><div class="alert alert-danger"><p>The password ${s} is not allowed</p></div></div></body></html>`;

	it('a flash quoting a secret (collapsed by the parser) is masked', () => {
		for (const secret of secrets) {
			const message = parseFlashes(page(secret))[0].message;
			const clean = redactText(message, secrets);
			expect(clean).toContain('[redacted]');
			const core = secret.trim().split(/\s+/);
			expect(clean).not.toContain(core.join(' '));
			if (core.length > 1) expect(clean).not.toMatch(new RegExp(core.map((w) => w.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&')).join('\\s+')));
		}
	});

	it('errors quoting a secret with other whitespace are masked everywhere', () => {
		const err = new RejectedByServerError('Backoffice refused the Backoffice user', 'password "two spaces and tabs" too weak');
		const clean = redactError(err, secrets);
		expect(clean.message).not.toMatch(/two spaces and tabs/);
		expect(clean.flash).toBe('password "[redacted]" too weak');
		const padded = redactError(new RejectedByServerError('refused', 'value padded rejected'), secrets);
		expect(padded.flash).toBe('value [redacted] rejected');
		// a secret spread over lines and tabs in a raw page
		expect(redactText('x two\n  spaces and\ttabs y', secrets)).toBe('x [redacted] y');
	});
});
