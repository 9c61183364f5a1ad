import type { Timescale } from '@peopleplan/core';
import { excerpt } from '../cells.js';
import { matchHeader } from '../header-mapping.js';
import type { ParsedActionMilestone } from '../parsed-plan.js';
import type { ActionContext } from './actions.js';
import { readStatusOf } from './kind.js';

/**
 * A milestones cell, a dated step a line: "Jun 2026 – evaluation panels trained", "15/07/2026: job
 * descriptions collected", "Appeals heard – March 2027", "Appeals heard (by March 2027)", or a row of a
 * small table in the cell ("Supplier appointed | Sept 2026", readers/docx.ts), whose header row
 * ("Milestone | Date") is none. A third cell that is the step's status ("Milestone | Date | Status", by
 * its header or its words) is its state, never part of its title: done when it says so, other words
 * kept with the action. A line whose date cannot be read is kept with the action, with a note.
 */
export function cellMilestones(
  cell: string | undefined,
  unplaced: string[],
  c: ActionContext,
  ref: string,
): Omit<ParsedActionMilestone, 'ref'>[] {
  const milestones: Omit<ParsedActionMilestone, 'ref'>[] = [];
  let header: string[] | undefined;
  for (const line of (cell ?? '').split('\n').map((l) => l.replace(/^[-•*]\s*/, '').trim())) {
    if (!line) continue;
    const cells = line.includes(' | ') ? line.split(' | ') : undefined;
    if (cells && isHeaderLine(cells, c)) {
      header = cells;
      continue;
    }
    const step: { title: string; due: Timescale; status?: string } | undefined =
      (cells && cellsStep(cells, c, header)) ?? datedStep(line, c);
    if (!step) {
      unplaced.push(line);
      c.warn(
        'undated-milestone',
        `A milestone has no date that could be read; kept with the action: "${excerpt(line)}"`,
        `action ${ref}`,
      );
      continue;
    }
    const state = step.status ? readStatusOf(step.status) : undefined;
    if (step.status && !state?.exact) {
      unplaced.push(`Milestone "${step.title}" – Status: ${step.status}`);
      c.warn(
        'milestone-row-notes',
        `The words beside milestone "${excerpt(step.title)}" were kept with its action: "${excerpt(step.status)}"`,
        `action ${ref}`,
      );
    }
    milestones.push({
      title: step.title,
      due: step.due,
      ...(state?.status === 'completed' ? { completed: true } : {}),
    });
  }
  return milestones;
}

const isDate = (text: string, c: ActionContext) => {
  const due = c.ts(text.trim());
  return (due.kind === 'date' || due.kind === 'range') && !!due.due;
};

/** A small table's header row: every cell a column's name ("Milestone | Date"), none a date. */
const isHeaderLine = (cells: string[], c: ActionContext) =>
  cells.every((x) => (matchHeader(x)[0]?.confidence ?? 0) >= 0.85 && !isDate(x, c));

/**
 * A small table's row: one cell its date, the others the step ("Intake 1 | Sept 2026", "May 2026 |
 * Go-live"), less a cell that is the step's status: the one under a status header ("Status", "RAG"),
 * else one whose words are a status alone ("Complete", "On hold"), where another cell names the step.
 */
function cellsStep(
  cells: string[],
  c: ActionContext,
  header: string[] | undefined,
): { title: string; due: Timescale; status?: string } | undefined {
  const dates = cells.filter((x) => isDate(x, c));
  if (dates.length !== 1) return undefined;
  const rest = cells
    .map((x, i) => ({ x: x.trim(), i }))
    .filter(({ x }) => x !== dates[0]!.trim() && x !== '');
  const byHeader =
    header?.length === cells.length
      ? rest.find(({ i }) => matchHeader(header[i]!)[0]?.field === 'status')
      : undefined;
  const byWords = rest.filter(({ x }) => {
    const read = readStatusOf(x);
    return !!read && (read.exact || !!read.assumed);
  });
  const status = byHeader ?? (byWords.length === 1 && rest.length > 1 ? byWords[0] : undefined);
  const title = rest
    .filter((r) => r !== status)
    .map(({ x }) => x)
    .join(' – ');
  if (!title) return undefined;
  return { title, due: c.ts(dates[0]!.trim()), ...(status ? { status: status.x } : {}) };
}

/** A milestone's title and date written on one line: the date first, last, in brackets or after "by". */
export function datedStep(line: string, c: ActionContext): { title: string; due: Timescale } | undefined {
  const dated = (date: string, title: string) => {
    const due = c.ts(date.trim());
    // A milestone is a dated step: "awaiting sign-off" or "ongoing" is no date.
    const dated = (due.kind === 'date' || due.kind === 'range') && !!due.due;
    return !dated || !title.trim() ? undefined : { title: title.trim(), due };
  };
  // Where the date is, tried in turn: first ("Jun 2026 – panels trained"), after a colon ("Report to
  // Cabinet: 12/03/2026"), after a dash, in brackets ("… (by December 2026)"), after "by" ("… by end of
  // June 2026"). A colon before a date range keeps the range whole ("Phase 1: Sept–Dec 2025").
  const forms: Array<[RegExp, 'date-first' | 'date-last']> = [
    [/^(.{3,30}?)\s*(?:[–—:]|\s-)\s+(.+)$/, 'date-first'],
    [/^(.+?):\s+(.{3,30})$/, 'date-last'],
    [/^(.+?)\s*(?:[–—]|\s-\s)\s*(?:by\s+)?(.{3,30})$/i, 'date-last'],
    [/^(.+?)\s*\((?:by\s+)?([^()]{3,30})\)$/i, 'date-last'],
    [/^(.+?)\s+by\s+(.{3,30})$/i, 'date-last'],
  ];
  for (const [re, order] of forms) {
    const m = re.exec(line);
    const step = m && (order === 'date-first' ? dated(m[1]!, m[2]!) : dated(m[2]!, m[1]!));
    if (step) return step;
  }
  return undefined;
}
