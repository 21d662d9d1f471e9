import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { capturePairs, requestRecord } from '../../support/captures';
import { startEmulator, type Emulator, type EmulatorOptions } from '../index';

/** Test-side helpers: a tiny cookie-keeping HTTP client, capture loading and a browser-like form serialiser. */

export { CAPTURES, captureHtml, capturePairs, captureResponse } from '../../support/captures';

export interface Reply {
	status: number;
	location: string | null;
	body: string;
	headers: Headers;
}

export type Pairs = Array<[string, string]>;

/** Percent-encodes pairs as a browser does (brackets encoded, spaces as '+'). */
export function encodePairs(pairs: Pairs, rawBrackets = false): string {
	const enc = (s: string) => {
		const e = encodeURIComponent(s).replace(/%20/g, '+');
		return rawBrackets ? e.replace(/%5B/g, '[').replace(/%5D/g, ']') : e;
	};
	return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

export class Browser {
	cookie = '';

	constructor(readonly base: string) {}

	async request(method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> {
		const headers: Record<string, string> = {};
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
		const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
		const set = res.headers.get('set-cookie');
		const sid = set ? /PHPSESSID=([^;]+)/.exec(set)?.[1] : undefined;
		if (sid) this.cookie = `PHPSESSID=${sid}`;
		return { status: res.status, location: res.headers.get('location'), body: await res.text(), headers: res.headers };
	}

	get(path: string): Promise<Reply> {
		return this.request('GET', path);
	}

	post(path: string, pairs: Pairs | string): Promise<Reply> {
		return this.request('POST', path, typeof pairs === 'string' ? pairs : encodePairs(pairs));
	}

	async login(username = 'demo-bot', password = 'demo-password'): Promise<Reply> {
		return this.post('/login_check', [
			['_username', username],
			['_password', password],
		]);
	}
}

/** A fresh emulator (own free port) and a browser already logged in as the bot: the setup most tests share. */
export async function loggedIn(options?: EmulatorOptions): Promise<{ emu: Emulator; b: Browser }> {
	const emu = await startEmulator(options);
	const b = new Browser(emu.url);
	await b.login();
	return { emu, b };
}

/** The raw captured body string when the capture has one (`post_data`), else an encoding of its fields. */
export function captureBody(file: string): string {
	return requestRecord(file).post_data ?? encodePairs(capturePairs(file));
}

/**
 * Serialises a form the way a browser submits it (successful controls): text-like inputs always (`data-value` as a
 * fallback for pickadate dates, which the browser's script would fill in), checkboxes/radios only when checked,
 * selects by selected options, disabled controls and nameless ones skipped.
 */
export function serializeForm(html: string, formSelector: string): Pairs {
	const $ = cheerio.load(html);
	const pairs: Pairs = [];
	$(formSelector)
		.find('input, select, textarea')
		.each((_, el) => {
			const $el = $(el);
			const name = $el.attr('name');
			if (!name || $el.attr('disabled') !== undefined) return;
			const tag = el.tagName.toLowerCase();
			if (tag === 'select') {
				const selected = $el.find('option[selected]');
				if ($el.attr('multiple') !== undefined) selected.each((_i, o) => void pairs.push([name, $(o).attr('value') ?? $(o).text()]));
				else {
					const opt = selected.length ? selected.first() : $el.find('option').first();
					if (opt.length) pairs.push([name, opt.attr('value') ?? opt.text()]);
				}
				return;
			}
			if (tag === 'textarea') return void pairs.push([name, $el.text()]);
			const type = ($el.attr('type') ?? 'text').toLowerCase();
			if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') return;
			if (type === 'checkbox' || type === 'radio') {
				if ($el.attr('checked') !== undefined) pairs.push([name, $el.attr('value') ?? 'on']);
				return;
			}
			pairs.push([name, $el.attr('value') ?? $el.attr('data-value') ?? '']);
		});
	return pairs;
}

/** Error/success flash texts rendered in `.alerts-server`. */
export function flashes(html: string): { errors: string[]; successes: string[] } {
	const $ = cheerio.load(html);
	return {
		errors: $('.alerts-server .alert-danger p').map((_, el) => $(el).text()).get(),
		successes: $('.alerts-server .alert-success p').map((_, el) => $(el).text()).get(),
	};
}

/** Replaces or appends pairs. */
export function withoutKeys(pairs: Pairs, pred: (k: string) => boolean): Pairs {
	return pairs.filter(([k]) => !pred(k));
}

export function load(html: string) {
	return cheerio.load(html);
}
