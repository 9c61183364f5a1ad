import { type Lead, STATUS_LABELS, type Status, type Timescale } from '@peopleplan/core';
import { asStart } from '@peopleplan/timescale';
import { inEnglish } from '../bilingual.js';
import type { MilestoneRowDraft } from '../build/drafts.js';
import type { ActionDraft, ThemeDraft } from '../build-plan.js';
import { excerpt } from '../cells.js';
import { parseLeads } from '../leads.js';
import type { ParsedAction, ParsedActionMilestone, ParsedTheme } from '../parsed-plan.js';
import { LEAD_FIELD_ROLES } from '../synonyms.js';
import { splitYearActions } from '../years.js';
import { cellMilestones, datedStep } from './cell-milestones.js';
import { readStatusOf } from './kind.js';

const TITLE_MAX = 500;
/** ParsedAction's ref: longer text in a ref cell is not a ref. */
const REF_MAX = 20;

/**
 * A sub-action's or milestone's ref under its action's ("3.1", "3.M1"). Under a ref too long to add to
 * ("WFP/2025-26/REC/01"), the ref keeps its end, where refs differ, after an ellipsis, so it still fits.
 */
export function childRef(parent: string, tail: string): string {
  const ref = `${parent}.${tail}`;
  return ref.length <= REF_MAX ? ref : `…${ref.slice(ref.length - REF_MAX + 1)}`;
}

export interface ActionContext {
  ts: (text: string) => Timescale;
  warn: (code: string, message: string, where: string) => void;
  /** Lead labels known to be one person or role ("HR/OD Manager"), lower case. */
  known: ReadonlySet<string>;
}

/**
 * Themes and their actions as the preview shows them. Actions the document does not number are
 * numbered in document order through the plan, sub-actions under their action ("3.1"); under a theme
 * the document numbers ("Area number" 2) they are numbered under the theme ("2.1", "2.2").
 */
export function toThemes(drafts: ThemeDraft[], c: ActionContext): ParsedTheme[] {
  let seq = 0;
  const taken = new Set<string>();
  for (const t of drafts) for (const a of t.actions) if (a.ref) taken.add(a.ref);
  const nextRef = (theme: ThemeDraft, n: number): string => {
    if (theme.numberedActions) {
      let ref = `${theme.ref}.${n}`;
      for (let k = n + 1; taken.has(ref); k++) ref = `${theme.ref}.${k}`;
      taken.add(ref);
      return ref;
    }
    let ref: string;
    do ref = String(++seq);
    while (taken.has(ref));
    return ref;
  };
  return drafts.map((t) => ({
    ref: t.ref,
    title: t.title || t.label || `Theme ${t.ref}`,
    ...(t.label && t.label !== t.title ? { label: t.label } : {}),
    ...(t.description ? { description: t.description } : {}),
    actions: t.actions.map((a, i) => toAction(a, c, () => nextRef(t, i + 1), undefined, i + 1)),
  }));
}

function toAction(
  a: ActionDraft,
  c: ActionContext,
  newRef: () => string,
  parentRef: string | undefined,
  n: number,
): ParsedAction {
  const f = a.fields;
  const unplaced = [...a.unplaced];
  let title = f.title?.trim() ?? '';
  // Text too long to be a ref (a note or a heading that landed in the ref column) is not one: it is the
  // title when there is none, else kept with the action; the action is numbered as if it had no ref.
  const written = a.ref && a.ref.length > REF_MAX ? a.ref : undefined;
  if (written) {
    if (!title) title = written;
    else unplaced.push(written);
    c.warn(
      'long-ref',
      `Text in the ref column is not a ref; it was kept with the action: "${excerpt(written)}"`,
      a.where,
    );
  }
  const generatedRef = !a.ref || !!written;
  const ref = (written ? undefined : a.ref) ?? (parentRef ? childRef(parentRef, String(n)) : newRef());
  let description = [a.description, f.description].filter(Boolean).join('\n') || undefined;
  if (!title) {
    title = '(untitled)';
    c.warn('no-title', 'An action has no title.', a.where);
  }
  if (title.length > TITLE_MAX) {
    const cut = title.lastIndexOf(' ', TITLE_MAX - 1);
    description = [title.slice(cut + 1), description].filter(Boolean).join('\n');
    title = `${title.slice(0, cut)}…`;
    c.warn(
      'long-title',
      `Title over ${TITLE_MAX} characters: the rest is kept in the description.`,
      `action ${ref}`,
    );
  }
  const leads: Lead[] = Object.entries(LEAD_FIELD_ROLES)
    .flatMap(([field, role]) =>
      parseLeads(englishOf(f[field as keyof typeof LEAD_FIELD_ROLES]), role, c.known),
    )
    .filter((l) => {
      // "Done", "Stuck", "Working on it", "Amber" under a lead's column (a status column's words read
      // with another header's columns): never a person to add to the plan. Kept with the action.
      if (!isStatusWords(l.label)) return true;
      unplaced.push(l.label);
      c.warn(
        'lead-is-status',
        `"${excerpt(l.label)}" in a lead's column reads as a status, not a person: it was kept with the action and no lead was made of it.`,
        a.where,
      );
      return false;
    });
  const milestones = [
    ...yearMilestones(f.yearActions, unplaced, c, ref),
    ...cellMilestones(f.milestones, unplaced, c, ref).map((m, i) => ({
      ref: childRef(ref, `M${i + 1}`),
      ...m,
    })),
  ];
  milestones.push(...rowMilestones(a, c, ref, milestones, unplaced));
  // A start is the first day of what it names ("June 2026": 1 June), a deadline the last.
  const start = f.start ? asStart(bilingualTs(f.start, c)) : undefined;
  const due = f.due ? bilingualTs(f.due, c) : undefined;
  // No status column, or an empty one: a progress cell that says only a status ("Complete") says it.
  const whole = !f.status && f.progress ? readStatusOf(f.progress) : undefined;
  const said = whole?.exact ? whole : !f.status && f.progress ? statusSaidIn(f.progress) : whole;
  const read = readStatusOf(englishOf(f.status)) ?? (said?.exact ? said : undefined);
  let status: Status | undefined = a.status ?? read?.status;
  if (f.status?.trim() && !status)
    c.warn(
      'status-not-read',
      `The status "${excerpt(f.status.trim())}" is not one the importer knows: the action starts as Not started, and the words are kept with its progress. Set its status after importing.`,
      a.where,
    );
  if (read?.assumed && status === read.status)
    c.warn(
      'status-assumed',
      `The status "${excerpt(f.status!.trim())}" names no rating: the action is read as ${STATUS_LABELS[read.status]}, ${read.assumed}, and the words are kept with its progress. Change its status after importing if that is wrong.`,
      a.where,
    );
  // A completion column ("Completed Date", "Completed At"): a date or a yes there means it is done.
  const completed = doneOn(f.completed, c);
  if (!status && completed) status = 'completed';
  // A completion cell that does not say it is done ("Partly", "50%") is kept, under its name.
  const notDone =
    f.completed?.trim() && !completed && !NOT_DONE.test(f.completed.trim()) ? f.completed.trim() : undefined;
  if (!status && due?.kind === 'completed') status = 'completed';
  if (!status && due?.kind === 'ongoing') status = 'ongoing';
  // A status cell that is more than a status (a sentence, "Amber/Red") is kept with the progress, as written.
  const progress = [
    f.progress,
    f.status && !read?.exact ? f.status : undefined,
    completed && completed !== true ? `Completed ${completed}` : undefined,
  ].filter(Boolean);
  const out: ParsedAction = {
    ref,
    generatedRef,
    title,
    ...(description ? { description } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.currentPosition ? { currentPosition: f.currentPosition } : {}),
    ...(f.constraints ? { constraints: f.constraints } : {}),
    ...(f.measureOfSuccess ? { measureOfSuccess: f.measureOfSuccess } : {}),
    leads,
    ...(start ? { start } : {}),
    ...(due ? { due } : {}),
    ...(status ? { status } : {}),
    ...(progress.length ? { progress: progress.join('\n') } : {}),
    crossRefs: [],
    subActions: [],
    milestones,
    unplaced,
    ...(a.extra.length || notDone
      ? {
          extra: [
            ...a.extra.map((x) => ({ label: x.label.slice(0, 300), text: x.text })),
            ...(notDone ? [{ label: 'Completed', text: notDone }] : []),
          ],
        }
      : {}),
  };
  out.subActions = a.subActions.map((s, i) => toAction(s, c, newRef, ref, i + 1));
  return out;
}

/** A cell that is a status and nothing else, as the status column reads it; a lone letter may be initials. */
function isStatusWords(label: string): boolean {
  const read = label.trim().length > 1 ? readStatusOf(label) : undefined;
  return !!read && (read.exact || !!read.assumed);
}

/** A people strategy's year rows ("2005-06 Implement …"): milestones due at each financial year's end. */
function yearMilestones(
  cell: string | undefined,
  unplaced: string[],
  c: ActionContext,
  ref: string,
): ParsedActionMilestone[] {
  const milestones: ParsedActionMilestone[] = [];
  if (!cell) return milestones;
  for (const chunk of splitYearActions(cell)) {
    if (!chunk.year) {
      unplaced.push(chunk.text);
      c.warn('no-year', `Text before the first year kept aside: "${excerpt(chunk.text)}"`, `action ${ref}`);
    } else if (!chunk.text) {
      unplaced.push(chunk.written ?? chunk.year);
      c.warn('empty-year', `Year ${chunk.year} has no action written against it.`, `action ${ref}`);
    } else {
      let mref = chunk.year;
      for (let k = 2; milestones.some((m) => m.ref === mref); k++) mref = `${chunk.year}#${k}`;
      const due = c.ts(chunk.year);
      milestones.push({ ref: mref, title: chunk.text, due: { ...due, text: chunk.written ?? chunk.year } });
    }
  }
  return milestones;
}

/**
 * A progress note that opens or closes with its status, set off by a dash, colon or full stop:
 * "Complete – went live early", "Delayed: now Q1 2027/28", "Went live 14 April. Complete." The words
 * must be a status alone ("Complete the review by May" is an instruction, not one).
 */
const HEDGED =
  /\b(?:behind|delay(?:ed)?|slipp(?:ed|ing)|late|not|partial(?:ly)?|partly|only|outstanding|carried|except|but|however|remaining)\b/i;

function statusSaidIn(progress: string): ReturnType<typeof readStatusOf> {
  const t = progress.trim();
  const first = /^([A-Za-z][A-Za-z ]{3,24}?)\s*(?:[–—:.]|\s-)\s+\S/.exec(t)?.[1];
  const last = /(?:[.;!]|\s[–—-])\s*([A-Za-z][A-Za-z ]{3,24}?)\.?$/.exec(t)?.[1];
  // The rest of the note must not say otherwise: "In progress – behind schedule", "Complete – phase 1
  // only", "Closed – not achieved" are for a person to read.
  for (const words of [first, last]) {
    const read = words ? readStatusOf(words) : undefined;
    if (read?.exact && !read.mixed && !HEDGED.test(t.replace(words!, ' '))) return read;
  }
  return undefined;
}

const englishOf = (cell: string | undefined) => (cell === undefined ? undefined : inEnglish(cell));

/** A date written in Welsh and English ("Medi 2026 / September 2026") is read once, in English, and kept whole. */
function bilingualTs(text: string, c: ActionContext): Timescale {
  const english = inEnglish(text);
  return english === text ? c.ts(text) : { ...c.ts(english), text };
}

/** When a completion cell says the action was done: its date as written, true for a plain yes, else undefined. */
/** A completion cell that says no: "No", a dash, or an empty tick box (☐, or ☒ ✗ ✘ for "no"). */
const NOT_DONE = /^(?:no|n|false|-|–|n\/a|0|☐|☒|✗|✘)$/i;

function doneOn(cell: string | undefined, c: ActionContext): string | true | undefined {
  const t = cell?.trim();
  if (!t || NOT_DONE.test(t)) return undefined;
  if (/^(?:yes|y|true|done|complete|completed|x|[✓✔☑✅]\uFE0F?)$/iu.test(t)) return true;
  const when = c.ts(t);
  return when.kind === 'date' && when.due ? t : undefined;
}

/**
 * Milestones written as rows: records a row lists (a YAML plan's "milestones:") and rows under the action
 * that are its milestones (build/milestone-rows.ts), numbered after its other milestones ("3.M1").
 */
function rowMilestones(
  a: ActionDraft,
  c: ActionContext,
  ref: string,
  before: ParsedActionMilestone[],
  unplaced: string[],
): ParsedActionMilestone[] {
  const out: ParsedActionMilestone[] = [];
  const taken = new Set(before.map((m) => m.ref));
  let n = 0;
  const nextRef = () => {
    let mref: string;
    do mref = childRef(ref, `M${++n}`);
    while (taken.has(mref));
    taken.add(mref);
    return mref;
  };
  for (const m of a.milestones ?? []) {
    if ('from' in m) {
      const step = tableRowMilestone(m, c, unplaced);
      if (step) out.push({ ref: nextRef(), ...step });
      continue;
    }
    const due = c.ts(m.due ?? '');
    if (m.due && due.kind === 'unparsed')
      c.warn(
        'unparsed-date',
        `Milestone "${excerpt(m.title)}" has a date that could not be read: "${m.due}"`,
        `line ${m.line}`,
      );
    out.push({ ref: nextRef(), title: m.title, due, ...(m.completed ? { completed: true } : {}) });
  }
  return out;
}

/**
 * A row under the action that is its milestone ("Milestone: Contract awarded", "– Launch to staff"):
 * dated by its deadline cell, else by a date in its title ("Go-live – March 2027"), and done when its
 * status says so (or, with no status column, a progress cell that says only a status, or a completion
 * cell). One with no date is kept with the action, with a note, as a milestones cell's line is; its other
 * cells (a lead, a note) are kept with the action under the milestone's name.
 */
function tableRowMilestone(
  row: MilestoneRowDraft,
  c: ActionContext,
  unplaced: string[],
): Omit<ParsedActionMilestone, 'ref'> | undefined {
  const written = row.due ? bilingualTs(row.due, c) : undefined;
  const step =
    written && (written.kind === 'date' || written.kind === 'range') && written.due
      ? { title: row.title, due: written }
      : // A numbered milestone column's step is one whatever its date column says ("TBC", "Quarterly").
        row.from === 'columns' && written
        ? { title: row.title, due: written }
        : datedStep(row.title, c);
  if (row.from === 'columns' && step?.due.kind === 'unparsed')
    c.warn(
      'unparsed-date',
      `Milestone "${excerpt(row.title)}" has a date that could not be read: "${excerpt(row.due ?? '')}"`,
      row.where,
    );
  const status = readStatusOf(englishOf(row.status));
  const whole = !row.status && row.progress ? readStatusOf(row.progress) : undefined;
  const said = whole?.exact ? whole : !row.status && row.progress ? statusSaidIn(row.progress) : undefined;
  const done =
    (status ?? said)?.status === 'completed' || !!doneOn(row.completed, c) || written?.kind === 'completed';
  const notes = [
    ...(row.status && !status?.exact ? [{ label: 'Status', text: row.status }] : []),
    ...(row.progress && !whole?.exact ? [{ label: 'Progress', text: row.progress }] : []),
    ...(row.completed && !doneOn(row.completed, c) ? [{ label: 'Completed', text: row.completed }] : []),
    ...row.notes,
  ];
  if (!step && row.from === 'columns') {
    // Its column says it is a milestone: kept as one, to be dated after importing.
    c.warn(
      'undated-milestone',
      `Milestone "${excerpt(row.title)}" has no date: it is kept as a milestone to date after importing.`,
      row.where,
    );
    return { title: row.title, due: c.ts(''), ...(done ? { completed: true } : {}) };
  }
  if (!step) {
    unplaced.push(`Milestone: ${row.title}${row.due ? ` (${row.due})` : ''}`);
    c.warn(
      'undated-milestone',
      `A milestone has no date that could be read; kept with the action: "${excerpt(row.title)}"`,
      row.where,
    );
  }
  if (notes.length) {
    for (const x of notes) unplaced.push(`Milestone "${row.title}" – ${x.label}: ${x.text}`);
    c.warn(
      'milestone-row-notes',
      `The words beside milestone "${excerpt(row.title)}" were kept with its action: "${excerpt(notes.map((x) => x.text).join('; '))}"`,
      row.where,
    );
  }
  return step && { title: step.title, due: step.due, ...(done ? { completed: true } : {}) };
}
