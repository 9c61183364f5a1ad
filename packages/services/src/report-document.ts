import { badRequest, type IsoDate } from '@peopleplan/core';
import { type CouncilData, EVENTUAL } from '@peopleplan/db';
import {
  asReportModel,
  compareWithPeriod,
  formatDate,
  markLive,
  type ReportModel,
  summarise,
  withoutForecast,
} from '@peopleplan/reports';
import { loadReport, periodOf } from './reporting.js';

/**
 * The report model a request for a plan and period gets (docs/architecture.md, "Historic means
 * historic"): for a closed period, the model frozen when it closed, and nothing else; for any other,
 * one built now from live data, saying "as at" the day it judges, and when it was produced.
 */
export interface PeriodReport {
  model: ReportModel;
  source: 'frozen' | 'live';
  /** The closed period direction of travel is measured against, if any. */
  comparedWith?: { key: string; label: string } | undefined;
  /** For a live report: the day its position is judged at, `30 Sep 2026` (its title says it too). */
  asAt?: string;
  /** For a live report: when it was built, `7 December 2026 at 3:15am`. */
  produced?: string;
}

export async function periodReport(
  data: CouncilData,
  planId: string,
  spec: string,
  today: IsoDate,
  opts: { compareWith?: string | undefined; forecast?: boolean; now?: Date } = {},
): Promise<PeriodReport> {
  const council = await data.council.get();
  const period = periodOf(spec, today, council);
  // A report to read, not to change, and a closed period's never changes: eventual reads.
  const [, header] = await Promise.all([
    data.plans.header(planId, EVENTUAL),
    data.snapshots.meta(planId, period.key, EVENTUAL),
  ]);
  const frozen = header?.frozen && (await data.snapshots.frozenModel(planId, header, EVENTUAL));
  if (frozen) {
    let model = asReportModel(frozen);
    if (!opts.forecast) model = withoutForecast(model);
    let comparedWith = header.comparedWith;
    if (opts.compareWith) {
      const key = periodOf(opts.compareWith, today, council, 'compareWith').key;
      const other = await data.snapshots.get(planId, key, EVENTUAL);
      if (!other) {
        const message = `The period ${key} has not been closed for this plan`;
        throw badRequest(message, [{ path: 'compareWith', message }]);
      }
      model = compareWithPeriod(model, other.entries, other.label);
      comparedWith = { key: other.key, label: other.label };
    }
    return { model, source: 'frozen', comparedWith };
  }
  const loaded = await loadReport(data, planId, period.key, today, {
    compareWith: opts.compareWith,
    ...EVENTUAL,
  });
  const model = summarise(
    { ...loaded.data, ...(loaded.comparedWith && { comparedWith: loaded.comparedWith.label }) },
    { forecast: opts.forecast === true },
  );
  const live = markLive(model, opts.now ?? new Date(), council.timeZone || 'Europe/London');
  const c = loaded.comparedWith;
  return {
    model: live,
    source: 'live',
    comparedWith: c && { key: c.key, label: c.label },
    asAt: formatDate(live.asOf),
    ...(live.produced && { produced: live.produced }),
  };
}
