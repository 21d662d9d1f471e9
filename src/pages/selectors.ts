/** CSS selectors and URL patterns of Backoffice pages, named once (protocol Part A). */

/** Main content column of every logged-in page (A.0). */
export const MAIN_COLUMN = '#main-column';
/** Server flash container (A.0). */
export const SERVER_ALERTS = 'div.alerts.alerts-server';
/** Login form (A.1). */
export const LOGIN_FORM = '#login-form';
/** Page title header (A.0). */
export const PAGE_TITLE = 'h1#page-title';

/** Roster table (A.2). */
export const ROSTER_TABLE = 'table.table-employees-list';
/** Link carrying the internal employee id in a roster row (A.2). */
export const EMPLOYEE_LINK_PATTERN = /\/employee\/(?:edit|permissions|compensation)\/(\d+)/;

/** Employee create and edit form (A.3, A.7). */
export const EMPLOYEE_FORM = '#employee-create-edit-form';
/** Site availability tree container (A.3.1). */
export const SITE_TREE = 'fieldset.boac-accessible-sites';
/** A region's "No" toggle (`employee[disabledRegions][]`); its presence marks a hierarchical tenant (A.3.1). */
export const REGION_OPTION = 'input.boac-permission-region-option';
/** A district's "No" toggle (`employee[disabledDistricts][]`, A.3.1). */
export const DISTRICT_OPTION = 'input.boac-permission-district-option';
/** A site's "No" toggle (`employee[sites][S][isAvailable]`, A.3.1). */
export const SITE_OPTION = 'input.boac-permission-site-option';
/** Department multi-select (A.3). */
export const DEPARTMENTS_SELECT = 'select[name="employee[departments][]"]';
/** Wage attribution site select: options carry site short codes (A.3). */
export const WAGE_SITE_SELECT = 'select[name="wage[siteId]"]';

/** POS permissions form (A.6). */
export const POS_PERMISSIONS_FORM = '#employee-permission-update-form';
/** POS template select; options carry `data-permissions-set` and `data-manager-override-permissions-set` (A.6). */
export const POS_TEMPLATE_SELECT = 'select[name="templateId"]';

/** Backoffice user list link to a user's permissions page (A.9). */
export const USER_PERMISSIONS_LINK_PATTERN = /\/user\/permissions\/(\d+)/;
/** Backoffice user create form (A.9). */
export const USER_CREATE_FORM = '#user-create-edit-form';
/** Employee dropdown of the user form; options carry `data-email` (A.9). */
export const USER_EMPLOYEE_SELECT = 'select[name="user[employeeId]"]';
/** Backoffice user permissions form (A.10). */
export const BO_PERMISSIONS_FORM = '#user-permissions-update-form';
/** Backoffice template select; options carry permission tokens in `data-permissions-set` (A.10). */
export const BO_TEMPLATE_SELECT = 'select[name="template"]';
/** The compensation page's add-wage form (protocol A.8). */
export const COMPENSATION_FORM = '#employee-compensation-edit-form';
/** The compensation history table (protocol A.8). */
export const COMPENSATION_HISTORY = 'table.table-employee-compensation-history';
