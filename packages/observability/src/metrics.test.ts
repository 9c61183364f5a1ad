import { describe, expect, it } from 'vitest';
import { METRIC, METRICS_NAMESPACE } from './metric-names.js';
import { countHandledError, createMetrics, isAccessDenied } from './metrics.js';

describe('createMetrics', () => {
  it('writes to the PeoplePlan namespace with service and stage dimensions', () => {
    const metrics = createMetrics('peopleplan-alerts', 'prod');
    metrics.addMetric(METRIC.alertJobCompleted, 'Count', 1);
    const emf = metrics.serializeMetrics();
    const [directive] = emf._aws.CloudWatchMetrics;
    expect(directive?.Namespace).toBe(METRICS_NAMESPACE);
    expect(directive?.Dimensions).toEqual([expect.arrayContaining(['service', 'stage'])]);
    expect(directive?.Metrics).toEqual([{ Name: 'AlertJobCompleted', Unit: 'Count' }]);
    expect(emf).toMatchObject({ service: 'peopleplan-alerts', stage: 'prod', AlertJobCompleted: 1 });
  });
});

describe('countHandledError', () => {
  it('counts every handled error, and AccessDenied only when IAM refused', () => {
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    expect(isAccessDenied(denied)).toBe(true);
    expect(isAccessDenied(Object.assign(new Error('sts'), { name: 'AccessDenied' }))).toBe(true);
    expect(isAccessDenied(new Error('boom'))).toBe(false);
    expect(isAccessDenied(undefined)).toBe(false);

    const metrics = createMetrics('peopleplan-api', 'test');
    countHandledError(metrics, new Error('boom'));
    countHandledError(metrics, denied);
    const emf = metrics.serializeMetrics() as unknown as Record<string, unknown>;
    expect(emf[METRIC.handledError]).toEqual([1, 1]);
    expect(emf[METRIC.accessDenied]).toBe(1);
  });
});
