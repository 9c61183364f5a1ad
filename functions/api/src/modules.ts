import type { RouteModule } from './app.js';
import { coreModules } from './core-modules.js';
import { documentModules } from './document-modules.js';

/**
 * In AWS the routes are split over two functions so that each bundle stays small: `coreModules` in
 * the API function (lambda.ts), `documentModules` in the documents function (documents-lambda.ts),
 * which alone carries the DOCX/XLSX libraries. Locally one process serves both. Each entry imports
 * its own list directly: importing this file would bundle both.
 */
export const apiModules: RouteModule[] = [...coreModules, ...documentModules];
export { coreModules, documentModules };
