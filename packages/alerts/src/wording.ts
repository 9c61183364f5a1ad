import { londonToday, longDate } from './dates.js';
import type { AlertLine, DeadlineMove, LineRole } from './model.js';
import { STAGE_LABELS, STAGES, type Stage } from './stages.js';

/** A count and its noun, agreeing: "1 day", "3 days", "2 deadlines moved past their baselines". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The stage as this reader should see it. Escalation is news for the person an item is escalated to;
 * for its lead the item is simply overdue (the alert's identity keeps the real stage).
 */
export const shownStage = (l: Pick<AlertLine, 'stage' | 'role'>): Stage =>
  l.stage === 'escalated' && l.role === 'lead' ? 'overdue' : l.stage;

export const stageLabel = (l: Pick<AlertLine, 'stage' | 'role'>): string => STAGE_LABELS[shownStage(l)];

/** How a subject counts each stage: [one, many]. */
const COUNTED: Record<Stage, readonly [string, string]> = {
  'due-soon': ['due soon', 'due soon'],
  'due-today': ['due today', 'due today'],
  overdue: ['overdue', 'overdue'],
  escalated: ['overdue – escalated', 'overdue – escalated'],
  rebaselined: ['deadline moved past its baseline', 'deadlines moved past their baselines'],
  stale: ['progress update needed', 'progress updates needed'],
};

/** "1 progress update needed, 3 deadlines moved past their baselines, 2 overdue": most pressing last. */
export function stageCounts(lines: ReadonlyArray<Pick<AlertLine, 'stage' | 'role'>>): string {
  const counts = new Map<Stage, number>();
  for (const l of lines) counts.set(shownStage(l), (counts.get(shownStage(l)) ?? 0) + 1);
  return [...STAGES]
    .reverse()
    .filter((s) => counts.has(s))
    .map((s) => plural(counts.get(s)!, ...COUNTED[s]))
    .join(', ');
}

const WHY: Record<LineRole, readonly [all: string, some: string]> = {
  lead: ['you lead these actions', 'you lead some of these actions'],
  escalation: ['these overdue items are escalated to you', 'some are overdue and escalated to you'],
  owner: ['you own the plans these items belong to', 'you own the plans some of them belong to'],
  admin: [
    'you administer the council and no one named on them can be emailed',
    'you administer the council and no one named on some of them can be emailed',
  ],
};

/** Why the reader gets the email, from the parts they play in it. */
export function whyYou(lines: ReadonlyArray<Pick<AlertLine, 'role'>>): string {
  const roles = new Set(lines.map((l) => l.role));
  const order: LineRole[] = ['lead', 'escalation', 'owner', 'admin'];
  const why = order.filter((r) => roles.has(r)).map((r) => WHY[r][roles.size === 1 ? 0 : 1]);
  return `You get these emails because ${why.join(', and because ')}.`;
}

/** What stops the right person hearing, and what would put it right (an instruction to the reader). */
export interface Gap {
  missing: string;
  fix: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "A", "A and B", "A, B and C". */
export const listWords = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * Why a line reaches someone it was not meant for, and what they can do: "This plan has no owner, so
 * this comes to you as an administrator: set the plan's owner so that the right person hears."
 */
export function routedNote(gaps: readonly Gap[], to: 'owner' | 'admin'): string {
  const as = to === 'admin' ? 'an administrator' : "the plan's owner";
  const fixes = gaps.map((g) => g.fix);
  const missing = capital(gaps.map((g) => g.missing).join(', and '));
  return `${missing}, so this comes to you as ${as}: ${fixes.join(', and ')}${fixes.length > 1 ? ',' : ''} so that the right person hears.`;
}

/** A re-baseline as labelled lines: the same lines go in the text part and the HTML part. */
export function movedLines(m: DeadlineMove): string[] {
  const r = m.recorded;
  return [
    ...(m.baseline ? [`Baseline: ${longDate(m.baseline)}`] : []),
    ...(m.from && m.from !== m.baseline ? [`Moved from: ${longDate(m.from)}`] : []),
    `New deadline: ${longDate(m.to)}`,
    ...(r ? [`Reason given: ${r.reason?.trim() || 'none'}`] : []),
    ...(r ? [`Moved by: ${r.by} on ${longDate(londonToday(new Date(r.at)))}`] : []),
  ];
}
