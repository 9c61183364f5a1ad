import {
  combine,
  deriveRag,
  explain,
  type IsoDate,
  isOpen,
  LEAD_ROLE_LABELS,
  leadsWords,
  RAG_LABELS,
  type Rag,
  type RagResult,
  type RagRules,
  rateItem,
  STATUS_LABELS,
  type Status,
  travelMove,
} from '@peopleplan/core';
import { formatDate, timescaleView } from '../format.js';
import type { ActionRow, LeadView, MilestoneRow, StatusView } from '../model.js';
import type { ActionSnapshot, ReportAction, ReportMilestone } from '../report-data.js';
import type { AsAt } from './as-at.js';
import { forecastYearEnd } from './forecast.js';
import { OTHER_THEME_ID, type PlanTree } from './plan-tree.js';
import type { UpdateIndex } from './updates.js';

/** What every row of the report is judged against. */
export interface RowContext {
  tree: PlanTree;
  updates: UpdateIndex;
  /** For a period that has closed, an action's status is the one reported for it, not today's. */
  periodClosed: boolean;
  asOf: IsoDate;
  rules: RagRules;
  snapshots: Record<string, ActionSnapshot>;
  /** The financial year end, when forecasts were asked for. */
  forecastTo?: IsoDate;
  /** Each action's rating rolled up from its milestones and sub-actions, as pages show it (core ratings.ts). */
  ratings?: Map<string, RagResult>;
  /** For an ended period: the day an item created at `createdAt` was added, if after the period. */
  addedAfter?: (createdAt: string | undefined) => string | undefined;
}

function addedAfterPeriod(createdAt: string | undefined, ctx: RowContext): { addedAfterPeriod?: string } {
  const on = ctx.addedAfter?.(createdAt);
  return on ? { addedAfterPeriod: on } : {};
}

/** An action's status as the report gives it: for a closed period, the one reported for it. */
export function reportedStatus(a: ReportAction, ctx: Pick<RowContext, 'updates' | 'periodClosed'>): Status {
  if (!ctx.periodClosed) return a.status;
  // Reported in or before the period: that; else, if it changed only after the period, what it was then.
  return ctx.updates.latest(a)?.status ?? ctx.updates.statusBeforeLater(a) ?? a.status;
}

const ragWord = (rag: Rag) => rag[0]!.toUpperCase() + rag.slice(1);

function statusView(status: Status, rag: ReturnType<typeof deriveRag>): StatusView {
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    rag: rag.rag,
    ragWord: ragWord(rag.rag),
    ragLabel: RAG_LABELS[rag.rag],
    text: `${STATUS_LABELS[status]} (${ragWord(rag.rag)})`,
    ragReasons: rag.reasons,
    overridden: rag.overridden,
  };
}

/**
 * A milestone open at the period end whose status then is not recorded (completed after it): rated by its
 * dates alone (overdue, re-baselined), else not rated, and said to be open, never given a status.
 */
function openAtEndView(m: AsAt<ReportMilestone>, ctx: RowContext): Omit<StatusView, 'status'> {
  const rated = rateItem({ status: 'on-track', due: m.due, baselineDue: m.baselineDue }, ctx.asOf, ctx.rules);
  const byDates = rated.findings.filter((f) => f.finding.kind !== 'status');
  const rag = byDates.length ? explain(combine(byDates, false), 'This milestone') : undefined;
  const label = 'Open at the period end';
  return {
    statusLabel: label,
    rag: rag?.rag ?? 'grey',
    ragWord: rag ? ragWord(rag.rag) : '',
    ragLabel: rag ? RAG_LABELS[rag.rag] : 'Not rated',
    text:
      `${label}${rag ? `, ${ragWord(rag.rag)}` : ''}` +
      (m.completedLater ? ` (completed ${formatDate(m.completedLater)})` : ''),
    ragReasons: rag?.reasons ?? [],
    overridden: false,
  };
}

function leadsOf(action: ReportAction | undefined): { leads: LeadView[]; leadsText: string } {
  const leads = (action?.leads ?? []).map((l) => ({
    role: l.role,
    roleLabel: LEAD_ROLE_LABELS[l.role],
    label: l.label,
  }));
  // As the plan's pages list them (core): "Strategic lead: Anne Freimanis; Lead: …" only when the roles
  // differ, else the names alone.
  return { leads, leadsText: leadsWords(leads) };
}

export function actionRow(a: ReportAction, ctx: RowContext): ActionRow {
  const latest = ctx.updates.latest(a);
  const status = reportedStatus(a, ctx);
  const rag =
    ctx.ratings?.get(a.id) ??
    deriveRag({ status, due: a.due, override: a.ragOverride }, ctx.asOf, ctx.rules, 'This action');
  const previous = ctx.snapshots[a.id];
  const start = timescaleView(a.start, 'start');
  const due = timescaleView(a.due, 'due', ctx.asOf);
  // Re-baselined: open, and now due after the date first committed (db keeps it when the due moves later).
  const slipped =
    isOpen(status) && a.due?.due && a.baselineDue?.due && a.due.due > a.baselineDue.due
      ? timescaleView(a.baselineDue, 'due')
      : undefined;
  const reason = slipped ? a.rebaselines?.at(-1)?.reason?.trim() : undefined;
  const parent = ctx.tree.parent(a);
  return {
    kind: 'action',
    id: a.id,
    ref: a.ref,
    title: a.title,
    depth: ctx.tree.depthOf(a),
    ...(parent && { parentRef: parent.ref }),
    themeId: ctx.tree.themeOf(a),
    ...leadsOf(a),
    ...(start && { start }),
    ...(due && { due }),
    ...(slipped && { baselineDue: slipped }),
    ...(reason && { rebaselineReason: reason }),
    ...(a.outcome && { outcome: a.outcome }),
    ...(a.currentPosition && { currentPosition: a.currentPosition }),
    ...statusView(status, rag),
    travel: travelMove(previous?.rag, rag.rag),
    ...(previous && { previous }),
    ...(latest && { latest }),
    updatedInPeriod: ctx.tree.updatedInPeriod(a, ctx.updates),
    ...addedAfterPeriod(a.createdAt, ctx),
    ...(ctx.forecastTo && {
      forecast: forecastYearEnd(status, rag.rag, due?.parsed, ctx.forecastTo, start?.parsed),
    }),
  };
}

/**
 * A milestone: its own status and dates, its action's leads and latest update. For an ended period, as it
 * stood at the end (`asAtPeriodEnd`): one with no status is open then, its status not recorded.
 */
export function milestoneRow(
  m: AsAt<ReportMilestone>,
  ctx: RowContext,
  rows: Map<string, ActionRow>,
): MilestoneRow {
  const action = ctx.tree.byId.get(m.actionId);
  const row = rows.get(m.actionId);
  const { status } = m;
  const open = !status || isOpen(status);
  const shown = status
    ? statusView(
        status,
        deriveRag({ status, due: m.due, baselineDue: m.baselineDue }, ctx.asOf, ctx.rules, 'This milestone'),
      )
    : openAtEndView(m, ctx);
  const [agreed, baseline] = [m.due?.due, m.baselineDue?.due];
  const refs = [m.actionId, ...(m.linkedActionIds ?? [])]
    .map((id) => ctx.tree.byId.get(id)?.ref)
    .filter((r): r is string => !!r);
  const due = timescaleView(m.due, 'due', ctx.asOf);
  const baselineDue = timescaleView(m.baselineDue, 'due');
  const rebaselined = open && !!agreed && !!baseline && agreed > baseline;
  const reason = rebaselined ? m.rebaselines?.at(-1)?.reason?.trim() : undefined;
  return {
    kind: 'milestone' as const,
    id: m.id,
    ref: m.ref,
    title: m.title,
    ...addedAfterPeriod(m.createdAt, ctx),
    themeId: row?.themeId ?? OTHER_THEME_ID,
    actionId: m.actionId,
    actionRef: action?.ref ?? '',
    actionTitle: action?.title ?? '',
    actionRefs: [...new Set(refs)],
    ...leadsOf(action),
    ...(due && { due }),
    ...(baselineDue && { baselineDue }),
    ...(m.completedOn && { completedOn: m.completedOn }),
    ...(m.completedLater && { completedLater: m.completedLater }),
    ...shown,
    rebaselined,
    ...(reason && { rebaselineReason: reason }),
    overdue: open && !!due?.parsed && due.parsed < ctx.asOf,
    ...(row?.latest && { latest: row.latest }),
  };
}
