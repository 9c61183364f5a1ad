import { MEASURE_HEADINGS, SECTION_HEADINGS, THEME_PATTERNS } from '../heading-words.js';
import { least } from '../least.js';
import type { SourceItem } from '../source.js';
import { INTRODUCES, isBullet, readBullets } from './bulleted-list.js';
import { isDateCell } from './cell-kinds.js';
import { fieldLine, namedColumns } from './field-lines.js';
import { type InlineFields, inlineFields } from './inline-fields.js';
import { leadingRef } from './leading-refs.js';
import { type Line, nextFilled } from './lines.js';
import { embeddedDeadline } from './numbered-list.js';
import { type LayoutContext, type LayoutRule, row } from './rule.js';

/**
 * Plans with no tables: a heading per group ("Theme 1: Recruitment", "Our people are well led", a Word
 * heading), perhaps a sentence or two and a line naming the list ("What we will do:"), then bullets
 * that each say who leads them or by when ("• Launch a portal (Lead: Head of HR; by September 2026)",
 * "- Review pay – Head of HR – March 2027"). Such a list is the group's actions: most of its bullets
 * name a lead or a deadline, or its line says it is the actions and one does.
 *
 * A list under "How we will know we have succeeded", "Measures of success" or "Outcomes" is not, nor one
 * whose bullets name no lead and no date (a page's figures, a list of goals). They are kept, with the
 * group's sentences, as the group's description: they say what the whole group is for, so no one of
 * its actions owns them, and the theme's page is where a council reads them.
 *
 * A Word list's levels (lines.ts `depth`) are read as a reader reads them: the actions are the
 * shallowest level whose bullets say who or when; a bullet above that level with bullets under it is a
 * group, and one under an action is its step, a milestone when dated and no one leads it, else a
 * sub-action (the rows' `outline`, read as Excel's grouped rows are: build/outline-rows.ts).
 */
export const BULLETED_ACTIONS = 'bulleted-actions';

/** Lines that name a list of actions: "What we will do", "Key actions:", "We will:". */
const ACTION_LABEL =
  /^(?:what\s+we\s+(?:will|are\s+going\s+to|plan\s+to)\s+do|(?:our\s+|key\s+|planned\s+)?actions?|we\s+will|how\s+we\s+will\s+(?:do\s+(?:this|it)|get\s+there|deliver(?:\s+(?:this|it))?))\s*:?$/i;

/** Sentences a group's heading may have before its first list. */
const MAX_SENTENCES = 3;

const isTheme = (t: string) => THEME_PATTERNS.some((p) => p.re.test(t));

/** A line that names something: a Word heading, a theme's heading, or a short line that is no sentence. */
function headingLike(l: Line): boolean {
  const t = l.text.trim();
  if (!t || isBullet(t)) return false;
  if (l.heading || isTheme(t)) return true;
  return (
    t.length <= 100 &&
    t.split(/\s+/).length <= 12 &&
    !/[.;,!?]$/.test(t) &&
    /^[\p{Lu}\d"'‘“]/u.test(t) &&
    /\p{L}{3}/u.test(t)
  );
}

type Label = 'actions' | 'measures' | 'other';

/** A line naming the list just under it: "What we will do:", "How we will know we have succeeded". */
function listLabel(l: Line): Label | undefined {
  const t = l.text.trim();
  if (!t || isBullet(t) || isTheme(t)) return undefined;
  if (MEASURE_HEADINGS.some((re) => re.test(t))) return 'measures';
  if (ACTION_LABEL.test(t) || INTRODUCES.test(t)) return 'actions';
  return t.length <= 100 && t.endsWith(':') ? 'other' : undefined;
}

/**
 * A bullet runs on over a line that is indented, starts in lower case, or closes its bracket ("(Lead:
 * Head of HR;" / "by May 2026)"), and over a line naming one of its fields ("Lead: Head of HR",
 * "Timescale: Q3 2026/27", field-lines.ts), set apart as a dash sets a field apart; any other line (the
 * next heading, pasted with no blank line) ends it.
 */
const carriesOn = (text: string, bullet: string) =>
  /^\s+\S/.test(text) ||
  /^[a-z]/.test(text.trim()) ||
  (bullet.match(/\(/g)?.length ?? 0) > (bullet.match(/\)/g)?.length ?? 0) ||
  !!fieldLine(text);
const separator = (text: string) => (fieldLine(text) ? ' – ' : ' ');

type Bullet = { text: string; line: number; depth?: number; numbered?: boolean };
type Row = Extract<SourceItem, { type: 'row' }>;
type Part = { kind: 'text'; line: Line } | { kind: 'list'; label?: Line; as?: Label; bullets: Bullet[] };

type Cells = { cells: string[]; named: InlineFields['named'] };

/**
 * The action's cells: title, description, lead and deadline, as the bullet writes them, and the other
 * fields it names by their labels ("Status: On track").
 */
function cellsOf(text: string, known: ReadonlySet<string>): Cells | undefined {
  const f = inlineFields(text, { loose: true, known });
  if (f)
    return {
      cells: [f.title, f.description, f.lead, f.due || (embeddedDeadline(f.title) ?? '')],
      named: f.named,
    };
  const due = embeddedDeadline(text);
  return due ? { cells: [text, '', '', due], named: [] } : undefined;
}

type List = Extract<Part, { kind: 'list' }>;

/** A bullet's level in its list, 0 for the list's outermost items. */
const levelIn = (list: List) => {
  const top = least(list.bullets.map((b) => b.depth ?? 0));
  return (b: Bullet) => (b.depth ?? 0) - top;
};

/**
 * The level of a list's actions: the shallowest whose bullets mostly name a lead or a date, or one does
 * and the list's line says they are actions. Undefined: the list is no actions (measures, goals).
 */
function actionLevel(list: List, known: ReadonlySet<string>): number | undefined {
  if (list.as === 'measures') return undefined;
  const level = levelIn(list);
  for (const n of [...new Set(list.bullets.map(level))].sort((a, b) => a - b)) {
    const at = list.bullets.filter((b) => level(b) === n);
    const saying = at.filter((b) => cellsOf(b.text, known)).length;
    if (saying > 0 && (saying * 2 >= at.length || list.as === 'actions')) return n;
  }
  return undefined;
}

/** A step's own list letter ("a)", "(ii)", "b."): Word's numbering of the steps, no words of theirs. */
const STEP_LETTER = /^\(?(?:[a-z]|[ivx]{1,4})[.)]\s+(?=\S)/;

/**
 * A step's cells: as an action's, or its title and a date after a dash ("Agree principles with UNISON –
 * May 2026"), which under an action is the step's date.
 */
function stepCells(text: string, known: ReadonlySet<string>): Cells {
  const t = text.replace(STEP_LETTER, '');
  const read = cellsOf(t, known);
  if (read) return read;
  const parts = t.split(/\s+[–—-]\s+/);
  const date = parts.length > 1 ? parts.at(-1)! : '';
  return isDateCell(date)
    ? { cells: [parts.slice(0, -1).join(' – '), '', '', date], named: [] }
    : { cells: [t, '', '', ''], named: [] };
}

type Entry =
  | { kind: 'heading'; text: string; line: number }
  | (Cells & { kind: 'row'; line: number; outline?: number; ref?: string });

/**
 * An action list's rows: its actions, their steps a level or more under them (`outline`), and a group's
 * heading for each bullet above the actions' level with bullets under it (else a line of the group's).
 */
function listEntries(list: List, at: number, known: ReadonlySet<string>): Entry[] {
  const level = levelIn(list);
  const stepped = list.bullets.some((b) => level(b) > at);
  return list.bullets.flatMap((b, k): Entry[] => {
    const n = level(b);
    if (n < at) {
      const next = list.bullets[k + 1];
      return next && level(next) > n ? [{ kind: 'heading', text: b.text, line: b.line }] : [];
    }
    if (n > at) return [{ kind: 'row', ...stepCells(b.text, known), line: b.line, outline: n - at }];
    // Word's own number opening an action is its ref, whatever the other items hold.
    const numbered = b.numbered ? leadingRef(b.text) : undefined;
    const text = numbered?.rest ?? b.text;
    const cells = cellsOf(text, known) ?? { cells: [text, '', '', ''], named: [] };
    return [
      {
        kind: 'row',
        ...cells,
        line: b.line,
        ...(stepped && { outline: 0 }),
        ...(numbered && { ref: numbered.ref }),
      },
    ];
  });
}

/** The group's heading at `i`, its sentences and lists, up to the next heading or the last list. */
function readGroup(lines: Line[], i: number): { parts: Part[]; next: number } | undefined {
  const head = lines[i]!;
  const h = head.text.trim();
  if (!headingLike(head) || listLabel(head) || SECTION_HEADINGS.some((re) => re.test(h))) return undefined;
  const parts: Part[] = [];
  let j = i + 1;
  let next = i;
  let sentences = 0;
  for (;;) {
    const k = nextFilled(lines, j);
    if (k < 0) break;
    const l = lines[k]!;
    const label = isBullet(l.text) ? undefined : listLabel(l);
    const b = label ? nextFilled(lines, k + 1) : k;
    if (b >= 0 && isBullet(lines[b]!.text)) {
      const list = readBullets(lines, b, undefined, carriesOn, separator);
      parts.push({ kind: 'list', ...(label ? { label: l, as: label } : {}), bullets: list.texts });
      j = next = list.next;
      continue;
    }
    // The next group's heading (or the plan's own, "Governance"), or more sentences than a group has.
    if (headingLike(l) || ++sentences > MAX_SENTENCES) break;
    parts.push({ kind: 'text', line: l });
    j = k + 1;
  }
  // Sentences after the last list are not the group's: they stay for the rules that follow.
  while (parts.at(-1)?.kind === 'text') parts.pop();
  return parts.length > 0 ? { parts, next } : undefined;
}

export const bulletedActions: LayoutRule = {
  name: BULLETED_ACTIONS,
  read(lines, i, ctx: LayoutContext) {
    const group = readGroup(lines, i);
    if (!group) return undefined;
    const lists = group.parts.filter((p) => p.kind === 'list');
    const levels = new Map(lists.map((p) => [p, actionLevel(p, ctx.known)]));
    if (lists.every((p) => levels.get(p) === undefined)) return undefined;
    const entries: Entry[] = [];
    const items: SourceItem[] = [];
    // The group's sentences and its other lists first, so that they are its description; its actions'
    // rows after them. A line naming the action list ("What we will do") is its header, as a table's.
    for (const p of group.parts) {
      const at = p.kind === 'list' ? levels.get(p) : undefined;
      if (p.kind === 'text') items.push({ type: 'para', text: p.line.text.trim(), line: p.line.line });
      else if (at === undefined) {
        if (p.label) items.push({ type: 'para', text: p.label.text.trim(), line: p.label.line });
        for (const b of p.bullets) items.push({ type: 'para', text: `• ${b.text}`, line: b.line });
      } else for (const e of listEntries(p, at, ctx.known)) entries.push(e);
    }
    // A list that names its own groups leaves the line above it no group of its own (a plan's title).
    const head = lines[i]!;
    const grouped = entries.some((e) => e.kind === 'heading');
    items.unshift({ type: grouped ? 'para' : 'heading', text: head.text.trim(), line: head.line });
    const rows = entries.filter((e) => e.kind === 'row');
    // A column for each other field a label named, as a table's header would.
    const named = namedColumns(rows.map((r) => r.named));
    const refs = rows.some((r) => r.ref) ? ['Ref'] : [];
    const header = [...refs, 'Action', 'Description', 'Lead', 'Timescale', ...named.labels];
    const table: SourceItem[] = [row(header, rows[0]?.line ?? head.line, BULLETED_ACTIONS, true)];
    for (const e of entries) {
      if (e.kind === 'heading') table.push({ type: 'heading', text: e.text, line: e.line });
      else {
        const cells = [...(refs.length ? [e.ref ?? ''] : []), ...e.cells, ...named.cells(e.named)];
        const r = row(cells, e.line, BULLETED_ACTIONS) as Row;
        table.push(e.outline === undefined ? r : { ...r, outline: e.outline });
      }
    }
    return { items: [...items, ...table], next: group.next };
  },
};
