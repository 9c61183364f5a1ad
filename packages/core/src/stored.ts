import { isCalendarDate } from './dates.js';
import type { Timescale } from './timescale.js';

/**
 * Reading stored items defensively. Schemas check every value on the way in, but an item may have been
 * written before a rule existed (an impossible date let in by an older release), or by hand. Such an
 * item must never stop anyone's work: readers repair what they can to a safe form, keep the words
 * people wrote, and list what was wrong in `dataProblems`, so pages and reports flag the item instead
 * of failing and a person can correct it.
 */
export interface WithDataProblems {
  /** What was wrong with the stored item and has been set aside on reading; absent when nothing. */
  dataProblems?: string[];
}

type Raw = Record<string, unknown>;

const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 40) ?? String(value);

/** A timescale whose dates are real, or the same words kept as unparsed, with what was wrong. */
export function repairTimescale(value: unknown, field: string, problems: string[]): Timescale | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') {
    problems.push(`${field}: not a timescale (${describe(value)})`);
    return typeof value === 'string' ? { text: value, kind: 'unparsed' } : undefined;
  }
  const t = value as Raw;
  const bad = (['start', 'due'] as const).filter((k) => t[k] !== undefined && !isCalendarDate(t[k]));
  // A read that projects a few attributes (`due.due`) has no text: only the dates are judged.
  if (!bad.length) return value as Timescale;
  const text = typeof t.text === 'string' ? t.text : '';
  for (const k of bad) problems.push(`${field}: the stored ${k} date ${describe(t[k])} is not a real date`);
  return {
    text,
    kind: 'unparsed',
    note: `Needs correcting: the stored date ${bad.map((k) => describe(t[k])).join(' and ')} is not a real date.`,
  };
}

function repairDate(item: Raw, key: string, problems: string[]): void {
  if (item[key] === undefined || isCalendarDate(item[key])) return;
  problems.push(`${key}: the stored date ${describe(item[key])} is not a real date`);
  delete item[key];
}

function repairTimescaleField(item: Raw, key: string, problems: string[]): void {
  if (item[key] === undefined) return;
  const repaired = repairTimescale(item[key], key, problems);
  if (repaired === undefined) delete item[key];
  else item[key] = repaired;
}

function repairPlan(item: Raw, problems: string[]): void {
  if (item.period && typeof item.period === 'object') {
    const period = { ...(item.period as Raw) };
    for (const k of ['start', 'end']) repairDate(period, k, problems);
    item.period = period;
  }
  if (item.approval && typeof item.approval === 'object') {
    const approval = { ...(item.approval as Raw) };
    repairDate(approval, 'date', problems);
    item.approval = approval;
  }
  if (Array.isArray(item.reportingPoints)) {
    item.reportingPoints = item.reportingPoints.filter((p: Raw) => {
      if (isCalendarDate(p?.date)) return true;
      problems.push(`reportingPoints: "${String(p?.label ?? '')}" has no real date (${describe(p?.date)})`);
      return false;
    });
  }
}

/** Which fields of each item type hold dates, and how each is repaired. */
const REPAIRS: Record<string, (item: Raw, problems: string[]) => void> = {
  action: (i, p) => {
    for (const k of ['start', 'due']) repairTimescaleField(i, k, p);
  },
  milestone: (i, p) => {
    for (const k of ['due', 'baselineDue']) repairTimescaleField(i, k, p);
    repairDate(i, 'completedOn', p);
  },
  plan: repairPlan,
  decision: (i, p) => repairTimescaleField(i, 'due', p),
  dependency: (i, p) => repairTimescaleField(i, 'expected', p),
};

/**
 * The item as readers may safely use it. Returns the same object when nothing was wrong (the common
 * case costs a few checks and no copy).
 */
export function repairStoredEntity<T extends object>(type: string, item: T): T & WithDataProblems {
  const repair = REPAIRS[type];
  if (!repair) return item;
  const problems: string[] = [];
  const copy = { ...(item as Raw) };
  repair(copy, problems);
  if (!problems.length) return item;
  return { ...copy, dataProblems: problems } as T & WithDataProblems;
}
