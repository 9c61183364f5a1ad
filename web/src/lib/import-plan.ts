import type { Timescale } from '@peopleplan/core';
import type { ParsedAction, ParsedPlan } from '@peopleplan/importer';

/** A deadline in an import preview that a person should look at, and where it sits in the plan. */
export interface DateIssue {
  where: string;
  what: string;
  value: Timescale;
  /** Where the timescale sits in the parsed plan, to write a correction into a copy of it. */
  path: Array<string | number>;
}

/** Deadlines a person must look at: not understood, or tied to an event with no date. */
export function dateIssues(plan: ParsedPlan): DateIssue[] {
  const out: DateIssue[] = [];
  const check = (where: string, what: string, t: Timescale | undefined, path: Array<string | number>) => {
    if (t && (t.kind === 'unparsed' || t.kind === 'event')) out.push({ where, what, value: t, path });
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

/** A copy of the plan with the person's corrected deadlines written in. */
export function withFixes(
  plan: ParsedPlan,
  fixes: Array<{ path: Array<string | number>; value: Timescale }>,
) {
  const copy = structuredClone(plan) as unknown as Record<string | number, unknown>;
  for (const f of fixes) {
    let at = copy;
    for (const k of f.path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    at[f.path[f.path.length - 1]!] = f.value;
  }
  return copy;
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

/** A file goes as multipart; pasted text as JSON (the API reads both). */
export function importBody(
  input: { file: File } | { text: string },
  kind: string,
  mapping: Record<string, string>,
): FormData | Record<string, unknown> {
  const mapped = Object.keys(mapping).length > 0;
  if ('text' in input) return { text: input.text, ...(kind ? { kind } : {}), ...(mapped ? { mapping } : {}) };
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  if (kind) form.append('kind', kind);
  if (mapped) form.append('mapping', JSON.stringify(mapping));
  return form;
}
