import { z } from 'zod';
import { daysBetween } from './dates.js';
import { type DueFacts, dueOn } from './occurrence.js';
import { isOpen, RAG_SEVERITY, Rag, STATUS_LABELS, type Status } from './status.js';
import type { Timescale } from './timescale.js';
import { dateWords, durationWords } from './words.js';

/**
 * How an action's rating takes in its milestones and its sub-actions (roll-up): `worst`, the action
 * is rated no better than its worst open milestone or sub-action; `amber`, a red one makes it amber at
 * most; `none`, they are not counted. Only problems roll up: an on-track milestone never makes a
 * not-started action green.
 */
export const ROLL_UP_MODES = ['worst', 'amber', 'none'] as const;
export const RollUpMode = z.enum(ROLL_UP_MODES);
export type RollUpMode = z.infer<typeof RollUpMode>;
export const RollUpRules = z.strictObject({ milestones: RollUpMode, subActions: RollUpMode });
export type RollUpRules = z.infer<typeof RollUpRules>;

/** The default: an action is no better than its worst open milestone or sub-action. */
export const DEFAULT_ROLL_UP: RollUpRules = { milestones: 'worst', subActions: 'worst' };

export const ROLL_UP_LABELS: Record<RollUpMode, string> = {
  worst: 'The action is rated no better than the worst of them',
  amber: 'A red one makes the action amber at most',
  none: 'They do not change the action’s rating',
};

/** The default in words, for the settings page. */
export const ROLL_UP_EXPLAINED =
  'By default an action is rated no better than its worst open milestone or sub-action: an action ' +
  'reported on track with a milestone 30 days late is red, and the reason says which milestone. ' +
  'Completed, deferred and cancelled milestones and sub-actions are not counted, and a rating set ' +
  'by hand wins over everything.';

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
  /** Roll-up from milestones and sub-actions; absent (councils saved before it existed): DEFAULT_ROLL_UP. */
  rollUp: RollUpRules.optional(),
});
export type RagRules = z.infer<typeof RagRules>;

export const DEFAULT_RAG_RULES: RagRules = RagRules.parse({});

export const rollUpOf = (rules: RagRules): RollUpRules => rules.rollUp ?? DEFAULT_ROLL_UP;

/**
 * Only the parsed dates count: a whole Timescale fits, and so does a bare `{ due }`. A repeating
 * deadline is judged by its occurrence current on the day (occurrence.ts).
 */
export interface RagInput {
  status: Status;
  due?: DueFacts | undefined;
  baselineDue?: Pick<Timescale, 'due'> | undefined;
  override?: { rag: Rag; reason?: string | undefined } | undefined;
}

export interface RagResult {
  rag: Rag;
  /** Why, in words: the reasons for this rating (not the rules that gave a milder one). */
  reasons: string[];
  overridden: boolean;
}

/** One fact that bears on a rating, kept as data so that it can be worded for whoever it is about. */
export type RagFinding =
  | { kind: 'status'; status: Status }
  | { kind: 'overdue'; days: number; due: string }
  | { kind: 'due-soon'; days: number }
  | { kind: 'rebaselined'; from: string; to: string }
  | { kind: 'override'; reason?: string | undefined }
  | { kind: 'milestone'; ref: string; finding: RagFinding }
  | { kind: 'sub-action'; ref: string; finding: RagFinding };

/** A rating with every finding and the rating each gives. */
export interface Rated {
  rag: Rag;
  findings: Array<{ rag: Rag; finding: RagFinding }>;
  overridden: boolean;
}

const worse = (a: Rag, b: Rag): Rag => (RAG_SEVERITY[b] > RAG_SEVERITY[a] ? b : a);

/** Rate one item from its own status and dates; the worst applicable rule wins; an override wins over all. */
export function rateItem(input: RagInput, today: string, rules: RagRules = DEFAULT_RAG_RULES): Rated {
  if (input.override) {
    const finding: RagFinding = { kind: 'override', reason: input.override.reason };
    return { rag: input.override.rag, findings: [{ rag: input.override.rag, finding }], overridden: true };
  }
  const findings: Rated['findings'] = [
    { rag: rules.byStatus[input.status], finding: { kind: 'status', status: input.status } },
  ];
  const due = dueOn(input.due, today);
  if (isOpen(input.status) && due) {
    const days = daysBetween(today, due);
    if (days < 0) findings.push({ rag: rules.overdue, finding: { kind: 'overdue', days: -days, due } });
    else if (input.status === 'not-started' && days <= rules.dueSoonDays)
      findings.push({ rag: rules.notStartedDueSoon, finding: { kind: 'due-soon', days } });
    // Moved later than first agreed: the dates as agreed, not an occurrence that has come round since.
    const [agreed, baseline] = [input.due?.due, input.baselineDue?.due];
    if (agreed && baseline && agreed > baseline)
      findings.push({ rag: rules.rebaselined, finding: { kind: 'rebaselined', from: baseline, to: agreed } });
  }
  return combine(findings, false);
}

/** The rating the findings give together: the worst of them. */
export function combine(findings: Rated['findings'], overridden: boolean): Rated {
  let rag: Rag = 'grey';
  for (const f of findings) rag = worse(rag, f.rag);
  return { rag, findings, overridden };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One finding as a sentence about `subject` ("This action", "Milestone B of sub-action 2.1"). */
export function findingWords(finding: RagFinding, subject = 'This item', own = true): string {
  switch (finding.kind) {
    case 'status':
      return `${subject} is reported as ${STATUS_LABELS[finding.status].toLowerCase()}`;
    case 'overdue':
      return `${subject} is ${durationWords(finding.days)} late (due ${dateWords(finding.due)})`;
    case 'due-soon':
      return `${subject} has not started and is due ${finding.days === 0 ? 'today' : `in ${durationWords(finding.days)}`}`;
    case 'rebaselined':
      return `${subject} has moved from ${dateWords(finding.from)} to ${dateWords(finding.to)}, later than first agreed`;
    case 'override': {
      const why = finding.reason ? `: ${finding.reason}` : '';
      return own ? `Set by hand${why}` : `${subject} has its rating set by hand${why}`;
    }
    case 'milestone':
    case 'sub-action': {
      // The deepest item leads: "Milestone C of sub-action 2.1".
      const noun = `${finding.kind === 'milestone' ? 'milestone' : 'sub-action'} ${finding.ref}`;
      const inner = own
        ? capitalise(noun)
        : `${capitalise(noun)} of ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`;
      return findingWords(finding.finding, inner, false);
    }
  }
}

/** A rating as the API sends it: the reasons for its colour, in words. */
export function explain(rated: Rated, subject = 'This item'): RagResult {
  return {
    rag: rated.rag,
    reasons: rated.findings.filter((f) => f.rag === rated.rag).map((f) => findingWords(f.finding, subject)),
    overridden: rated.overridden,
  };
}

/** Derive one item's RAG from its own status and dates, with the reasons in words. */
export function deriveRag(
  input: RagInput,
  today: string,
  rules: RagRules = DEFAULT_RAG_RULES,
  subject = 'This item',
): RagResult {
  return explain(rateItem(input, today, rules), subject);
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

/** Direction of travel as reports and the dashboard count and word it (`travelMove`). */
export type TravelMove = Travel | 'started' | 'stopped';

/**
 * Direction of travel with a move between ratings of one rank told apart from no change: grey to green
 * is a start (not started, or deferred, and now under way), green to grey a stop (deferred, cancelled, or
 * not started after all). Neither is better or worse by `TRAVEL_RANK`, and neither is "no change".
 */
export function travelMove(previous: Rag | undefined, current: Rag): TravelMove {
  const d = directionOfTravel(previous, current);
  if (d !== 'same' || previous === current) return d;
  return current === 'green' ? 'started' : 'stopped';
}
