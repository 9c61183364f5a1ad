/**
 * The custom metrics PeoplePlan publishes (CloudWatch embedded metric format, Powertools Metrics) and the
 * alarms in infra/ watch. Kept free of imports so the CDK app can read the same names the code emits:
 * renaming one here renames it on both sides.
 */

/** CloudWatch namespace of every PeoplePlan metric. */
export const METRICS_NAMESPACE = 'PeoplePlan';

/**
 * Dimensions on every metric: Powertools adds `service` (the function's service name), createMetrics adds
 * `stage`, so two deployments in one account never share a data point.
 */
export const METRIC_DIMENSIONS = { service: 'service', stage: 'stage' } as const;

export const METRIC = {
  /** The daily alert run finished (value 1). Its absence is what the "did not run" alarm sees. */
  alertJobCompleted: 'AlertJobCompleted',
  /** Alert emails the run queued for the notifier (daily and outbox runs). */
  alertEmailsQueued: 'AlertEmailsQueued',
  /** An error the API caught and answered with a 5xx (Lambda itself reports success, so Errors misses it). */
  handledError: 'HandledError',
  /** IAM refused a call (AccessDenied/AccessDeniedException): a policy gap or a cross-council request. */
  accessDenied: 'AccessDenied',
  /** Responses the API sent with a status of 500 or more, whatever produced them. */
  serverErrorResponse: 'ServerErrorResponse',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** Service names (POWERTOOLS_SERVICE_NAME) as infra/ gives them to the functions. */
export const SERVICE = {
  api: 'peopleplan-api',
  documents: 'peopleplan-documents',
  alerts: 'peopleplan-alerts',
  notifier: 'peopleplan-notifier',
  bounces: 'peopleplan-bounces',
} as const;
