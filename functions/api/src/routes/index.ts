import type { RouteModule, ServedBy } from '../types.js';

export interface RouteGroup {
  name: string;
  servedBy: ServedBy;
  /** The module's file name: its bundle chunk is named after it (what infra's bundle analysis counts). */
  source: string;
  load: () => Promise<RouteModule>;
}

/**
 * The one list of route groups. In AWS the groups are split over two functions so that each bundle
 * stays small: the documents function alone carries the DOCX/XLSX libraries (imports, reports,
 * calendars, exports); the API function serves the rest. Each group is loaded only by the function
 * that serves it (`import()`), so neither loads the other's code at a cold start; locally one process
 * serves every group. infra/lib/stacks/api-stack.ts routes the documents paths (test/infra/routes.test.ts
 * checks the two agree).
 */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  { name: 'me', servedBy: 'api', source: 'me', load: async () => (await import('./me.js')).registerMeRoutes },
  {
    name: 'council',
    servedBy: 'api',
    source: 'council',
    load: async () => (await import('./council.js')).registerCouncilRoutes,
  },
  {
    name: 'plans',
    servedBy: 'api',
    source: 'plans',
    load: async () => (await import('./plans.js')).registerPlanRoutes,
  },
  {
    name: 'actions',
    servedBy: 'api',
    source: 'actions',
    load: async () => (await import('./actions.js')).registerActionRoutes,
  },
  {
    name: 'plan-structure',
    servedBy: 'api',
    source: 'plan-structure',
    load: async () => (await import('./plan-structure.js')).registerPlanStructureRoutes,
  },
  {
    name: 'my-actions',
    servedBy: 'api',
    source: 'my-actions',
    load: async () => (await import('./my-actions.js')).registerMyActionRoutes,
  },
  {
    name: 'plan-items',
    servedBy: 'api',
    source: 'plan-items',
    load: async () => (await import('./plan-items.js')).registerPlanItemRoutes,
  },
  // Before partnerships: their catch-all refuses writes under /api/v1/partnerships (Hono's `/*` also
  // matches the bare path), and creating one is the operator's route.
  {
    name: 'operator',
    servedBy: 'api',
    source: 'operator',
    load: async () => (await import('./operator.js')).registerOperatorRoutes,
  },
  {
    name: 'members',
    servedBy: 'api',
    source: 'members',
    load: async () => (await import('./members.js')).registerMemberRoutes,
  },
  {
    name: 'partnerships',
    servedBy: 'api',
    source: 'partnerships',
    load: async () => (await import('./partnerships.js')).registerPartnershipRoutes,
  },
  {
    name: 'alerts',
    servedBy: 'api',
    source: 'alerts',
    load: async () => (await import('./alerts.js')).registerAlertRoutes,
  },
  {
    name: 'history',
    servedBy: 'api',
    source: 'history',
    load: async () => (await import('./history.js')).registerHistoryRoutes,
  },
  {
    name: 'search',
    servedBy: 'api',
    source: 'search',
    load: async () => (await import('./search.js')).registerSearchRoutes,
  },
  {
    name: 'trends',
    servedBy: 'api',
    source: 'trends',
    load: async () => (await import('./trends.js')).registerTrendRoutes,
  },
  {
    name: 'report-lists',
    servedBy: 'api',
    source: 'report-lists',
    load: async () => (await import('./report-lists.js')).registerReportListRoutes,
  },
  {
    name: 'people',
    servedBy: 'api',
    source: 'people',
    load: async () => (await import('./people.js')).registerPeopleRoutes,
  },
  {
    name: 'import-mappings',
    servedBy: 'api',
    source: 'import-mappings',
    load: async () => (await import('./import-mappings.js')).registerImportMappingRoutes,
  },
  {
    name: 'imports',
    servedBy: 'documents',
    source: 'imports',
    load: async () => (await import('./imports.js')).registerImportRoutes,
  },
  {
    name: 'reports',
    servedBy: 'documents',
    source: 'reports',
    load: async () => (await import('./reports.js')).registerReportRoutes,
  },
  // After the report routes: a period is read (and closed) before it is reopened, in document order.
  {
    name: 'periods',
    servedBy: 'documents',
    source: 'periods',
    load: async () => (await import('./periods.js')).registerPeriodRoutes,
  },
  {
    name: 'calendars',
    servedBy: 'documents',
    source: 'calendar',
    load: async () => (await import('./calendar.js')).registerCalendarRoutes,
  },
  {
    name: 'export',
    servedBy: 'documents',
    source: 'export',
    load: async () => (await import('./export.js')).registerExportRoutes,
  },
];

/** The route groups one function serves, or every group (the local server, tests). */
export function routeModules(servedBy?: ServedBy): Promise<RouteModule[]> {
  return Promise.all(ROUTE_GROUPS.filter((g) => !servedBy || g.servedBy === servedBy).map((g) => g.load()));
}

/**
 * The route modules of each function, by file name (for measuring cold starts): none loads as the
 * function starts; a request loads those serving its path (group-dispatch.ts).
 */
export const ROUTE_MODULES_OF: Record<ServedBy, string[]> = {
  api: ROUTE_GROUPS.filter((g) => g.servedBy === 'api').map((g) => g.source),
  documents: ROUTE_GROUPS.filter((g) => g.servedBy === 'documents').map((g) => g.source),
};
