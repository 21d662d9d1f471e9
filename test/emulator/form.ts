import type { FormPairs } from './types';

/**
 * Parses an application/x-www-form-urlencoded body into ordered pairs. Repeated keys are kept; brackets may arrive
 * raw or percent-encoded (protocol A.0: the server accepts both).
 */
export function parseForm(body: string): FormPairs {
	const pairs: FormPairs = [];
	if (!body) return pairs;
	for (const part of body.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const rawKey = eq < 0 ? part : part.slice(0, eq);
		const rawValue = eq < 0 ? '' : part.slice(eq + 1);
		pairs.push([decode(rawKey), decode(rawValue)]);
	}
	return pairs;
}

function decode(s: string): string {
	const plus = s.replace(/\+/g, ' ');
	try {
		return decodeURIComponent(plus);
	} catch {
		return plus;
	}
}

/** Read helpers over posted pairs. Symfony semantics: a scalar key takes its last value; presence = checked. */
export class Form {
	constructor(readonly pairs: FormPairs) {}

	has(name: string): boolean {
		return this.pairs.some(([k]) => k === name);
	}

	/** Last value of a key (Symfony binds the last occurrence of a scalar field), or undefined. */
	get(name: string): string | undefined {
		let v: string | undefined;
		for (const [k, val] of this.pairs) if (k === name) v = val;
		return v;
	}

	/** Trimmed value or ''. */
	text(name: string): string {
		return (this.get(name) ?? '').trim();
	}

	all(name: string): string[] {
		return this.pairs.filter(([k]) => k === name).map(([, v]) => v);
	}

	/** Every key matching a pattern, e.g. /^employee\[sites\]\[(\d+)\]\[siteId\]$/, with its first capture. */
	captures(pattern: RegExp): string[] {
		const out: string[] = [];
		for (const [k] of this.pairs) {
			const m = pattern.exec(k);
			if (m && m[1] !== undefined && !out.includes(m[1])) out.push(m[1]);
		}
		return out;
	}
}

/** Parses a positive integer (digits only), else null. */
export function positiveInt(value: string | undefined): number | null {
	if (value === undefined) return null;
	const t = value.trim();
	if (!/^\d+$/.test(t)) return null;
	const n = Number(t);
	return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

/** Parses MM/DD/YYYY (a real calendar date), else null. */
export function parseUsDate(value: string | undefined): { y: number; m: number; d: number } | null {
	const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec((value ?? '').trim());
	if (!m) return null;
	const mo = Number(m[1]);
	const d = Number(m[2]);
	const y = Number(m[3]);
	const dt = new Date(Date.UTC(y, mo - 1, d));
	if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
	return { y, m: mo, d };
}

/** Comparable number for a MM/DD/YYYY date (assumed valid). */
export function usDateKey(value: string): number {
	const p = parseUsDate(value);
	return p ? p.y * 10000 + p.m * 100 + p.d : 0;
}

/** Today as MM/DD/YYYY (UTC). */
export function todayUs(now = new Date()): string {
	const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
	const dd = String(now.getUTCDate()).padStart(2, '0');
	return `${mm}/${dd}/${now.getUTCFullYear()}`;
}

/** A money amount with at most two decimals, normalised to two decimals; null when invalid. */
export function money(value: string | undefined): string | null {
	const t = (value ?? '').trim();
	if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
	const [i, f = ''] = t.split('.');
	return `${String(Number(i))}.${f.padEnd(2, '0')}`;
}

export function digits(s: string): string {
	return s.replace(/\D/g, '');
}
