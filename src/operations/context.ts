import type { PageSession } from '../session/session-pool';
import type { Permission } from '../models/api';
import type { parseCreatePage } from '../pages/employee-create';
import type { parsePosPermissionsPage } from '../pages/employee-permissions';
import type { EmployeeIndex } from './employee-index';
import type { SingleFlight } from './single-flight';

/** The create page model: site tree and departments (protocol A.3). */
export type CreatePageModel = ReturnType<typeof parseCreatePage>;

/** POS templates and the permission schema, read from one permissions page (protocol A.6). */
export interface PosTemplateCache {
	templates: ReturnType<typeof parsePosPermissionsPage>['templates'];
	schema: ReturnType<typeof parsePosPermissionsPage>['schema'];
}

/** Per-client caches; they live as long as the client unless a method is called with `refresh`. */
export interface ClientCaches {
	createPage?: CreatePageModel;
	posTemplates?: PosTemplateCache;
	boTemplates?: Permission[];
	index: EmployeeIndex;
	/** Concurrent loads of one cache share one request. */
	flights: SingleFlight;
}

/** What every operation receives from the facade. */
export interface OperationContext {
	/** This call's Backoffice session (see session-pool.ts). */
	session: PageSession;
	caches: ClientCaches;
	onUnknownPermission: 'fallback' | 'error';
}
