/** The post-JavaScript "DOM snapshot" flavour of a raw emulator page (protocol A.0), for parser tests. */
import { load } from 'cheerio';

/**
 * Turn raw server HTML into the post-JavaScript "DOM snapshot" flavour (A.0): bootstrap-toggle wrappers
 * around checkboxes, select2 markup after selects, and pickadate moving the date's name onto a hidden input.
 */
export function domSnapshot(raw: string): string {
	const $ = load(raw);
	$('input[type="checkbox"]').each((_, el) => {
		$(el).wrap('<div class="toggle btn btn-danger btn-sm" data-toggle="toggle"></div>');
		$(el).after('<div class="toggle-group"><label class="btn toggle-on">No</label><label class="btn toggle-off">Yes</label></div>');
	});
	$('select').each((_, el) => {
		$(el).addClass('select2-hidden-accessible');
		$(el).after('<span class="select2 select2-container"><input class="select2-search__field" type="search"></span>');
	});
	$('input.pickadate-date, input#employee-start-date').each((_, el) => {
		const name = $(el).attr('name') ?? '';
		const value = $(el).attr('data-value') ?? '';
		$(el).attr('name', '').addClass('picker__input');
		$(el).after(`<div class="picker"><div class="picker__day" data-pick="1">1</div></div><input type="hidden" name="${name}" value="${value}">`);
	});
	return $.html();
}
