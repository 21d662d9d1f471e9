import { esc, renderAlerts, type Flash } from '../html';

const CB = '90ffa6defae00b36deab0bed67c5cfc5';

/** `<head>` as the captured login page has it (asset links with the `_cb` cache-buster, protocol A.11). */
function head(title: string): string {
	const icons = [57, 60, 72, 76, 114, 120, 144, 152, 180]
		.map((n) => `        <link rel="apple-touch-icon" sizes="${n}x${n}" href="/apple-touch-icon-${n}x${n}.png?&amp;_cb=${CB}">`)
		.join('\n');
	return `<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <meta http-equiv="X-UA-Compatible" content="IE=edge">
        <meta name="viewport" content="width=device-width, initial-scale=1, minimum-scale=1, maximum-scale=1, user-scalable=no, minimal-ui">
        <meta name="apple-mobile-web-app-capable" content="yes">
${icons}
        <link rel="icon" type="image/png" href="/favicon-32x32.png?&amp;_cb=${CB}" sizes="32x32">
        <link rel="manifest" href="/manifest.json?&amp;_cb=${CB}">
        <meta name="apple-mobile-web-app-title" content="Sonny's Controls">
        <meta name="application-name" content="Sonny's Controls">
        <meta name="theme-color" content="#0a8137">
                <title>
							Sonny's Controls
			 | ${esc(title)}
        </title>
        <link href="/dist/css/sonnyapc.css?&amp;_cb=${CB}" rel="stylesheet">
    <link rel="stylesheet" type="text/css" href="/css/global.css?&amp;_cb=${CB}">
    <link rel="stylesheet" type="text/css" href="/datatables/jquery.dataTables.min.css?&amp;_cb=${CB}">
    </head>

    <body>`;
}

const FOOT = `
<script src="/dist/js/sonnyapc.js?&amp;_cb=${CB}"></script>
<script src="/js/loading-spinner.js?&amp;_cb=${CB}"></script>
<script src="/datatables/jquery.dataTables.min.js?&amp;_cb=${CB}"></script>
</body>
</html>`;

function navItem(href: string, icon: string, label: string, id: string): string {
	return `
                <li class="sonny-menu-item">
                    <a class="sonny-nav" id="nav-${id}" href="${href}" data-nav-id="${id}">
                        <div class="css-table">
                            <div class="css-table-cell"><i class="fa ${icon} fa-fw fa-spacer-right"></i></div>
                            <div class="css-table-cell css-table-max-cell">${esc(label)}</div>
                        </div>
                    </a>
                </li>`;
}

const SECTIONS: Array<[string, string, Array<[string, string]>]> = [
	['Dashboard', 'fa-tachometer', [['/', 'Dashboard'], ['/search', 'Search']]],
	['Employees', 'fa-users', [['/employee', 'Employees'], ['/employee/create', 'Create Employee'], ['/user', 'Back Office Users'], ['/user/create', 'Create Back Office User'], ['/pos-permission-template/list', 'POS Permission Templates'], ['/bo-permission-template/list', 'Back Office Permission Templates']]],
	['Locations', 'fa-map-marker', [['/region', 'Regions'], ['/district', 'Districts'], ['/site', 'Sites'], ['/site/list', 'Site List']]],
	['Items', 'fa-tags', [['/category/', 'Categories'], ['/item/wash', 'Washes'], ['/item/addon', 'Add-Ons'], ['/item/merchandise', 'Merchandise'], ['/item/vacuum', 'Vacuums'], ['/promotion', 'Promotions'], ['/prepaid', 'Prepaid']]],
	['Customers', 'fa-address-book', [['/customer', 'Customers'], ['/vehicle', 'Vehicles'], ['/house-account', 'House Accounts'], ['/loyalty', 'Loyalty']]],
	['Accounting', 'fa-calculator', [['/general-ledger/section-list', 'General Ledger'], ['/reconciliation/daily', 'Daily Reconciliation'], ['/reconciliation/session', 'Session Reconciliation']]],
	['Settings', 'fa-cog', [['/settings', 'Settings'], ['/global-settings', 'Global Settings']]],
];

const REPORTS = ['Sales Overview', 'Sales Detail', 'Line Item Sales', 'Daily Comparison', 'Hourly Comparison', 'Monthly Comparison', 'Overview Comparison', 'General Ledger', 'Employee Timesheets', 'Employee Commissions', 'Gross Daily Labor Costs', 'Gross Hourly Labor Costs', 'Net Daily Labor Costs', 'Net Hourly Labor Costs', 'Recurring Profitability', 'Current Membership Value', 'SAF Transaction Summary'];

const sidebarCache = new Map<string, string>();

/**
 * The navigation sidebar every logged-in page carries (~130 KB, protocol A.0). Deterministic per site list. It holds
 * no employee or user links so parsers cannot mistake it for page content.
 */
export function sidebar(siteCodes: string[]): string {
	const cacheKey = siteCodes.join(',');
	const hit = sidebarCache.get(cacheKey);
	if (hit) return hit;
	let html = `
<div class="container-sidebar">
    <div id="main-menu-collapse" class="collapse">
        <nav id="main-menu" class="sonny-menu nix-bm">
            <ul id="main-menu-list">`;
	for (const [title, icon, items] of SECTIONS) {
		html += `
            <li class="sonny-menu-section"><span class="sonny-menu-section-title"><i class="fa ${icon}"></i> ${esc(title)}</span>
            <ul class="sonny-submenu">`;
		for (const [href, label] of items) html += navItem(href, icon, label, label.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
		html += `
            </ul></li>`;
	}
	const codes = siteCodes.length ? siteCodes : ['ALL'];
	let i = 0;
	html += `
            <li class="sonny-menu-section"><span class="sonny-menu-section-title"><i class="fa fa-bar-chart"></i> Reports</span>
            <ul class="sonny-submenu">`;
	while (html.length < 131_000) {
		const report = REPORTS[i % REPORTS.length];
		const code = codes[Math.floor(i / REPORTS.length) % codes.length];
		const slug = report.toLowerCase().replace(/[^a-z0-9]+/g, '-');
		html += navItem(`/report/${slug}?site=${encodeURIComponent(code)}&amp;range=today`, 'fa-bar-chart', `${report} (${code})`, `report-${slug}-${i}`);
		i++;
	}
	html += `
            </ul></li>
            </ul>
        </nav><!-- /main-menu -->
    </div><!-- /main-menu-collapse -->
</div><!-- /container-sidebar -->`;
	sidebarCache.set(cacheKey, html);
	return html;
}

export interface LayoutInput {
	title: string;
	displayName: string;
	siteCodes: string[];
	/** Everything inside `<div class="container-fluid">` of the main column. */
	content: string;
}

/** Logged-in page: navbar with the user menu, sidebar, then `<div id="main-column">`. */
export function loggedInPage(p: LayoutInput): string {
	return `${head(p.title)}
    <header class="sonny-navbar hidden-print">
        <nav class="sonny-navbar-menu sonny-menu">
            <ul id="sonny-navbar-menu-left">
                <li><a id="btn-navbar-logo" href="/"><img id="logo" src="/dist/img/nav-logo.svg?&amp;_cb=${CB}" alt="Sonny's Controls logo"></a></li>
            </ul>
            <ul id="sonny-navbar-menu-right">
                <li class="dropdown" id="user-menu-dropdown">
                    <a href="#" class="sonny-nav dropdown-toggle" data-toggle="dropdown" id="user-menu-toggle"><i class="fa fa-user fa-spacer-right"></i><span class="nav-label user-display-name">${esc(p.displayName)}</span></a>
                    <ul class="dropdown-menu" id="user-menu">
                        <li><a href="/settings">Settings</a></li>
                        <li><a href="/logout" id="link-logout">Logout</a></li>
                    </ul>
                </li>
            </ul>
        </nav>
    </header>
${sidebar(p.siteCodes)}
    <div id="main-column">
        <div class="container-fluid">
${p.content}
  </div><!-- /container-fluid -->
</div><!-- /main-column -->
${FOOT}`;
}

/** The logged-out login page (captured `login_page.html` structure), optionally with flashes (bad credentials). */
export function loginPage(flashes: Flash[] = []): string {
	return `${head('Login')}
    <header class="sonny-navbar hidden-print">
        <nav class="sonny-navbar-menu sonny-menu">
            <ul id="sonny-navbar-menu-right">
                <li><a href="/login" class="sonny-nav"><i class="fa fa-user fa-spacer-right text-warning"></i><span class="nav-label">Login</span></a></li>
            </ul>
        </nav>
    </header>

<div id="main-column-logged-out">
    <div class="container-fluid">
${renderAlerts(flashes)}
    <div class="form-sonny form-sonny-narrow">

        <form data-submit-once id="login-form" action="/login_check" method="POST">
            <div class="well">

                <h2>Login</h2>
                <div class="form-group">
                    <label for="site-name">Username</label>
                    <input type="text" name="_username" class="form-control input-lg" id="login-username" placeholder="Enter Your Username">
                </div><!-- /form-group -->

                <div class="form-group">
                    <label for="site-name">Password</label>
                    <input type="password" name="_password" class="form-control input-lg" id="login-password" placeholder="Enter Your Password">
                </div><!-- /form-group -->

                <div class="form-group">
                    <div class="text-right">
                        <a href="/forgot-password">Forgot password?</a>
                    </div>
                </div><!-- /form-group -->

            </div><!-- /well -->

            <div class="form-controls clearfix">
                <div class="text-center">
                    <button type="submit" class="btn btn-success btn-lg">Login</button>
                </div>
            </div><!-- /form-controls -->

        </form>

    </div><!-- /form-sonny -->

  </div><!-- /container-fluid -->
</div><!-- /main-column -->
${FOOT}`;
}

/** A simple content header: `<header class="sonny-header"><h1 id="page-title">`. */
export function pageHeader(title: string, subTitle = '', buttons = ''): string {
	return `
    <header class="sonny-header head-btns">
        <div class="row">
            <div class="col-head-title">
                <h1 id="page-title">${esc(title)}</h1>${subTitle ? `\n                <h3 id="page-sub-title">${subTitle}</h3>` : ''}
            </div>
            <!-- /col -->${buttons}
        </div>
        <!-- /row -->
    </header>
    <!-- /sonny-header -->`;
}
