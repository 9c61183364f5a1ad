import type { RouteModule } from './app.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerHistoryRoutes } from './routes/history.js';
import { registerMemberRoutes } from './routes/members.js';
import { registerOperatorRoutes } from './routes/operator.js';
import { registerPartnershipRoutes } from './routes/partnerships.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerTrendRoutes } from './routes/trends.js';

/**
 * Route groups served by the API function beside the core routes. Kept apart from the document
 * modules so that the API bundle never pulls in the DOCX/XLSX libraries (see modules.ts).
 */
export const coreModules: RouteModule[] = [
  // Before partnerships: their catch-all refuses writes under /api/v1/partnerships (Hono's `/*` also
  // matches the bare path), and creating one is the operator's route.
  registerOperatorRoutes,
  registerMemberRoutes,
  registerPartnershipRoutes,
  registerAlertRoutes,
  registerHistoryRoutes,
  registerSearchRoutes,
  registerTrendRoutes,
];
