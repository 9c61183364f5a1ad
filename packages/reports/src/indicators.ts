import type { Rag } from '@peopleplan/core';
import { formatValue } from './format.js';
import type { IndicatorRow } from './model.js';
import { normalisePeriodKey, type ReportPeriod } from './period.js';
import type { ReportIndicator } from './report-data.js';

type PeriodValues = ReportIndicator['targets'];

export interface IndicatorAssessment {
  rag: Rag;
  assessment: string;
}

/**
 * RAG of an actual against its target, respecting which way is good:
 * - no actual, or no good direction → grey (not rated);
 * - floor standard breached (below it when up is good, above it when down is good) → red;
 * - target met → green; target missed but floor kept (or no floor) → amber;
 * - no target: green if a floor standard exists and is kept, else grey.
 */
export function assessIndicator(
  actual: number | null,
  target: number | null,
  goodDirection: 'up' | 'down' | 'none',
  floor: number | null | undefined,
  unit?: string,
): IndicatorAssessment {
  const v = (n: number) => formatValue(n, unit);
  if (actual === null) return { rag: 'grey', assessment: 'No actual reported for the period' };
  if (goodDirection === 'none')
    return { rag: 'grey', assessment: 'Not rated: no direction of improvement set' };
  const better = (a: number, b: number) => (goodDirection === 'up' ? a >= b : a <= b);
  if (floor !== null && floor !== undefined && !better(actual, floor)) {
    return {
      rag: 'red',
      assessment: `${goodDirection === 'up' ? 'Below' : 'Above'} floor standard (${v(actual)} against ${v(floor)})`,
    };
  }
  if (target === null) {
    return floor !== null && floor !== undefined
      ? { rag: 'green', assessment: `No target; floor standard kept (${v(actual)} against ${v(floor)})` }
      : { rag: 'grey', assessment: 'No target set for the period' };
  }
  return better(actual, target)
    ? { rag: 'green', assessment: `Met target (${v(actual)} against ${v(target)})` }
    : { rag: 'amber', assessment: `Missed target (${v(actual)} against ${v(target)})` };
}

const find = (values: PeriodValues, key: string) => values.find((p) => normalisePeriodKey(p.period) === key);

/** An indicator's figures for the period: the most specific key that has a target or an actual. */
export function indicatorRow(i: ReportIndicator, period: ReportPeriod): IndicatorRow {
  let target: PeriodValues[number] | undefined;
  let actual: PeriodValues[number] | undefined;
  for (const key of period.valueKeys) {
    target = find(i.targets, key);
    actual = find(i.actuals, key);
    if (target || actual) break;
  }
  const t = target?.value ?? null;
  const a = actual?.value ?? null;
  const floor = i.floorStandard ?? undefined;
  const { rag, assessment } = assessIndicator(a, t, i.goodDirection, floor, i.unit);
  const periodKey = target?.period ?? actual?.period;
  return {
    id: i.id,
    name: i.name,
    goodDirection: i.goodDirection,
    ...(i.ref && { ref: i.ref }),
    ...(i.unit && { unit: i.unit }),
    ...(floor !== undefined && { floorStandard: floor }),
    ...(i.baseline && { baseline: `${formatValue(i.baseline.value, i.unit)} (${i.baseline.period})` }),
    ...(i.benchmark && { benchmark: i.benchmark }),
    ...(periodKey && { periodKey }),
    target: t,
    actual: a,
    targetText: formatValue(t, i.unit),
    actualText: formatValue(a, i.unit),
    floorText: formatValue(floor, i.unit),
    rag,
    ragWord: rag[0]!.toUpperCase() + rag.slice(1),
    assessment,
  };
}
