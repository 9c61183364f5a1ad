import type { RowDraft } from '../build-plan.js';
import type { ParsedIndicator } from '../parsed-plan.js';
import type { PlanPeriod } from '../period.js';
import { financialYear } from '../timescale-adapter.js';

/** "100%" → 100 and unit "%"; text that is not a number keeps value null and the text as a note. */
function periodValue(
  period: string,
  text: string,
): { period: string; value: number | null; note?: string; unit?: string } {
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(%|days?|hours?|weeks?)?$/i.exec(text.trim());
  if (m) return { period, value: Number(m[1]!.replace(',', '.')), ...(m[2] ? { unit: m[2] } : {}) };
  return { period, value: null, note: text.slice(0, 500) };
}

export function toIndicator(r: RowDraft, period: PlanPeriod | undefined): ParsedIndicator {
  const y =
    period?.start && period.end && period.end < `${Number(period.start.slice(0, 4)) + 2}`
      ? Number(period.start.slice(0, 4))
      : undefined;
  const fy = y ? financialYear(`${y}-${String((y + 1) % 100).padStart(2, '0')}`) : undefined;
  const headerYear = (h: string) => {
    const m = /((?:19|20)\d{2})\s*[/-]\s*(\d{2,4})/.exec(h);
    return m ? financialYear(`${m[1]}-${m[2]}`)?.label : undefined;
  };
  let unit: string | undefined;
  const ind: ParsedIndicator = { name: r.fields.title!, targets: [], actuals: [] };
  const headers = r.byColumn.map((c) => c.col.header).join(' ');
  if (/quarter/i.test(headers) || r.byColumn.some((c) => /^Q[1-4]$/.test(c.col.period ?? '')))
    ind.frequency = 'quarterly';
  for (const { col, text } of r.byColumn) {
    const label =
      col.period && /^Q[1-4]$/.test(col.period)
        ? [fy?.label, col.period].filter(Boolean).join(' ')
        : (col.period ?? headerYear(col.header) ?? fy?.label ?? col.header);
    switch (col.field) {
      case 'floorStandard': {
        const v = periodValue('', text);
        ind.floorStandard = v.value;
        unit ??= v.unit;
        break;
      }
      case 'baseline': {
        const { unit: u, ...v } = periodValue(headerYear(col.header) ?? col.header, text);
        ind.baseline = v;
        unit ??= u;
        break;
      }
      case 'benchmark':
        ind.benchmark = text;
        break;
      case 'target':
      case 'actual': {
        const { unit: u, ...v } = periodValue(label, text);
        (col.field === 'target' ? ind.targets : ind.actuals).push(v);
        unit ??= u;
        break;
      }
      case 'unit':
        unit = text;
        break;
    }
  }
  if (unit) ind.unit = unit;
  return ind;
}
