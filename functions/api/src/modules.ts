import type { RouteModule } from './app.js';

/** Capability route groups mounted beside the core routes (imports, reports, partnerships…). */
export const apiModules: RouteModule[] = [];
