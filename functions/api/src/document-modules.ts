import type { RouteModule } from './app.js';
import { registerCalendarRoutes } from './routes/calendar.js';
import { registerExportRoutes } from './routes/export.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerReportRoutes } from './routes/reports.js';

/** Route groups served by the documents function: imports, reports and periods, calendars. */
export const documentModules: RouteModule[] = [
  registerImportRoutes,
  registerReportRoutes,
  registerCalendarRoutes,
  registerExportRoutes,
];
