import type { RouteModule } from './app.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerMemberRoutes } from './routes/members.js';
import { registerOperatorRoutes } from './routes/operator.js';
import { registerPartnershipRoutes } from './routes/partnerships.js';

/**
 * Route groups served by the API function beside the core routes. Kept apart from the document
 * modules so that the API bundle never pulls in the DOCX/XLSX libraries (see modules.ts).
 */
export const coreModules: RouteModule[] = [
  registerPartnershipRoutes,
  registerAlertRoutes,
  registerMemberRoutes,
  registerOperatorRoutes,
];
