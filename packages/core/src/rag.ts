import { z } from 'zod';
import { daysBetween } from './dates.js';
import { isOpen, RAG_SEVERITY, Rag, type Status } from './status.js';
import type { Timescale } from './timescale.js';

/** Council-configurable rules turning status and dates into RAG. */
export const RagRules = z.strictObject({
  /** RAG for each status before date rules apply. */
  byStatus: z
    .strictObject({
      'not-started': Rag,
      'on-track': Rag,
      'at-risk': Rag,
      'off-track': Rag,
      completed: Rag,
      deferred: Rag,
      cancelled: Rag,
      ongoing: Rag,
    })
    .default({
      'not-started': 'grey',
      'on-track': 'green',
      'at-risk': 'amber',
      'off-track': 'red',
      completed: 'blue',
      deferred: 'grey',
      cancelled: 'grey',
      ongoing: 'green',
    }),
  /** An open item past its due date is at least this. */
  overdue: Rag.default('red'),
  /** An open item not yet started and due within `dueSoonDays` is at least this. */
  notStartedDueSoon: Rag.default('amber'),
  dueSoonDays: z.number().int().min(0).max(180).default(30),
  /** An open item whose current due is later than its baseline is at least this. */
  rebaselined: Rag.default('amber'),
});
export type RagRules = z.infer<typeof RagRules>;

export const DEFAULT_RAG_RULES: RagRules = RagRules.parse({});

/** Only the parsed dates count: a whole Timescale fits, and so does a bare `{ due }`. */
export interface RagInput {
  status: Status;
  due?: Pick<Timescale, 'due'> | undefined;
  baselineDue?: Pick<Timescale, 'due'> | undefined;
  override?: { rag: Rag; reason?: string | undefined } | undefined;
}

export interface RagResult {
  rag: Rag;
  /** Why: shown next to the RAG so nobody has to guess. */
  reasons: string[];
  overridden: boolean;
}

/** Derive RAG from status and dates; the worst applicable rule wins; an override wins over all. */
export function deriveRag(input: RagInput, today: string, rules: RagRules = DEFAULT_RAG_RULES): RagResult {
  if (input.override) {
    const why = input.override.reason ? `Overridden: ${input.override.reason}` : 'Overridden';
    return { rag: input.override.rag, reasons: [why], overridden: true };
  }
  let rag: Rag = rules.byStatus[input.status];
  const reasons = [`Status: ${input.status}`];
  const raise = (to: Rag, why: string) => {
    if (RAG_SEVERITY[to] > RAG_SEVERITY[rag]) rag = to;
    reasons.push(why);
  };
  const due = input.due?.due;
  if (isOpen(input.status) && due) {
    const days = daysBetween(today, due);
    if (days < 0) raise(rules.overdue, `Overdue by ${-days} day${days === -1 ? '' : 's'}`);
    else if (input.status === 'not-started' && days <= rules.dueSoonDays)
      raise(rules.notStartedDueSoon, `Not started and due in ${days} day${days === 1 ? '' : 's'}`);
    const baseline = input.baselineDue?.due;
    if (baseline && due > baseline) raise(rules.rebaselined, `Re-baselined from ${baseline} to ${due}`);
  }
  return { rag, reasons, overridden: false };
}

/** Direction of travel since a previous reporting point; `new` when there was no earlier RAG. */
export type Travel = 'improved' | 'same' | 'worse' | 'new';

/**
 * Rank for direction of travel: red is worst; grey (not started / not applicable) ranks with green,
 * because it flags no problem; blue (complete) is the best place an action can reach. The one rule
 * used by reports, dashboards and the partnership view.
 */
export const TRAVEL_RANK: Record<Rag, number> = { red: 3, amber: 2, green: 1, grey: 1, blue: 0 };

export function directionOfTravel(previous: Rag | undefined, current: Rag): Travel {
  if (previous === undefined) return 'new';
  const d = TRAVEL_RANK[current] - TRAVEL_RANK[previous];
  return d < 0 ? 'improved' : d > 0 ? 'worse' : 'same';
}
