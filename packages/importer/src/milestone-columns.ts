import type { ExtraField, MilestoneRowDraft } from './build/drafts.js';
import { normalizeHeader } from './header-text.js';
import type { ColumnField, ColumnMapping } from './parsed-plan.js';

/**
 * An action's milestones laid out across its row, a column each, each beside its date: "Milestone 1 |
 * M1 date | Milestone 2 | M2 date | … | Overall deadline". Each numbered milestone column is a step of
 * the action, in order, dated by its own date column (the one of its number, else the date column right
 * after it), never joined into the title or the deadline; the columns left ("Overall deadline") are the
 * action's own.
 */

/** A step's own column and its number: "Milestone 1", "Key milestone 2", "Milestone 1 description". */
export const MILESTONE_N =
  /^(?:key |interim )?milestone\s*(\d{1,2})(?:\s+(?:title|description|name|details?|what))?$/;
/** "M1", "MS2": a step only beside its date ("M1" … "M12" also head a year's months of figures). */
const BARE_N = /^(?:ms|m)\s*(\d{1,2})$/;
/** A step's date by its number: "M1 date", "Milestone 1 target date", "MS2 due", "Key milestone 3 deadline". */
const STEP_DATE =
  /^(?:key |interim )?(?:milestone|ms|m)\s*(\d{1,2})\s+(?:target |due |completion )?(?:date|due|deadline|timescale|by when)$/;
/** A date column numbered as a step is: "Target date 1", "Date 1", "Milestone date 2", "Due date 3". */
const NUMBERED_DATE =
  /^(?:key |milestone |target |due |completion )?(?:date|due date|due|deadline|timescale)\s*(\d{1,2})$/;
/** A date column with no number, right after a step's: "Date", "Target date", "By when". */
const PLAIN_DATE = /^(?:(?:milestone |target |due )?date|due|deadline|by when|when|timescale)$/;
/** Under a step's number over two rows ("Milestone 1" over "Description | Date"): the step's own column. */
const STEP_WORDS = /^(?:milestone|description|title|name|details?|what|step)$/;

interface Slot {
  role: 'step' | 'date';
  n?: number;
  /** "M1", "MS2": a step only beside its date ("M1" … "M12" also head a year's months of figures). */
  bare?: boolean;
}

/** What a header says a column is: a numbered step, a date (numbered or not), or neither. */
function slotOf(header: string): Slot | undefined {
  const norm = normalizeHeader(header);
  const date = STEP_DATE.exec(norm) ?? NUMBERED_DATE.exec(norm);
  if (date) return { role: 'date', n: Number(date[1]) };
  const step = MILESTONE_N.exec(norm);
  if (step) return { role: 'step', n: Number(step[1]) };
  const bare = BARE_N.exec(norm);
  if (bare) return { role: 'step', n: Number(bare[1]), bare: true };
  // A header over two rows names the step's number in brackets: "Date (Milestone 1)" (build/header-rows.ts).
  const over = /\(([^)]*)\)\s*$/.exec(header)?.[1];
  const group = over ? MILESTONE_N.exec(normalizeHeader(over)) : null;
  if (group && PLAIN_DATE.test(norm)) return { role: 'date', n: Number(group[1]) };
  if (group && STEP_WORDS.test(norm)) return { role: 'step', n: Number(group[1]) };
  return PLAIN_DATE.test(norm) ? { role: 'date' } : undefined;
}

interface Pair {
  step: ColumnMapping;
  date?: ColumnMapping;
  /** Dated by the plain date column right after it ("Milestone 1 | Date"), not by its number. */
  next?: boolean;
}

/**
 * Each numbered step among `columns` with its date column: the date column of its number, else a date
 * column with no number right after it, when every step has one so ("Milestone 1 | Milestone 2 |
 * Milestone 3 | Deadline" is three steps and the action's deadline). Steps in order of their number.
 */
function pairs(columns: ColumnMapping[]): Pair[] {
  const slots = columns.map((col) => ({ col, slot: slotOf(col.header) }));
  const steps = slots
    .filter((x) => x.slot?.role === 'step')
    .sort((a, b) => a.slot!.n! - b.slot!.n! || a.col.index - b.col.index);
  const used = new Set<number>();
  const out = steps.map(({ col, slot }): Pair & { bare?: boolean } => {
    const numbered = slots.find(
      (x) => x.slot?.role === 'date' && x.slot.n === slot!.n && !used.has(x.col.index),
    );
    if (numbered) used.add(numbered.col.index);
    return { step: col, ...(numbered ? { date: numbered.col } : {}), ...(slot!.bare ? { bare: true } : {}) };
  });
  const next = (p: Pair) =>
    slots.find((x) => x.col.index === p.step.index + 1 && x.slot?.role === 'date' && x.slot.n === undefined);
  if (out.every((p) => p.date || next(p)))
    for (const p of out) if (!p.date) Object.assign(p, { date: next(p)!.col, next: true });
  return out.filter((p) => p.date || !p.bare).map(({ bare: _, ...p }) => p);
}

/** Fields a step's or its date's column can have been read as before its neighbours were seen. */
const READ_AS: ColumnField[] = ['title', 'description', 'due', 'ignore', 'milestones'];

/**
 * Numbered milestone columns beside the action's own title, and their date columns, become the
 * action's milestones (`field: 'milestones'`), unless the person chose the column's field themselves.
 */
export function milestoneColumns(out: ColumnMapping[], chosen: ReadonlySet<string>) {
  const open = out.filter((c) => READ_AS.includes(c.field) && !chosen.has(normalizeHeader(c.header)));
  let found = pairs(open);
  // One step and a plain date after it, and no other date ("Milestone 1 | Target date"): the date is
  // as likely the action's own, and stays so.
  const lone = found.length === 1 && found[0]!.next;
  if (lone && !out.some((c) => c.field === 'due' && c.index !== found[0]!.date!.index))
    found = slotOf(found[0]!.step.header)?.bare ? [] : [{ step: found[0]!.step }];
  const taken = new Set(found.flatMap((p) => [p.step.index, p.date?.index]));
  // The action names itself in a column of its own: a table of steps alone is not this layout.
  if (!found.length || !out.some((c) => c.field === 'title' && !taken.has(c.index))) return;
  for (const c of out)
    if (taken.has(c.index) && c.field !== 'milestones')
      Object.assign(c, { field: 'milestones', confidence: 0.6 });
}

/**
 * A row's milestones from its numbered columns, each with its date as written (read with the plan's
 * period in finalize/actions.ts), and the columns they were read from. A date under no step is kept
 * under its column's name.
 */
export function columnMilestones(
  cells: string[],
  columns: ColumnMapping[],
  where: string,
): { steps: MilestoneRowDraft[]; taken: Set<number>; extra: ExtraField[] } {
  const found = pairs(columns.filter((c) => c.field === 'milestones'));
  const steps: MilestoneRowDraft[] = [];
  const extra: ExtraField[] = [];
  const taken = new Set<number>();
  for (const { step, date } of found) {
    taken.add(step.index);
    if (date) taken.add(date.index);
    const title = cells[step.index]?.trim() ?? '';
    const due = date ? (cells[date.index]?.trim() ?? '') : '';
    if (title) steps.push({ from: 'columns', title, ...(due ? { due } : {}), notes: [], where });
    // A date under no step: kept under a name that says whose ("Milestone 2 date", not "Date").
    else if (due) extra.push({ label: dateLabel(step, date!), text: due });
  }
  return { steps, taken, extra };
}

const dateLabel = (step: ColumnMapping, date: ColumnMapping) =>
  slotOf(date.header)?.n === undefined
    ? `${step.header.trim()} ${date.header.trim().toLowerCase()}`
    : date.header.trim();
