import { RAGS, type Rag, type Status } from './status.js';

/**
 * Trends over time for a plan (or one of its themes): pure computations over closed periods' counts
 * and milestones' dates. The API reads the data; these only count.
 */

export interface ThemeFacts {
  id: string;
  heading: string;
  total: number;
  byRag: Partial<Record<Rag, number>>;
  overdueActions: number;
  overdueMilestones: number;
}

/** Counts kept with a closed period's snapshot, as its report showed them (trends read these). */
export interface PeriodFacts {
  overdueActions: number;
  milestones: { total: number; completed: number; overdue: number };
  exceptions: number;
  themes: ThemeFacts[];
}

/** A closed period as the trends need it (a snapshot header). */
export interface ClosedPeriodCounts {
  key: string;
  label: string;
  end: string;
  actionCount: number;
  byRag: Partial<Record<Rag, number>>;
  facts?: PeriodFacts | undefined;
}

export interface RagMixPoint {
  periodKey: string;
  label: string;
  end: string;
  total: number;
  /** Every RAG, zero where none; null for a theme of a period closed before per-theme counts were kept. */
  byRag: Record<Rag, number> | null;
}

const full = (counts: Partial<Record<Rag, number>>): Record<Rag, number> =>
  Object.fromEntries(RAGS.map((r) => [r, counts[r] ?? 0])) as Record<Rag, number>;

/** RAG mix at each closed period, oldest first: the plan's, or one theme's. */
export function ragMixOverPeriods(periods: readonly ClosedPeriodCounts[], themeId?: string): RagMixPoint[] {
  return periods.map((p) => {
    const base = { periodKey: p.key, label: p.label, end: p.end };
    if (!themeId) return { ...base, total: p.actionCount, byRag: full(p.byRag) };
    const theme = p.facts?.themes.find((t) => t.id === themeId);
    if (!p.facts) return { ...base, total: 0, byRag: null };
    return { ...base, total: theme?.total ?? 0, byRag: full(theme?.byRag ?? {}) };
  });
}

export interface OverduePoint {
  periodKey: string;
  label: string;
  end: string;
  /** Null where the period was closed before overdue counts were kept. */
  actions: number | null;
  milestones: number | null;
}

/** Overdue actions and milestones at each closed period (as its report counted them), oldest first. */
export function overdueOverPeriods(periods: readonly ClosedPeriodCounts[], themeId?: string): OverduePoint[] {
  return periods.map((p) => {
    const base = { periodKey: p.key, label: p.label, end: p.end };
    if (!p.facts) return { ...base, actions: null, milestones: null };
    if (!themeId) return { ...base, actions: p.facts.overdueActions, milestones: p.facts.milestones.overdue };
    const t = p.facts.themes.find((x) => x.id === themeId);
    return { ...base, actions: t?.overdueActions ?? 0, milestones: t?.overdueMilestones ?? 0 };
  });
}

/** What the burn-up reads of a milestone. */
export interface BurnUpMilestone {
  status: Status;
  baselineDue?: { due?: string | undefined } | undefined;
  due?: { due?: string | undefined } | undefined;
  completedOn?: string | undefined;
}

export interface BurnUpPoint {
  /** `YYYY-MM` */
  month: string;
  /** Milestones whose first committed (baseline) date falls in or before the month. */
  planned: number;
  /** Milestones whose current due date falls in or before the month. */
  due: number;
  /** Milestones completed in or before the month; null for a month still to come (not yet known). */
  completed: number | null;
}

export interface BurnUp {
  total: number;
  /** Milestones with no date at all (never on the chart). */
  undated: number;
  /** Completed milestones with no completion date (counted in no month). */
  completedUndated: number;
  months: BurnUpPoint[];
}

/** Months charted at most: ten years. */
export const MAX_BURN_UP_MONTHS = 120;

const monthOf = (date: string) => date.slice(0, 7);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Milestones completed against planned, month by month (cumulative): from the plan's start (or the
 * earliest date) to its end (or the latest date, or this month if later than both), at most
 * `MAX_BURN_UP_MONTHS` (the latest ones). Months after this one have what is planned and due, and no
 * completed figure: what will be done then is not known.
 */
export function burnUp(
  milestones: readonly BurnUpMilestone[],
  opts: { today: string; start?: string | undefined; end?: string | undefined },
): BurnUp {
  const planned: string[] = [];
  const due: string[] = [];
  const completed: string[] = [];
  let undated = 0;
  let completedUndated = 0;
  for (const m of milestones) {
    const d = m.due?.due;
    const b = m.baselineDue?.due ?? d;
    if (!b && !d && !m.completedOn) undated++;
    if (b) planned.push(monthOf(b));
    if (d) due.push(monthOf(d));
    if (m.completedOn) completed.push(monthOf(m.completedOn));
    else if (m.status === 'completed') completedUndated++;
  }
  const all = [...planned, ...due, ...completed];
  const total = milestones.length;
  if (!all.length) return { total, undated, completedUndated, months: [] };
  const first = [opts.start && monthOf(opts.start), ...all].filter(Boolean).sort()[0]!;
  const last = [opts.end && monthOf(opts.end), ...all, monthOf(opts.today)].filter(Boolean).sort().at(-1)!;
  const months: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  const counter = (list: string[]) => {
    const sorted = [...list].sort();
    let i = 0;
    return (month: string) => {
      while (i < sorted.length && sorted[i]! <= month) i++;
      return i;
    };
  };
  const [p, d, c] = [counter(planned), counter(due), counter(completed)];
  const thisMonth = monthOf(opts.today);
  const points = months.map((month) => ({
    month,
    planned: p(month),
    due: d(month),
    completed: month > thisMonth ? null : c(month),
  }));
  return { total, undated, completedUndated, months: points.slice(-MAX_BURN_UP_MONTHS) };
}
