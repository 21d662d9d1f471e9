/** `GET /employee/compensation/<id>`: the wage history table (protocol A.8, B.7). Pure. */
import Decimal from 'decimal.js';
import { UnexpectedPageError } from '../errors';
import type { WageRecord } from '../models/employee';
import { parseBackofficeDate } from '../models/dates';
import { formatMoney } from '../models/money';
import { COMPENSATION_FORM, COMPENSATION_HISTORY } from './selectors';
import { cleanText, loadIdentifiedForm } from './page';

/** What the compensation page shows. */
export interface CompensationPage {
	employeeId: number;
	/** Every row with a readable amount, newest effective date first. */
	history: WageRecord[];
}

const AMOUNT = /[\d,]+(?:\.\d+)?/;

/** The first amount in a cell (`$1,017.25/hr` -> "1017.25"), or null. */
function money(text: string): string | null {
	const match = AMOUNT.exec(text);
	if (!match) return null;
	const digits = match[0].replace(/,/g, '');
	return /\d/.test(digits) ? formatMoney(new Decimal(digits)) : null;
}

/**
 * Parse the compensation page. Rows without a readable wage amount are skipped (B.7); `isCurrent` is an
 * end-date cell present and empty. The page renders newest first; the rows are sorted by effective date anyway
 * (stable, undated rows last), because that order is an assumption (protocol E.8).
 */
export function parseCompensationPage(html: string, path = '/employee/compensation'): CompensationPage {
	const { $, id: employeeId } = loadIdentifiedForm(html, path, COMPENSATION_FORM, 'employeeId', 'a compensation form');
	const table = $(COMPENSATION_HISTORY).first();
	if (table.length === 0) throw new UnexpectedPageError(path, `a compensation page without ${COMPENSATION_HISTORY}`);
	const history: WageRecord[] = [];
	table.find('tbody tr').each((_, tr) => {
		const row = $(tr);
		const cell = (name: string) => row.find(`td.employee-compensation-col-${name}`).first();
		const wageRate = money(cleanText(cell('wage').text()));
		if (wageRate === null) return;
		const end = cell('end-date');
		const endText = cleanText(end.text());
		history.push({
			wageType: cleanText(cell('wage-type').text()),
			wageRate,
			overtimeEligible: cell('overtime-eligible').find('i.fa-check').length > 0,
			overtimeWageRate: money(cleanText(cell('overtime-rate').text())),
			effectiveDate: parseBackofficeDate(cleanText(cell('effective-date').text())) ?? null,
			endDate: parseBackofficeDate(endText) ?? null,
			isCurrent: end.length > 0 && endText === '',
		});
	});
	const key = (w: WageRecord) => w.effectiveDate ?? '';
	history.sort((a, b) => (key(a) === key(b) ? 0 : key(a) === '' ? 1 : key(b) === '' ? -1 : key(a) < key(b) ? 1 : -1));
	return { employeeId, history };
}
