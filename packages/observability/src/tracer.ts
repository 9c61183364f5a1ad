import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Powertools Tracer for one service (X-Ray; the functions run with active tracing). Outside Lambda it
 * records nothing. Kept out of the package index: aws-xray-sdk-core would otherwise load with every
 * function that only wants the logger.
 */
export function createTracer(serviceName: string): Tracer {
  return new Tracer({ serviceName });
}

export { Tracer };
