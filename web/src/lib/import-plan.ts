import { planRatings, type RagRules, type Timescale } from '@peopleplan/core';
import type { ParsedAction, ParsedPlan } from '@peopleplan/importer';
import type { ActionRow, MilestoneRow, ThemeRow } from './responses.js';

/** A deadline in an import preview that a person should look at, and where it sits in the plan. */
export interface DateIssue {
  /** Unique per deadline: the field ids and the corrections are keyed by it. */
  key: string;
  where: string;
  what: string;
  value: Timescale;
  /** Where the timescale sits in the parsed plan: the commit's `deadlines[].path`. */
  path: Array<string | number>;
}

/** Deadlines a person must look at: not understood, or tied to an event with no date. */
export function dateIssues(plan: ParsedPlan): DateIssue[] {
  const out: DateIssue[] = [];
  const check = (where: string, what: string, t: Timescale | undefined, path: Array<string | number>) => {
    if (t && (t.kind === 'unparsed' || t.kind === 'event')) {
      out.push({ key: path.join('-'), where, what, value: t, path });
    }
  };
  const walk = (a: ParsedAction, path: Array<string | number>) => {
    check(`action ${a.ref}`, a.title, a.due, [...path, 'due']);
    check(`action ${a.ref} start`, a.title, a.start, [...path, 'start']);
    (a.milestones ?? []).forEach((m, i) => {
      check(`milestone ${a.ref}/${m.ref}`, m.title, m.due, [...path, 'milestones', i, 'due']);
    });
    (a.subActions ?? []).forEach((s, i) => {
      walk(s, [...path, 'subActions', i]);
    });
  };
  plan.themes.forEach((t, ti) => {
    t.actions.forEach((a, ai) => {
      walk(a, ['themes', ti, 'actions', ai]);
    });
  });
  (plan.milestones ?? []).forEach((m, i) => {
    check(`milestone ${m.ref}`, m.title, m.due, ['milestones', i, 'due']);
  });
  return out;
}

export const countActions = (plan: ParsedPlan) => {
  let n = 0;
  const walk = (a: ParsedAction) => {
    n++;
    for (const s of a.subActions ?? []) walk(s);
  };
  for (const t of plan.themes) for (const a of t.actions) walk(a);
  return n;
};

/** What the preview request sends besides the plan itself. */
export interface PreviewOptions {
  kind: string;
  mapping: Record<string, string>;
  planStart: string | undefined;
}

/** A file goes as multipart; pasted text as JSON (the API reads both). */
export function importBody(
  input: { file: File } | { text: string },
  o: PreviewOptions,
): FormData | Record<string, unknown> {
  const mapped = Object.keys(o.mapping).length > 0;
  if ('text' in input) {
    return {
      text: input.text,
      ...(o.kind ? { kind: o.kind } : {}),
      ...(mapped ? { mapping: o.mapping } : {}),
      ...(o.planStart ? { planStart: o.planStart } : {}),
    };
  }
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  if (o.kind) form.append('kind', o.kind);
  if (mapped) form.append('mapping', JSON.stringify(o.mapping));
  if (o.planStart) form.append('planStart', o.planStart);
  return form;
}

/** A person's answer for a new lead: a new person, someone in the directory, or another new lead. */
export type LeadAnswer = 'new' | `person:${string}` | `same:${string}`;

/** The commit's `people`: only the leads a person said were someone already known. */
export function leadChoices(answers: Record<string, LeadAnswer>) {
  const out: Record<string, { personId: string } | { sameAs: string }> = {};
  for (const [label, a] of Object.entries(answers)) {
    if (a.startsWith('person:')) out[label] = { personId: a.slice('person:'.length) };
    else if (a.startsWith('same:')) out[label] = { sameAs: a.slice('same:'.length) };
  }
  return out;
}

const STAMP = { version: 1, createdAt: '1970-01-01T00:00:00.000Z', updatedAt: '1970-01-01T00:00:00.000Z' };
/** Only while the council's RAG rules are not known (still loading, or not read). */
const NOT_JUDGED = { rag: 'grey' as const, reasons: ['Judged once the plan is imported'], overridden: false };

/** What the plan page rates items by: the council's RAG rules, on a London day. */
export interface RatingContext {
  today: string;
  rules: RagRules;
}

/**
 * The parsed plan in the shape the plan page shows (themes, actions, milestones), so the preview reuses
 * its components: ids are made up from places in the plan; nothing here is saved. Statuses and first
 * agreed dates are set as the import will set them (importer to-entities.ts), and with `rating` every
 * action and milestone is rated as the plan page will rate it (core `planRatings`, as the contents
 * route does), so the preview's RAG is the plan's, not a grey placeholder.
 */
export function previewContents(plan: ParsedPlan, rating?: RatingContext) {
  const themes: ThemeRow[] = [];
  const actions: ActionRow[] = [];
  const milestones: MilestoneRow[] = [];
  const planId = 'preview';
  let order = 0;
  const add = (a: ParsedAction, themeId: string, id: string, parentId?: string) => {
    const description = [a.description, a.outcome].filter(Boolean).join('\n\n');
    actions.push({
      id,
      planId,
      themeId,
      ...(parentId ? { parentId } : {}),
      ref: a.ref,
      title: a.title,
      ...(description ? { outcome: description } : {}),
      ...(a.currentPosition ? { currentPosition: a.currentPosition } : {}),
      ...(a.constraints ? { constraints: a.constraints } : {}),
      ...(a.measureOfSuccess ? { measureOfSuccess: a.measureOfSuccess } : {}),
      leads: a.leads,
      ...(a.start ? { start: a.start } : {}),
      ...(a.due ? { due: a.due } : {}),
      status:
        a.status ??
        (a.due?.kind === 'completed' ? 'completed' : a.due?.kind === 'ongoing' ? 'ongoing' : 'not-started'),
      crossRefs: [],
      unplaced: a.unplaced,
      ...(a.extra?.length ? { extra: a.extra } : {}),
      order: order++,
      rag: NOT_JUDGED,
      ...STAMP,
    });
    a.milestones.forEach((m, i) => {
      milestones.push({
        id: `${id}-m${i}`,
        planId,
        actionId: id,
        linkedActionIds: [],
        ref: m.ref,
        title: m.title,
        due: m.due,
        // What the plan first committed to: the date as imported.
        baselineDue: m.due,
        status: m.completed || m.due.kind === 'completed' ? 'completed' : 'not-started',
        rag: NOT_JUDGED,
        ...STAMP,
      });
    });
    a.subActions.forEach((s, i) => {
      add(s, themeId, `${id}-${i}`, id);
    });
  };
  plan.themes.forEach((t, ti) => {
    const themeId = `t${ti}`;
    themes.push({
      id: themeId,
      planId,
      ref: t.ref,
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      order: ti,
      ...STAMP,
    });
    t.actions.forEach((a, ai) => {
      add(a, themeId, `a${ti}-${ai}`);
    });
  });
  if (rating) {
    const rated = planRatings(actions, milestones, rating.today, rating.rules);
    for (const a of actions) a.rag = rated.actions.get(a.id) ?? NOT_JUDGED;
    for (const m of milestones) m.rag = rated.milestones.get(m.id) ?? NOT_JUDGED;
  }
  return { themes, actions, milestones };
}
