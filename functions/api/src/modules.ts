import type { RouteModule } from './app.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerCalendarRoutes } from './routes/calendar.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerPartnershipRoutes } from './routes/partnerships.js';
import { registerReportRoutes } from './routes/reports.js';

/**
 * Capability route groups mounted beside the core routes. In AWS they are split over two functions
 * so that each bundle stays small: `coreModules` in the API function, `documentModules` (imports and
 * reports, which carry the DOCX/XLSX libraries) in the documents function. Locally one process
 * serves both (`apiModules`).
 */
export const coreModules: RouteModule[] = [registerPartnershipRoutes, registerAlertRoutes];
export const documentModules: RouteModule[] = [
  registerImportRoutes,
  registerReportRoutes,
  registerCalendarRoutes,
];
export const apiModules: RouteModule[] = [...coreModules, ...documentModules];
