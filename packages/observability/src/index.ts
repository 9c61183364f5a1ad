import { Logger } from '@aws-lambda-powertools/logger';
import { LogConfig, loadConfig } from '@peopleplan/config';

/**
 * One JSON logger per process (Powertools). Request-scoped keys (request id, council) are added
 * per request with `appendKeys` and cleared with `resetKeys` so they never leak between requests.
 */
export function createLogger(serviceName: string): Logger {
  const env = loadConfig(LogConfig);
  return new Logger({ serviceName, logLevel: env.POWERTOOLS_LOG_LEVEL ?? (env.VITEST ? 'SILENT' : 'INFO') });
}

// Metric names carry no dependencies; Metrics and Tracer themselves are imported from
// `@peopleplan/observability/metrics` and `/tracer`, so a function pays only for what it uses.
export * from './metric-names.js';
export type { Logger };
