import { MEASURE_HEADINGS, SECTION_HEADINGS, THEME_PATTERNS } from '../heading-words.js';
import type { SourceItem } from '../source.js';
import { INTRODUCES, isBullet, readBullets } from './bulleted-list.js';
import { fieldLine, namedColumns } from './field-lines.js';
import { type InlineFields, inlineFields } from './inline-fields.js';
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

type Bullet = { text: string; line: number };
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

/** Whether a list is actions: most bullets name a lead or a date, or its line says so and one does. */
function isActions(list: Extract<Part, { kind: 'list' }>, known: ReadonlySet<string>): boolean {
  if (list.as === 'measures') return false;
  const saying = list.bullets.filter((b) => cellsOf(b.text, known)).length;
  return saying > 0 && (saying * 2 >= list.bullets.length || list.as === 'actions');
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
    const actions = new Set(lists.filter((p) => isActions(p, ctx.known)));
    if (actions.size === 0) return undefined;
    const head = lines[i]!;
    const items: SourceItem[] = [{ type: 'heading', text: head.text.trim(), line: head.line }];
    const rows: (Cells & { line: number })[] = [];
    // The group's sentences and its other lists first, so that they are its description; its actions'
    // rows after them. A line naming the action list ("What we will do") is its header, as a table's.
    for (const p of group.parts) {
      if (p.kind === 'text') items.push({ type: 'para', text: p.line.text.trim(), line: p.line.line });
      else if (!actions.has(p)) {
        if (p.label) items.push({ type: 'para', text: p.label.text.trim(), line: p.label.line });
        for (const b of p.bullets) items.push({ type: 'para', text: `• ${b.text}`, line: b.line });
      } else {
        for (const b of p.bullets)
          rows.push({
            ...(cellsOf(b.text, ctx.known) ?? { cells: [b.text, '', '', ''], named: [] }),
            line: b.line,
          });
      }
    }
    // A column for each other field a label named, as a table's header would.
    const named = namedColumns(rows.map((r) => r.named));
    const header = ['Action', 'Description', 'Lead', 'Timescale', ...named.labels];
    const table = [
      row(header, rows[0]!.line, BULLETED_ACTIONS, true),
      ...rows.map((r) => row([...r.cells, ...named.cells(r.named)], r.line, BULLETED_ACTIONS)),
    ];
    return { items: [...items, ...table], next: group.next };
  },
};
