import { badRequest, type Council, type IsoDate, type Status } from '@peopleplan/core';
import type { CouncilData, PeriodSnapshot, ReadConsistency, SnapshotEntry } from '@peopleplan/db';
import {
  closedAfterPeriod,
  PeriodError,
  type ReportData,
  type ReportModel,
  type ReportPeriod,
  resolvePeriod,
  statusBeforeChange,
} from '@peopleplan/reports';

/**
 * The data side of committee reports: what the API fetches for a plan and period, and what closing
 * a period freezes. Both go through the same report model, so a closed period's snapshot holds
 * exactly the status and RAG its report showed.
 */

/** A period request (`mid-year`, `year-end:2013-14`, `2013-05`, `2013-Q2`, or a period key) → 400 if bad. */
export function periodOf(
  spec: string,
  today: IsoDate,
  council: Pick<Council, 'financialYearStartMonth'>,
  field = 'period',
): ReportPeriod {
  try {
    return resolvePeriod(spec, today, { financialYearStartMonth: council.financialYearStartMonth });
  } catch (e) {
    if (e instanceof PeriodError) throw badRequest(e.message, [{ path: field, message: e.message }]);
    throw e;
  }
}

export interface LoadedReport {
  data: ReportData;
  /** The closed period direction of travel is measured against, if any. */
  comparedWith?: PeriodSnapshot;
}

/** Items' histories read at once, at most: a report of a long-past period may need many. */
const HISTORY_READS = 8;

/**
 * For an ended period, the status at its end of each item only its history can tell (reports'
 * `closedAfterPeriod`: a milestone completed after the end, an action closed after it with no update),
 * from the events after the period's last day: one query of the council index per such item.
 */
async function statusesAtEnd(
  data: CouncilData,
  tree: Parameters<typeof closedAfterPeriod>[0],
  asOf: IsoDate,
  timeZone: string,
): Promise<Record<string, Status>> {
  const ids = closedAfterPeriod(tree, asOf, timeZone);
  const out: Record<string, Status> = {};
  // From midnight UTC of the last day: never later than the London day after it begins.
  const fromMs = Date.parse(`${asOf}T00:00:00Z`);
  for (let i = 0; i < ids.length; i += HISTORY_READS) {
    await Promise.all(
      ids.slice(i, i + HISTORY_READS).map(async (id) => {
        const page = await data.history.trail({ item: id, fromMs, limit: 100, consistent: false });
        const status = statusBeforeChange(page.items, asOf, timeZone);
        if (status) out[id] = status;
      }),
    );
  }
  return out;
}

/**
 * Everything one report needs, in three reads: the council, the plan with its whole progress
 * history (one query over the plan's key range), and the closed period to compare with; for an ended
 * period, also the history of the few items whose status at its end only that tells (`statusesAtEnd`).
 * `compareWith` names that period; by default it is the latest one closed before this period ends.
 */
export async function loadReport(
  data: CouncilData,
  planId: string,
  spec: string,
  today: IsoDate,
  opts: ReadConsistency & { compareWith?: string | undefined } = {},
): Promise<LoadedReport> {
  const council = await data.council.get();
  const period = periodOf(spec, today, council);
  const compareKey = opts.compareWith
    ? periodOf(opts.compareWith, today, council, 'compareWith').key
    : undefined;
  const [tree, previous] = await Promise.all([
    data.plans.treeWithUpdates(planId, opts),
    compareKey ? data.snapshots.get(planId, compareKey, opts) : data.snapshots.previous(planId, period, opts),
  ]);
  if (compareKey && !previous) {
    const message = `The period ${compareKey} has not been closed for this plan`;
    throw badRequest(message, [{ path: 'compareWith', message }]);
  }
  const statusAtEnd =
    today > period.end
      ? await statusesAtEnd(data, tree, period.end, council.timeZone || 'Europe/London')
      : {};
  return {
    data: {
      council,
      plan: tree.plan,
      themes: tree.themes,
      actions: tree.actions,
      milestones: tree.milestones,
      updates: tree.updates,
      indicators: tree.indicators,
      risks: tree.risks,
      ...(Object.keys(statusAtEnd).length && { statusAtEnd }),
      snapshots: previous?.entries ?? {},
      period,
      today,
    },
    ...(previous && { comparedWith: previous }),
  };
}

/** Each action's status and RAG as the period's report shows them: what closing the period keeps. */
export function snapshotEntries(model: ReportModel): Record<string, SnapshotEntry> {
  const out: Record<string, SnapshotEntry> = {};
  for (const theme of model.themes) {
    for (const a of theme.actions) out[a.id] = { status: a.status, rag: a.rag };
  }
  return out;
}
