import {
  type IsoDate,
  type PeriodFacts,
  type Plan,
  type Rag,
  reportingPointsWithin,
  type Status,
  unprocessable,
} from '@peopleplan/core';
import type { CouncilData, PeriodReopened, PeriodSnapshot, PeriodSnapshotMeta } from '@peopleplan/db';
import {
  periodFacts,
  type ReportModel,
  type ReportPeriod,
  summarise,
  type TravelCounts,
} from '@peopleplan/reports';
import { planPeriods } from './plan-periods.js';
import { loadReport, periodOf, snapshotEntries } from './reporting.js';

/**
 * Closing a reporting period (and its preview), and reopening one. Closing freezes the period's report
 * model with the snapshot (docs/architecture.md, "Historic means historic"); the snapshot's counts and
 * facts come from that same model, so the report, the snapshot and the trends agree.
 */

type PeriodRef = Pick<ReportPeriod, 'key' | 'label' | 'kind' | 'start' | 'end'>;

/** What closing a period will freeze (or, once closed, froze). */
export interface ClosePreview {
  period: PeriodRef;
  closed: boolean;
  closedAt?: string;
  closedBy?: { sub: string; name: string };
  /** The date status and RAG are judged at: the period end, or today while the period runs. */
  asOf: IsoDate;
  actionCount: number;
  byStatus: Partial<Record<Status, number>>;
  byRag: Partial<Record<Rag, number>>;
  /** Absent for a period closed before these counts were kept. */
  facts?: PeriodFacts;
  travel?: RankedTravel;
  comparedWith?: { key: string; label: string };
  /**
   * Open actions with no update for the period, as its report will list them ("without an update this
   * period"), in report order: said before the close, while they can still be updated. Only for a period
   * not yet closed.
   */
  notUpdated?: NotUpdated[];
}

/** An open action the period's report will list as without an update. */
export interface NotUpdated {
  actionId: string;
  ref: string;
  title: string;
  themeId: string;
  themeHeading: string;
}

/**
 * The model's own "without an update this period" exceptions, so the preview and the report agree; in
 * plan order (the report lists exceptions worst first), as the update rounds go through them.
 */
function notUpdatedIn(model: ReportModel): NotUpdated[] {
  const order = new Map(model.themes.flatMap((t) => t.actions).map((a, i) => [a.id, i]));
  return model.exceptions
    .flatMap(({ item, reasons, themeHeading }) =>
      item.kind === 'action' && reasons.includes('stale')
        ? [{ actionId: item.id, ref: item.ref, title: item.title, themeId: item.themeId, themeHeading }]
        : [],
    )
    .sort((a, b) => (order.get(a.actionId) ?? 0) - (order.get(b.actionId) ?? 0));
}

/** Direction of travel by rank alone (core `directionOfTravel`), as the close preview's API gives it. */
type RankedTravel = Record<'improved' | 'same' | 'worse' | 'new', number>;
/** A start or a stop is neither better nor worse: by rank alone it is counted with `same`. */
const byRank = ({ started, stopped, same, ...t }: TravelCounts): RankedTravel => ({
  ...t,
  same: same + started + stopped,
});

const refOf = ({ key, label, kind, start, end }: PeriodRef): PeriodRef => ({ key, label, kind, start, end });

/** The period asked for, which must have started (a period not yet begun cannot be closed: 422). */
async function startedPeriod(data: CouncilData, spec: string, today: IsoDate) {
  const period = periodOf(spec, today, await data.council.get(), 'periodKey');
  if (period.start > today) throw unprocessable(`${period.label} has not started yet: it cannot be closed`);
  return period;
}

/**
 * Closing (or previewing the close of) a period the plan does not offer is refused (422): one decades
 * before it began would freeze today's actions into a report of then (`planPeriods`, as the reports page
 * lists them).
 */
async function offeredPeriod(data: CouncilData, plan: Plan, period: ReportPeriod, today: IsoDate) {
  const { periods, spanText } = planPeriods(plan, await data.council.get(), today);
  if (!periods.some((p) => p.key === period.key)) {
    throw unprocessable(
      `${period.label} is not a reporting period of this plan, which runs from ${spanText}: choose one of its own.`,
      [{ path: 'periodKey', message: 'not a reporting period of this plan' }],
    );
  }
}

/** The model closing would freeze, built now, and the closed period it compares with. */
async function modelToFreeze(data: CouncilData, planId: string, period: ReportPeriod, today: IsoDate) {
  const loaded = await loadReport(data, planId, period.key, today);
  const c = loaded.comparedWith;
  const model = summarise({ ...loaded.data, ...(c && { comparedWith: c.label }) }, { forecast: true });
  const { plan } = loaded.data;
  const points = reportingPointsWithin(plan.reportingPoints, period.start, period.end, plan.period.start);
  return { model, points, comparedWith: c && { key: c.key, label: c.label } };
}

function countsOf(model: ReportModel) {
  const pick = <K extends string>(rows: { key: K; count: number }[]) =>
    Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count])) as Partial<
      Record<K, number>
    >;
  return {
    actionCount: model.summary.totalActions,
    byStatus: pick(model.summary.byStatus),
    byRag: pick(model.summary.byRag),
  };
}

export async function closePreview(
  data: CouncilData,
  planId: string,
  spec: string,
  today: IsoDate,
): Promise<ClosePreview> {
  const period = await startedPeriod(data, spec, today);
  const [plan, meta] = await Promise.all([
    data.plans.header(planId),
    data.snapshots.meta(planId, period.key),
  ]);
  if (meta) {
    const { closedAt, closedBy, asOf, actionCount, byStatus, byRag, facts, comparedWith } = meta;
    return {
      period: refOf(meta),
      closed: true,
      closedAt,
      closedBy,
      asOf,
      actionCount,
      byStatus,
      byRag,
      ...(facts && { facts }),
      ...(comparedWith && { comparedWith }),
    };
  }
  await offeredPeriod(data, plan, period, today);
  const { model, comparedWith } = await modelToFreeze(data, planId, period, today);
  return {
    period: refOf(period),
    closed: false,
    asOf: model.asOf,
    ...countsOf(model),
    facts: periodFacts(model),
    travel: byRank(model.summary.travel),
    ...(comparedWith && { comparedWith }),
    notUpdated: notUpdatedIn(model),
  };
}

/**
 * Close a period: freeze its report and snapshot every action's status and RAG as that report shows
 * them. Closing again changes nothing (`created: false`).
 */
export async function closePeriod(
  data: CouncilData,
  planId: string,
  spec: string,
  today: IsoDate,
): Promise<{ snapshot: PeriodSnapshot; created: boolean }> {
  const period = await startedPeriod(data, spec, today);
  const existing = await data.snapshots.get(planId, period.key);
  if (existing) {
    await data.plans.header(planId);
    return { snapshot: existing, created: false };
  }
  await offeredPeriod(data, await data.plans.header(planId), period, today);
  const { model, points, comparedWith } = await modelToFreeze(data, planId, period, today);
  const closing = { ...period, asOf: model.asOf, ...(points.length && { points }) };
  return data.snapshots.close(planId, closing, snapshotEntries(model), {
    model,
    facts: periodFacts(model),
    comparedWith,
  });
}

/**
 * Reopen a closed period (admins, with a reason kept in the audit trail): its snapshot and frozen
 * report go, and direction of travel falls back to the latest closed period still standing.
 */
export async function reopenPeriod(
  data: CouncilData,
  planId: string,
  spec: string,
  today: IsoDate,
  reason: string,
): Promise<PeriodReopened & { fallsBackTo?: { key: string; label: string } }> {
  const period = periodOf(spec, today, await data.council.get(), 'periodKey');
  await data.plans.header(planId);
  const reopened = await data.snapshots.reopen(planId, period.key, reason);
  const latest: PeriodSnapshotMeta | undefined = await data.snapshots.latest(planId);
  return { ...reopened, ...(latest && { fallsBackTo: { key: latest.key, label: latest.label } }) };
}
