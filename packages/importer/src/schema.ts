/**
 * The importer's data shapes and limits without its readers: what the API's route definitions need at
 * a cold start, while the parsers load with the first import (docs/architecture.md, "Cold starts").
 */
export { MAX_IMPORT_BYTES } from './errors.js';
export * from './parsed-plan.js';
