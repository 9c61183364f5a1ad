import type { Rag } from '@peopleplan/core';
import { assessIndicator } from './indicators.js';
import { normalisePeriodKey } from './period.js';
import type { ReportIndicator } from './report-data.js';

/**
 * An indicator's actuals against its targets, period by period, in time order: the trend the plan's
 * page charts. Periods are written as plans write them (`2013-14`, `2013-14 Q2`, `2013-14 H1`,
 * `2026-11`, `2013`); each is placed at the month it ends, a whole year after its own quarters.
 */
export interface IndicatorPoint {
  /** As the plan writes it (the first spelling met). */
  period: string;
  target: number | null;
  actual: number | null;
  rag: Rag;
  assessment: string;
}

export interface IndicatorTrend {
  id: string;
  ref?: string;
  name: string;
  unit?: string;
  goodDirection: 'up' | 'down' | 'none';
  floorStandard?: number;
  points: IndicatorPoint[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM` of the month `months` after (or before) the first month of `year`-`month`. */
function monthAfter(year: number, month: number, months: number): string {
  const i = year * 12 + (month - 1) + months;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** Where a period sorts: the month it ends, then `a` for part of a year, `b` for a whole year. */
export function periodOrder(key: string, fyStartMonth = 4): string {
  const k = normalisePeriodKey(key);
  let m = /^(\d{4})-(\d{2})(?: ([QH])([1-4]))?$/.exec(k);
  if (m) {
    const year = Number(m[1]);
    const second = Number(m[2]);
    const isFy = second === (year + 1) % 100;
    if (!isFy) return !m[3] && second >= 1 && second <= 12 ? `${year}-${pad(second)} a` : `~${k}`;
    if (!m[3]) return `${monthAfter(year, fyStartMonth, 11)} b`;
    const n = Number(m[4]);
    if (m[3] === 'Q') return `${monthAfter(year, fyStartMonth, n * 3 - 1)} a`;
    return n <= 2 ? `${monthAfter(year, fyStartMonth, n * 6 - 1)} a` : `~${k}`;
  }
  m = /^(\d{4})$/.exec(k);
  if (m) return `${m[1]}-12 b`;
  return `~${k}`;
}

/** Orders `periodOrder` values (code points, not locale: `~` must sort last). */
export const byOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function indicatorTrend(i: ReportIndicator, fyStartMonth = 4): IndicatorTrend {
  const periods = new Map<string, { period: string; target: number | null; actual: number | null }>();
  const at = (period: string) => {
    const key = normalisePeriodKey(period);
    let p = periods.get(key);
    if (!p) {
      p = { period, target: null, actual: null };
      periods.set(key, p);
    }
    return p;
  };
  for (const t of i.targets) at(t.period).target = t.value;
  for (const a of i.actuals) at(a.period).actual = a.value;
  const floor = i.floorStandard ?? undefined;
  const points = [...periods.entries()]
    .map(([key, p], n) => ({ p, order: periodOrder(key, fyStartMonth), n }))
    .sort((a, b) => byOrder(a.order, b.order) || a.n - b.n)
    .map(({ p }) => ({ ...p, ...assessIndicator(p.actual, p.target, i.goodDirection, floor, i.unit) }));
  return {
    id: i.id,
    ...(i.ref && { ref: i.ref }),
    name: i.name,
    ...(i.unit && { unit: i.unit }),
    goodDirection: i.goodDirection,
    ...(floor !== undefined && { floorStandard: floor }),
    points,
  };
}
