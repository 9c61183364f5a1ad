import type { RouteModule } from './app.js';
import { registerCalendarRoutes } from './routes/calendar.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerPeriodRoutes } from './routes/periods.js';
import { registerReportRoutes } from './routes/reports.js';

/** Route groups served by the documents function: imports, reports and periods, calendars. */
export const documentModules: RouteModule[] = [
  registerImportRoutes,
  registerReportRoutes,
  // After the report routes: a period is read (and closed) before it is reopened, in document order.
  registerPeriodRoutes,
  registerCalendarRoutes,
];
