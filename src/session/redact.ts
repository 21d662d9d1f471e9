/**
 * Last line of defence for secrets in errors: whatever a server echoed (a login error naming the password, a
 * refusal flash quoting a PIN) or a library put on an error, no known secret leaves the client inside one.
 */
import { inspect } from 'node:util';

/** Shorter values are not redacted: they would mangle ordinary text and cannot be told from it anyway. */
const MIN_SECRET_LENGTH = 4;
const MASK = '[redacted]';
const MAX_CAUSE_DEPTH = 8;

/** Remembers secret values as they are used, bounded (oldest forgotten first). */
export class SecretRegistry {
	private readonly values = new Set<string>();

	constructor(private readonly capacity = 500) {}

	/** Records a secret (ignored when too short to redact safely). */
	add(value: string | number | undefined | null): void {
		if (value === undefined || value === null) return;
		const s = String(value);
		if (s.length < MIN_SECRET_LENGTH || this.values.has(s)) return;
		this.values.add(s);
		if (this.values.size > this.capacity) this.values.delete(this.values.values().next().value as string);
	}

	/** Every remembered secret, longest first (so a secret containing another is masked whole). */
	list(): string[] {
		return [...this.values].sort((a, b) => b.length - a.length);
	}
}

/** A secret as it may be echoed: trimmed; shorter ones are not redacted. */
function coreOf(secret: string): string {
	return secret.trim();
}

const patterns = new Map<string, RegExp>();

/**
 * A pattern for one secret. A numeric one (a PIN) matches only as a whole number, not inside a longer id. Any
 * other matches with every run of whitespace in it as any run of whitespace, and without its surrounding
 * whitespace: servers and page parsers trim and collapse whitespace (a flash quoting `"two  spaces"` shows
 * `two spaces`), so the secret is found in its collapsed form too. Linear: literal words between `\s+`.
 */
function patternOf(secret: string): RegExp {
	let p = patterns.get(secret);
	if (!p) {
		const core = coreOf(secret);
		const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		p = new RegExp(/^\d+$/.test(core) ? `(?<!\\d)${core}(?!\\d)` : core.split(/\s+/).map(escape).join('\\s+'), 'g');
		if (patterns.size > 2000) patterns.clear();
		patterns.set(secret, p);
	}
	p.lastIndex = 0;
	return p;
}

/** A cheap pre-check: the secret's first word occurs in `text`. */
function mayContain(text: string, secret: string): boolean {
	const core = coreOf(secret);
	return core.length >= MIN_SECRET_LENGTH && text.includes(core.split(/\s/, 1)[0]);
}

/** `text` with every occurrence of each secret masked, also when echoed trimmed or with its whitespace changed. */
export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const s of secrets) if (mayContain(out, s)) out = out.replace(patternOf(s), MASK);
	return out;
}

function mentions(value: unknown, secrets: readonly string[]): boolean {
	const text = typeof value === 'string' ? value : inspect(value, { depth: 4, showHidden: false });
	return secrets.some((s) => mayContain(text, s) && patternOf(s).test(text));
}

/**
 * `err` without any of `secrets` in its message, stack, other fields or `cause` chain. The same object is
 * returned when it is clean (the usual case); otherwise a copy with the same class, code and fields, so callers
 * still switch on them. Object-valued fields that mention a secret (e.g. a library's header dump) are dropped.
 */
export function redactError<T>(err: T, secrets: readonly string[], depth = 0): T {
	if (!(err instanceof Error) || secrets.length === 0 || depth > MAX_CAUSE_DEPTH) return err;
	const descriptors = Object.getOwnPropertyDescriptors(err) as Record<string, PropertyDescriptor>;
	// V8's `stack` is an accessor bound to the original object: read it into a plain value.
	for (const [key, d] of Object.entries(descriptors)) {
		if (!d.get) continue;
		let value: unknown;
		try {
			value = (err as unknown as Record<string, unknown>)[key];
		} catch {
			value = undefined;
		}
		descriptors[key] = { value, writable: true, enumerable: d.enumerable, configurable: true };
	}
	const cause = descriptors.cause?.value as unknown;
	const cleanCause = descriptors.cause ? redactError(cause, secrets, depth + 1) : undefined;
	const dirty = Object.entries(descriptors).filter(([key, d]) => key !== 'cause' && 'value' in d && mentions(d.value, secrets));
	if (dirty.length === 0 && cleanCause === cause) return err;
	for (const [key, d] of dirty) {
		descriptors[key] = { ...d, value: typeof d.value === 'string' ? redactText(d.value, secrets) : MASK };
	}
	if (descriptors.cause) descriptors.cause = { ...descriptors.cause, value: cleanCause };
	return Object.create(Object.getPrototypeOf(err), descriptors) as T;
}
