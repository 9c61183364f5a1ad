import { tz } from '@date-fns/tz';
import {
  DEFAULT_RAG_RULES,
  deriveRag,
  directionOfTravel,
  type IsoDate,
  isOpen,
  RAG_LABELS,
  RAG_SEVERITY,
  RAGS,
  type Rag,
  STATUS_LABELS,
  STATUSES,
  type Status,
} from '@peopleplan/core';
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import {
  compareRefs,
  formatDate,
  LEAD_ROLE_LABELS,
  PLAN_KIND_LABELS,
  type TimescaleView,
  timescaleView,
} from './format.js';
import { indicatorRow } from './indicators.js';
import {
  type ActionRow,
  EXCEPTION_REASON_LABELS,
  type ExceptionReason,
  type ExceptionRow,
  type Forecast,
  type LeadView,
  type MilestoneRow,
  type ReportModel,
  type StatusView,
  type Summary,
  type ThemeSection,
  type ThemeSummary,
  type TravelCounts,
  type UpdateView,
} from './model.js';
import type { ReportPeriod } from './period.js';
import type { ReportAction, ReportData, ReportUpdate } from './report-data.js';

export interface SummariseOptions {
  /** Add a forecast year-end status to every action (see `forecastYearEnd`). */
  forecast?: boolean;
}

const OTHER_THEME_ID = '__other__';

export { directionOfTravel };

const emptyTravel = (): TravelCounts => ({ improved: 0, same: 0, worse: 0, new: 0 });
const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const ragWord = (rag: Rag) => rag[0]!.toUpperCase() + rag.slice(1);

/**
 * Forecast year-end status, a deliberately simple rule a committee can check by eye:
 * - a closed action (completed, deferred, cancelled) stays as it is;
 * - red → Off track, amber → At risk (the current judgement carries to year-end);
 * - not started: stays Not started without a start date or with one after year-end, else On track;
 * - work under way and due on or before the financial year end → Completed (expected by year-end);
 * - otherwise (due later, ongoing or undated) → its current status carries forward.
 */
export function forecastYearEnd(
  status: Status,
  rag: Rag,
  due: IsoDate | undefined,
  fyEnd: IsoDate,
  start?: IsoDate,
): Forecast {
  const f = (s: Status, reason: string): Forecast => ({ status: s, label: STATUS_LABELS[s], reason });
  if (!isOpen(status)) return f(status, 'Closed: no change expected');
  if (rag === 'red') return f('off-track', 'Rated red now: not expected to recover by year-end');
  if (rag === 'amber') return f('at-risk', 'Rated amber now: still at risk at year-end');
  if (status === 'not-started') {
    if (!start) return f('not-started', 'No start date agreed');
    if (start > fyEnd) return f('not-started', 'Not due to start this year');
    return f('on-track', `Due to start ${formatDate(start)}, within the year`);
  }
  if (due && due <= fyEnd) return f('completed', `Due ${formatDate(due)}, within the year, and on track`);
  return f(status, 'Due after year-end or ongoing: status carries forward');
}

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

function leadsOf(action: ReportAction | undefined): { leads: LeadView[]; leadsText: string } {
  const leads = (action?.leads ?? []).map((l) => ({
    role: l.role,
    roleLabel: LEAD_ROLE_LABELS[l.role],
    label: l.label,
  }));
  // Group by role in the plan's order: "Strategic lead: Anne Freimanis, HOPOS; Operational lead: …"
  const byRole = new Map<string, string[]>();
  for (const l of leads) byRole.set(l.roleLabel, [...(byRole.get(l.roleLabel) ?? []), l.label]);
  const leadsText = [...byRole].map(([role, names]) => `${role}: ${names.join(', ')}`).join('; ');
  return { leads, leadsText };
}

/** Which updates speak for the period, and what the latest one said. */
class UpdateIndex {
  private readonly byAction = new Map<string, ReportUpdate[]>();
  private readonly periodKeys: Set<string>;

  constructor(
    updates: ReportUpdate[],
    private readonly period: ReportPeriod,
    private readonly timeZone: string,
  ) {
    // An update tagged for this period counts even when written after it closed (councils collect
    // mid-year updates in October); an untagged one counts by its date.
    this.periodKeys = new Set(
      [period.key, period.label, ...(period.kind === 'quarter' ? period.valueKeys : [])].map(squash),
    );
    for (const u of updates) {
      if (!this.counts(u) && this.dateOf(u.at) > period.end) continue;
      const list = this.byAction.get(u.actionId) ?? [];
      list.push(u);
      this.byAction.set(u.actionId, list);
    }
    for (const list of this.byAction.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  /** Time-zone conversion is the costly step of a large report: each timestamp is converted once. */
  private readonly dates = new Map<string, IsoDate>();

  dateOf(at: string): IsoDate {
    let d = this.dates.get(at);
    if (d === undefined) {
      d = format(parseISO(at), 'yyyy-MM-dd', { in: tz(this.timeZone) });
      this.dates.set(at, d);
    }
    return d;
  }

  private counts(u: ReportUpdate): boolean {
    if (u.period && this.periodKeys.has(squash(u.period))) return true;
    const d = this.dateOf(u.at);
    return d >= this.period.start && d <= this.period.end;
  }

  latest(action: ReportAction): UpdateView | undefined {
    const u = this.byAction.get(action.id)?.at(-1);
    if (u) return this.view(u);
    // No update history given: fall back to the denormalised latest update, if it is not after the period.
    const l = action.latestUpdate;
    if (l && this.dateOf(l.at) <= this.period.end) return this.view({ ...l, actionId: action.id });
    return undefined;
  }

  updatedInPeriod(action: ReportAction): boolean {
    const list = this.byAction.get(action.id);
    if (list) return list.some((u) => this.counts(u));
    const l = action.latestUpdate;
    return l !== undefined && this.counts({ ...l, actionId: action.id });
  }

  private view(u: ReportUpdate): UpdateView {
    return {
      at: u.at,
      date: this.dateOf(u.at),
      authorName: u.authorName,
      narrative: u.narrative,
      status: u.status,
    };
  }
}

/** Builds the report model from plan data. Pure: same data, same model. */
export function summarise(data: ReportData, options: SummariseOptions = {}): ReportModel {
  const { council, plan, period, today } = data;
  const rules = council.ragRules ?? DEFAULT_RAG_RULES;
  const labels = PLAN_KIND_LABELS[plan.kind];
  const periodClosed = today > period.end;
  const asOf = periodClosed ? period.end : today;
  const updates = new UpdateIndex(data.updates, period, council.timeZone || 'Europe/London');

  // Themes in plan order; actions without a (known) theme take their parent's, else "Other actions".
  const themes = [...data.themes].sort((a, b) => a.order - b.order || compareRefs(a.ref, b.ref));
  const themeIds = new Set(themes.map((t) => t.id));
  const actionsById = new Map(data.actions.map((a) => [a.id, a]));
  const themeOf = (a: ReportAction, seen = new Set<string>()): string => {
    if (a.themeId && themeIds.has(a.themeId)) return a.themeId;
    const parent = a.parentId ? actionsById.get(a.parentId) : undefined;
    if (parent && !seen.has(parent.id)) return themeOf(parent, seen.add(a.id));
    return OTHER_THEME_ID;
  };
  const depthOf = (a: ReportAction): number => {
    let depth = 0;
    const seen = new Set([a.id]);
    for (let p = a.parentId && actionsById.get(a.parentId); p && !seen.has(p.id); ) {
      depth++;
      seen.add(p.id);
      p = p.parentId ? actionsById.get(p.parentId) : undefined;
    }
    return depth;
  };
  const children = new Map<string, ReportAction[]>();
  for (const a of data.actions) {
    if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  }
  // A parent action is reported through its sub-actions: it is stale only if none of them was updated.
  const updatedInPeriod = (a: ReportAction, seen = new Set<string>()): boolean =>
    updates.updatedInPeriod(a) ||
    (children.get(a.id) ?? []).some((c) => !seen.has(c.id) && updatedInPeriod(c, seen.add(a.id)));

  const headingOf = new Map<string, string>(
    themes.map((t) => [t.id, t.ref ? `${labels.theme} ${t.ref}: ${t.title}` : t.title]),
  );
  headingOf.set(OTHER_THEME_ID, 'Other actions');

  const rows = new Map<string, ActionRow>();
  for (const a of data.actions) {
    const latest = updates.latest(a);
    // For a period that has closed, the status is the one reported for it, not today's.
    const status = periodClosed && latest ? latest.status : a.status;
    const rag = deriveRag({ status, due: a.due, override: a.ragOverride }, asOf, rules);
    const previous = data.snapshots[a.id];
    const start = timescaleView(a.start, 'start');
    const due = timescaleView(a.due, 'due');
    rows.set(a.id, {
      kind: 'action',
      id: a.id,
      ref: a.ref,
      title: a.title,
      depth: depthOf(a),
      ...(a.parentId && actionsById.has(a.parentId) && { parentRef: actionsById.get(a.parentId)!.ref }),
      themeId: themeOf(a),
      ...leadsOf(a),
      ...(start && { start }),
      ...(due && { due }),
      ...(a.outcome && { outcome: a.outcome }),
      ...(a.currentPosition && { currentPosition: a.currentPosition }),
      ...statusView(status, rag),
      travel: directionOfTravel(previous?.rag, rag.rag),
      ...(previous && { previous }),
      ...(latest && { latest }),
      updatedInPeriod: updatedInPeriod(a),
      ...(options.forecast && {
        forecast: forecastYearEnd(status, rag.rag, a.due?.due, period.financialYear.end, start?.parsed),
      }),
    });
  }
  const orderedActions = [...data.actions]
    .sort((x, y) => x.order - y.order || compareRefs(x.ref, y.ref))
    .map((a) => rows.get(a.id)!);

  const milestones: MilestoneRow[] = [...data.milestones]
    .sort((x, y) => compareRefs(x.ref, y.ref))
    .map((m) => {
      const action = actionsById.get(m.actionId);
      const row = rows.get(m.actionId);
      const rag = deriveRag({ status: m.status, due: m.due, baselineDue: m.baselineDue }, asOf, rules);
      const dueDate = m.due?.due;
      const baseline = m.baselineDue?.due;
      const refs = [m.actionId, ...(m.linkedActionIds ?? [])]
        .map((id) => actionsById.get(id)?.ref)
        .filter((r): r is string => !!r);
      const due = timescaleView(m.due, 'due');
      const baselineDue = timescaleView(m.baselineDue, 'due');
      return {
        kind: 'milestone' as const,
        id: m.id,
        ref: m.ref,
        title: m.title,
        themeId: row?.themeId ?? OTHER_THEME_ID,
        actionId: m.actionId,
        actionRef: action?.ref ?? '',
        actionTitle: action?.title ?? '',
        actionRefs: [...new Set(refs)],
        ...leadsOf(action),
        ...(due && { due }),
        ...(baselineDue && { baselineDue }),
        ...(m.completedOn && { completedOn: m.completedOn }),
        ...statusView(m.status, rag),
        rebaselined: isOpen(m.status) && !!dueDate && !!baseline && dueDate > baseline,
        overdue: isOpen(m.status) && !!dueDate && dueDate < asOf,
        ...(row?.latest && { latest: row.latest }),
      };
    });

  const exceptions = buildExceptions(orderedActions, milestones, asOf, period, headingOf);
  const themeOrder = new Map([...themes.map((t, i) => [t.id, i] as const), [OTHER_THEME_ID, themes.length]]);
  exceptions.sort(
    (x, y) =>
      RAG_SEVERITY[y.item.rag] - RAG_SEVERITY[x.item.rag] ||
      themeOrder.get(x.item.themeId)! - themeOrder.get(y.item.themeId)! ||
      compareRefs(
        x.item.kind === 'milestone' ? x.item.actionRef : x.item.ref,
        y.item.kind === 'milestone' ? y.item.actionRef : y.item.ref,
      ) ||
      (x.item.kind === y.item.kind ? compareRefs(x.item.ref, y.item.ref) : x.item.kind === 'action' ? -1 : 1),
  );

  const sections: ThemeSection[] = themes.map((t) => ({
    id: t.id,
    ref: t.ref,
    title: t.title,
    heading: headingOf.get(t.id)!,
    ...(t.description && { description: t.description }),
    actions: orderedActions.filter((r) => r.themeId === t.id),
    milestones: milestones.filter((m) => m.themeId === t.id),
  }));
  const other = orderedActions.filter((r) => r.themeId === OTHER_THEME_ID);
  const otherMilestones = milestones.filter((m) => m.themeId === OTHER_THEME_ID);
  if (other.length || otherMilestones.length) {
    sections.push({
      id: OTHER_THEME_ID,
      ref: '',
      title: 'Other actions',
      heading: 'Other actions',
      actions: other,
      milestones: otherMilestones,
    });
  }

  return {
    title: `${plan.title}: progress report, ${period.label}`,
    council: { id: council.id, name: council.name },
    plan: {
      id: plan.id,
      title: plan.title,
      kind: plan.kind,
      labels,
      ...(plan.period.label && { periodLabel: plan.period.label }),
      ...(plan.ownerLabel && { ownerLabel: plan.ownerLabel }),
      ...(plan.directorate && { directorate: plan.directorate }),
      ...(plan.division && { division: plan.division }),
    },
    period,
    asOf,
    generatedOn: today,
    summary: buildSummary(orderedActions, milestones, exceptions, sections),
    exceptions,
    themes: sections,
    indicators: data.indicators.map((i) => indicatorRow(i, period)),
    risks: data.risks.map((r) => ({
      id: r.id,
      description: r.description,
      ...(r.ref && { ref: r.ref }),
      ...(r.likelihood && { likelihood: r.likelihood }),
      ...(r.impact && { impact: r.impact }),
      ...(r.mitigation && { mitigation: r.mitigation }),
      ...(r.ownerLabel && { ownerLabel: r.ownerLabel }),
    })),
    hasForecast: options.forecast === true,
    ...(data.comparedWith && { comparedWith: data.comparedWith }),
  };
}

function buildExceptions(
  actions: ActionRow[],
  milestones: MilestoneRow[],
  asOf: IsoDate,
  period: ReportPeriod,
  headingOf: Map<string, string>,
): ExceptionRow[] {
  const overdueText = (due: TimescaleView | undefined) => {
    const days = differenceInCalendarDays(parseISO(asOf), parseISO(due!.parsed!));
    return `Overdue: due ${formatDate(due!.parsed!)}, ${days} day${days === 1 ? '' : 's'} late`;
  };
  const out: ExceptionRow[] = [];
  const push = (item: ActionRow | MilestoneRow, found: [ExceptionReason, string][]) => {
    if (!found.length) return;
    out.push({
      item,
      themeHeading: headingOf.get(item.themeId) ?? '',
      reasons: found.map(([r]) => r),
      reasonText: found.map(([, t]) => t).join('; '),
    });
  };

  for (const a of actions) {
    if (!isOpen(a.status)) continue;
    const found: [ExceptionReason, string][] = [];
    if (a.status === 'off-track' || (a.overridden && a.rag === 'red')) {
      found.push([
        'off-track',
        a.status === 'off-track' ? 'Off track' : `Rated red: ${a.ragReasons.join('; ')}`,
      ]);
    }
    if (a.due?.parsed && a.due.parsed < asOf) found.push(['overdue', overdueText(a.due)]);
    const notYetStarted = a.start?.parsed !== undefined && a.start.parsed > period.end;
    if (!a.updatedInPeriod && !notYetStarted) {
      found.push([
        'stale',
        a.latest ? `No update this period (last ${formatDate(a.latest.date)})` : 'No update yet',
      ]);
    }
    push(a, found);
  }
  for (const m of milestones) {
    const found: [ExceptionReason, string][] = [];
    if (m.overdue) found.push(['overdue', overdueText(m.due)]);
    if (m.rebaselined) {
      found.push([
        're-baselined',
        `${EXCEPTION_REASON_LABELS['re-baselined']}: from ${formatDate(m.baselineDue!.parsed!)} to ${formatDate(m.due!.parsed!)}`,
      ]);
    }
    push(m, found);
  }
  return out;
}

function buildSummary(
  actions: ActionRow[],
  milestones: MilestoneRow[],
  exceptions: ExceptionRow[],
  sections: ThemeSection[],
): Summary {
  const travel = emptyTravel();
  const byStatus = zeroes(STATUSES);
  const byRag = zeroes(RAGS);
  for (const a of actions) {
    travel[a.travel]++;
    byStatus[a.status]++;
    byRag[a.rag]++;
  }
  const exceptionCounts = { ...zeroes(['off-track', 'overdue', 're-baselined', 'stale'] as const), total: 0 };
  for (const e of exceptions) {
    exceptionCounts.total++;
    for (const r of e.reasons) exceptionCounts[r]++;
  }
  const byTheme: ThemeSummary[] = sections.map((s) => {
    const t: ThemeSummary = {
      id: s.id,
      heading: s.heading,
      total: s.actions.length,
      byStatus: zeroes(STATUSES),
      byRag: zeroes(RAGS),
      travel: emptyTravel(),
      exceptions: exceptions.filter((e) => e.item.themeId === s.id).length,
    };
    for (const a of s.actions) {
      t.byStatus[a.status]++;
      t.byRag[a.rag]++;
      t.travel[a.travel]++;
    }
    return t;
  });
  return {
    totalActions: actions.length,
    byStatus: STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], count: byStatus[s] })),
    byRag: RAGS.map((r) => ({ key: r, label: RAG_LABELS[r], count: byRag[r] })),
    travel,
    byTheme,
    milestones: {
      total: milestones.length,
      completed: milestones.filter((m) => m.status === 'completed').length,
      overdue: milestones.filter((m) => m.overdue).length,
      rebaselined: milestones.filter((m) => m.rebaselined).length,
    },
    exceptions: exceptionCounts,
  };
}
