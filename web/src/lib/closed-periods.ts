import { useEffect, useState } from 'react';
import { api } from './api.js';

/**
 * Which reporting periods of a plan are closed, so an update form can say so before it is sent: the API
 * refuses an update filed under a closed period (its report is frozen), naming the period. The plan's
 * report periods say which are closed; an update's period is matched to them as the API matches it
 * (packages/db closed-periods.ts): by the words of its name, whatever their order, case or the dates in
 * brackets ("Mid-year 2026-27", "mid-year-2026-27").
 */
export const periodWords = (s: string) =>
  (
    s
      .replace(/\([^)]*\)/g, ' ')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  )
    .sort()
    .join(' ');

/** Whether a plan's period is closed; every period is open until the plans' report periods are read. */
export type IsClosed = (planId: string, period: string) => boolean;

/** The closed periods of each plan named, read once per set of plans. */
export function useClosedPeriods(c: string, planIds: string[]): IsClosed {
  const key = [...new Set(planIds)].sort().join(',');
  const [closed, setClosed] = useState<Map<string, Set<string>>>(new Map());
  useEffect(() => {
    if (!key) return;
    const ctrl = new AbortController();
    Promise.all(
      key.split(',').map(async (planId) => {
        const r = await api.get('/api/v1/councils/{c}/plans/{planId}/report-periods', {
          params: { path: { c, planId } },
          signal: ctrl.signal,
        });
        const names = r.items
          .filter((p) => p.closed)
          .flatMap((p) => [periodWords(p.label), periodWords(p.key)]);
        return [planId, new Set(names)] as const;
      }),
    ).then(
      (entries) => setClosed(new Map(entries)),
      // Not known: the API still refuses a closed period, and the form shows its answer.
      () => undefined,
    );
    return () => ctrl.abort();
  }, [c, key]);
  return (planId, period) => closed.get(planId)?.has(periodWords(period)) ?? false;
}
