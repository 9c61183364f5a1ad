import type { RouteModule } from './app.js';
import { registerPartnershipRoutes } from './routes/partnerships.js';

/** Capability route groups mounted beside the core routes (imports, reports, partnerships…). */
export const apiModules: RouteModule[] = [registerPartnershipRoutes];
