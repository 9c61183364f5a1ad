import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One JSON logger per process (Powertools). Request-scoped keys (request id, council) are added
 * per request with `appendKeys` and cleared with `resetKeys` so they never leak between requests.
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName,
    logLevel:
      (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? (process.env.VITEST ? 'SILENT' : 'INFO'),
  });
}

export type { Logger };
