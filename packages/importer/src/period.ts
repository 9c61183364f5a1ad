import { financialYear } from './timescale-adapter.js';

export interface PlanPeriod {
  label?: string;
  start?: string;
  end?: string;
}

/**
 * The plan's period from its title lines: a financial year ("Business Plan 2013-14") or a span of
 * years ("2004 – 2008", read as financial years: 1 Apr 2004 – 31 Mar 2008).
 */
export function findPeriod(lines: string[]): PlanPeriod | undefined {
  for (const line of lines) {
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
