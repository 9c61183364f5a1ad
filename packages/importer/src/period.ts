import { financialYear } from './timescale-adapter.js';

export interface PlanPeriod {
  label?: string;
  start?: string;
  end?: string;
}

/** A year, or a financial year ("2026/27", "2026-2027"), as a title writes it. */
const YEAR = String.raw`(?:19|20)\d{2}(?:\s*[-–—/]\s*(?:(?:19|20)?\d{2}))?`;
/** Two of them joined: "2026/27 to 2027/28", "2025-26 – 2027-28", "2026 to 2030". */
const SPAN = new RegExp(
  String.raw`\b(${YEAR})\s*(?:\s(?:to|until|till|through)\s|[–—-])\s*(${YEAR})\b`,
  'gi',
);

/** A span of years a plan can run: the second later than the first, ten years at most. */
function span(first: string, second: string): { start: string; end: string } | undefined {
  const fy = (t: string) => (/^\d{4}$/.test(t) ? undefined : financialYear(t));
  const a = fy(first);
  const b = fy(second);
  if (a && b)
    return b.end > a.start && Number(b.end.slice(0, 4)) - Number(a.start.slice(0, 4)) <= 10
      ? { start: a.start, end: b.end }
      : undefined;
  // Plain years ("2004 – 2008", "2026 to 2030"); a year and a financial year together are no span.
  if (a || b || !/^\d{4}$/.test(first) || !/^\d{4}$/.test(second)) return undefined;
  const [x, y] = [Number(first), Number(second)];
  return y > x && y - x <= 10 ? { start: `${x}-04-01`, end: `${y}-03-31` } : undefined;
}

/**
 * The plan's period from its title lines: a span of financial years ("2026/27 to 2027/28": 1 Apr 2026 –
 * 31 Mar 2028), a financial year ("Business Plan 2013-14") or a span of years ("2004 – 2008", "2026 to
 * 2030", read as financial years: 1 Apr 2004 – 31 Mar 2008).
 */
export function findPeriod(lines: string[]): PlanPeriod | undefined {
  for (const line of lines) {
    for (const m of line.matchAll(SPAN)) {
      const s = span(m[1]!, m[2]!);
      if (s) return { label: m[0], ...s };
    }
    for (const m of line.matchAll(/\b((?:19|20)\d{2})\s*([-–—/])\s*((?:19|20)?\d{2})\b/g)) {
      const fy = financialYear(`${m[1]}-${m[3]}`);
      if (fy) return { label: m[0], start: fy.start, end: fy.end };
      const a = Number(m[1]);
      const b = m[3]!.length === 2 ? Math.floor(a / 100) * 100 + Number(m[3]) : Number(m[3]);
      if (b > a && b - a <= 10) return { label: m[0], start: `${a}-04-01`, end: `${b}-03-31` };
    }
  }
  return undefined;
}
