import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { LogConfig, loadConfig } from '@peopleplan/config';
import { METRIC, METRICS_NAMESPACE } from './metric-names.js';

/**
 * Powertools Metrics for one service, in the PeoplePlan namespace with a `stage` dimension. Metrics are
 * written to stdout in CloudWatch's embedded metric format (no API call) when `publishStoredMetrics()`
 * runs; `POWERTOOLS_DEV=true` or `POWERTOOLS_METRICS_DISABLED=true` turns the output off locally.
 */
export function createMetrics(serviceName: string, stage = loadConfig(LogConfig).STAGE): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName, defaultDimensions: { stage } });
}

/** True for IAM's refusal, however the SDK names it (DynamoDB, STS and others differ). */
export function isAccessDenied(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AccessDeniedException' || name === 'AccessDenied';
}

/**
 * Counts an error the caller handled by answering with a 5xx: HandledError always, AccessDenied as well
 * when IAM refused the call. The caller publishes (once per request or invocation).
 */
export function countHandledError(metrics: Metrics, error: unknown): void {
  metrics.addMetric(METRIC.handledError, MetricUnit.Count, 1);
  if (isAccessDenied(error)) metrics.addMetric(METRIC.accessDenied, MetricUnit.Count, 1);
}

export { Metrics, MetricUnit };
