import type { ColumnField } from '../parsed-plan.js';
import {
  type ActiveMapping,
  type BuildState,
  type ExtraField,
  type MilestoneRowDraft,
  newActionDraft,
  type RowDraft,
} from './drafts.js';

/**
 * Rows of an action table that are steps of the action above, not actions: a row with no ref whose
 * title says it is a milestone ("Milestone: Contract awarded", "Milestone 2 – …", "MS1: …", "M3 - …"),
 * or sets it under the action as a dash or bullet item with a deadline ("– Launch to staff | Jan 2027",
 * "- …", "o …"). Each is a milestone of the action (or sub-action) above, dated by the row's deadline
 * cell and done when its status says so (finalize/actions.ts); a bullet item with a lead of its own is a
 * sub-action of it, so its lead is kept. A row with its own ref is never one (`actionRow` reads it
 * first), nor a row of a table whose actions are themselves written so (a list of bulleted actions).
 * Round bullets ("•", "▪", Word's own lists) are taken off every cell before rows are read (`cleanText`):
 * a row whose title cell opened with one says so (`RowDraft.bulleted`, `titleBulleted`).
 */

/** The words that say a row is a milestone, and its punctuation: "Milestone:", "Key milestone 2 –", "MS1:", "M3 -". */
const MILESTONE_WORD =
  /^(?:key\s+)?(?:milestone(?:\s*\d+[a-z]?)?|ms\s*\d+[a-z]?|m\d+[a-z]?)\s*(?:[:–—.)]|-(?=\s))\s*/i;
/** A dash or bullet opening a cell: "– Launch", "—", "•", "▪", "◦", "o Launch", "- Launch", "* Launch". */
const STEP_MARK = /^(?:[–—•▪◦‣●○■□·∙➢➤►]|[-*](?=\s)|o(?=\s+\p{L}))\s*/u;

export const LEADS: ColumnField[] = [
  'lead:member',
  'lead:strategic',
  'lead:operational',
  'lead:accountable',
  'lead:responsible',
];
/** Fields a milestone row's own reading uses; its other cells are kept beside it as notes. */
const READ: ColumnField[] = [
  'ref',
  'group',
  'themeDescription',
  'title',
  'due',
  'status',
  'progress',
  'completed',
];

/** Round bullets as written: typed ("• ", "▪ ") or a Word list item's (readers/docx.ts). */
const ROUND_BULLET = /(?:^|\s)[•▪●◦■□➢‣∙○➤►·]\s/gu;

/**
 * Whether a row's title cell, as written, is one item opened with a round bullet, before `cleanText`
 * took it off. A cell of several bullets is a list of things to do, not one step.
 */
export function titleBulleted(raw: string[], m: ActiveMapping): boolean {
  const col = m.columns.find((c) => c.field === 'title' && raw[c.index]?.trim());
  const text = col ? raw[col.index]!.trim() : '';
  const bullets = [...text.matchAll(ROUND_BULLET)];
  return bullets.length === 1 && bullets[0]!.index === 0;
}

/**
 * How a title marks itself as a step: the title without its mark, and which mark. `bulleted`: its cell
 * opened with a round bullet, already taken off.
 */
function stepTitle(
  title: string | undefined,
  bulleted?: boolean,
): { title: string; by: 'word' | 'bullet' } | undefined {
  const t = title?.trim() ?? '';
  if (bulleted && t) return { title: t, by: 'bullet' };
  for (const [re, by] of [
    [MILESTONE_WORD, 'word'],
    [STEP_MARK, 'bullet'],
  ] as const) {
    const m = re.exec(t);
    const rest = m ? t.slice(m[0].length).trim() : '';
    if (rest) return { title: rest, by };
  }
  return undefined;
}

/**
 * A row with no ref whose title marks it as a step of the action above: kept on that action as a
 * milestone (or, a bullet item with its own lead, as a sub-action). Answers whether the row was taken.
 */
export function milestoneRow(s: BuildState, r: RowDraft, f: RowDraft['fields']): boolean {
  const step = stepTitle(f.title, r.bulleted);
  if (!step) return false;
  // The action above: a bullet's sub-action is a step, not where the next steps go.
  const host = s.stepHost && s.stepHost.step === s.lastItem ? s.stepHost.host : (s.lastItem ?? s.lastAction);
  if (!host) return false;
  // A bullet item says nothing of being a milestone but its date: one with none ("- objective: …", a
  // line of a note) is left to the rules for rows.
  if (step.by === 'bullet' && !f.due?.trim()) return false;
  // Actions written as bullets (or as "Milestone: …", where no action came first) are a list of actions.
  if (stepTitle(host.fields.title, host.bulleted)?.by === step.by) return false;
  const ownLead = LEADS.some((x) => f[x]?.trim());
  if (step.by === 'bullet' && ownLead) {
    const sub = newActionDraft({ ...f, title: step.title }, r.where);
    sub.extra.push(...r.extra);
    host.subActions.push(sub);
    s.stepHost = { host, step: sub };
    s.lastItem = sub;
    return true;
  }
  // A copy: a row's own list (a YAML plan's) is its reader's.
  host.milestones = [...(host.milestones ?? []), rowMilestone(r, f, step.title)];
  return true;
}

/** A milestone's number written in the ref column: "Milestone 1", "MS2", "Key milestone 3", "M1", "M1.2". */
const MILESTONE_REF = /^(?:(?:key\s+)?milestone\s*|ms\s*|(m))(\d+(?:\.\d+)*[a-z]?)$/i;

/**
 * A row under an action whose ref is a milestone's number, not an action's: "Milestone 1", "MS2", the
 * action's own ref with one after it ("P1.M1", "P1 M1"), or a bare "M1" / "M1.2". A bare "M" could be
 * a plan's own letter for a group ("M1 Managing change" after "L3"), so it is read as a milestone only
 * on a row with no lead of its own, under an action not itself so numbered, its milestones numbered from
 * 1. Kept on that action as a milestone, dated by the row's deadline cell, as a "Milestone:" row is.
 * Answers whether the row was taken.
 */
export function refMilestoneRow(s: BuildState, r: RowDraft, f: RowDraft['fields'], ref: string): boolean {
  const host = s.stepHost && s.stepHost.step === s.lastItem ? s.stepHost.host : (s.lastItem ?? s.lastAction);
  const title = f.title?.trim();
  if (!host?.ref || !title) return false;
  const own = ref.startsWith(host.ref) ? ref.slice(host.ref.length).replace(/^[\s.\-/]+/, '') : ref;
  const m = MILESTONE_REF.exec(own);
  if (!m) return false;
  const bare = !!m[1] && own === ref;
  if (bare) {
    if (LEADS.some((x) => f[x]?.trim()) || MILESTONE_REF.exec(host.ref)?.[1]) return false;
    const n = (host.milestones ?? []).filter((x) => 'from' in x).length;
    if (n === 0 && !/^1(?:\.|[a-z]?$)/.test(m[2]!)) return false;
  }
  host.milestones = [...(host.milestones ?? []), rowMilestone(r, f, title)];
  return true;
}

/** A row read as a milestone: dated by its deadline cell, its cells no milestone holds kept as notes. */
export function rowMilestone(r: RowDraft, f: RowDraft['fields'], title: string): MilestoneRowDraft {
  const notes: ExtraField[] = [
    ...r.byColumn
      .filter((x) => !READ.includes(x.col.field))
      .map((x) => ({ label: x.col.header.trim() || x.col.field, text: x.text })),
    ...r.extra,
  ];
  return {
    from: 'table-row',
    title,
    ...(f.due?.trim() ? { due: f.due.trim() } : {}),
    ...(f.status?.trim() ? { status: f.status.trim() } : {}),
    ...(f.progress?.trim() ? { progress: f.progress.trim() } : {}),
    ...(f.completed?.trim() ? { completed: f.completed.trim() } : {}),
    notes,
    where: r.where,
  };
}
