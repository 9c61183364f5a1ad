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

/**
 * What a repair changes: a field's safe value, or `undefined` to set the field aside. Repairs only
 * read the item and list changes, so an item with nothing wrong (nearly every one) is never copied.
 */
type Changes = Record<string, unknown>;

function repairDate(item: Raw, key: string, problems: string[], changes: Changes): void {
  if (item[key] === undefined || isCalendarDate(item[key])) return;
  problems.push(`${key}: the stored date ${describe(item[key])} is not a real date`);
  changes[key] = undefined;
}

function repairTimescaleField(item: Raw, key: string, problems: string[], changes: Changes): void {
  if (item[key] === undefined) return;
  const repaired = repairTimescale(item[key], key, problems);
  if (repaired !== item[key]) changes[key] = repaired;
}

/** A nested object (a plan's period) with its bad dates set aside, or undefined when all are real. */
function repairedDates(value: unknown, keys: string[], problems: string[]): Raw | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const changes: Changes = {};
  for (const k of keys) repairDate(value as Raw, k, problems, changes);
  return Object.keys(changes).length ? applied(value as Raw, changes) : undefined;
}

function repairPlan(item: Raw, problems: string[], changes: Changes): void {
  const period = repairedDates(item.period, ['start', 'end'], problems);
  if (period) changes.period = period;
  const approval = repairedDates(item.approval, ['date'], problems);
  if (approval) changes.approval = approval;
  if (Array.isArray(item.reportingPoints)) {
    const real = item.reportingPoints.filter((p: Raw) => {
      if (isCalendarDate(p?.date)) return true;
      problems.push(`reportingPoints: "${String(p?.label ?? '')}" has no real date (${describe(p?.date)})`);
      return false;
    });
    if (real.length !== item.reportingPoints.length) changes.reportingPoints = real;
  }
}

/** A copy of `item` with `changes` made (`undefined` removes the field). */
function applied(item: Raw, changes: Changes): Raw {
  const out: Raw = {};
  for (const k of Object.keys(item)) if (!(k in changes)) out[k] = item[k];
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) out[k] = v;
  return out;
}

/** Which fields of each item type hold dates, and how each is repaired. */
const REPAIRS: Record<string, (item: Raw, problems: string[], changes: Changes) => void> = {
  action: (i, p, c) => {
    for (const k of ['start', 'due']) repairTimescaleField(i, k, p, c);
  },
  milestone: (i, p, c) => {
    for (const k of ['due', 'baselineDue']) repairTimescaleField(i, k, p, c);
    repairDate(i, 'completedOn', p, c);
  },
  plan: repairPlan,
  decision: (i, p, c) => repairTimescaleField(i, 'due', p, c),
  dependency: (i, p, c) => repairTimescaleField(i, 'expected', p, c),
};

/**
 * The item as readers may safely use it. Returns the same object when nothing was wrong (the common
 * case costs a few checks and no copy); otherwise a copy, the stored item left as it was.
 */
export function repairStoredEntity<T extends object>(type: string, item: T): T & WithDataProblems {
  const repair = REPAIRS[type];
  if (!repair) return item;
  const problems: string[] = [];
  const changes: Changes = {};
  repair(item as Raw, problems, changes);
  if (!problems.length) return item;
  return { ...applied(item as Raw, changes), dataProblems: problems } as T & WithDataProblems;
}
