import type { IsoDate } from '@peopleplan/core';
import { addMonths, format, parseISO, startOfMonth } from 'date-fns';
import { financialYearOf, type ReportPeriod, type ResolveOptions, resolvePeriod } from './period.js';

export { financialYearOf } from './period.js';

const fyLabel = (startYear: number, startMonth: number) =>
  startMonth === 1 ? String(startYear) : `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;

/**
 * The periods a plan can be reported on, newest first: the mid-year and year-end of each financial year
 * the plan's period touches, then its quarters (councils report quarterly to committee), then each
 * month, all of them started by `today` (a report or a close of a period not yet begun says nothing).
 * At most `maxMonths` months, the latest.
 */
export function periodChoices(
  plan: { start: IsoDate; end: IsoDate },
  today: IsoDate,
  options: ResolveOptions & { maxMonths?: number } = {},
): ReportPeriod[] {
  const startMonth = options.financialYearStartMonth ?? 4;
  const last = plan.end < today ? plan.end : today;
  if (last < plan.start) return [];
  const points: ReportPeriod[] = [];
  const quarters: ReportPeriod[] = [];
  const firstFy = financialYearOf(plan.start, startMonth).startYear;
  const lastFy = financialYearOf(last, startMonth).startYear;
  const fyStart = { financialYearStartMonth: startMonth };
  for (let y = lastFy; y >= firstFy && y > lastFy - 20; y--) {
    const fy = fyLabel(y, startMonth);
    for (const kind of ['year-end', 'mid-year'] as const) {
      const p = resolvePeriod(`${kind}:${fy}`, today, fyStart);
      if (p.start <= today) points.push(p);
    }
    for (const n of [4, 3, 2, 1]) {
      const q = resolvePeriod(`${y}-Q${n}`, today, fyStart);
      if (q.start <= last && q.end >= plan.start) quarters.push(q);
    }
  }
  const months: ReportPeriod[] = [];
  let m = startOfMonth(parseISO(last));
  const first = startOfMonth(parseISO(plan.start));
  while (m >= first && months.length < (options.maxMonths ?? 36)) {
    months.push(resolvePeriod(format(m, 'yyyy-MM'), today, fyStart));
    m = addMonths(m, -1);
  }
  return [...points, ...quarters, ...months];
}
