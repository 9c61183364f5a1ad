import type { PlanKind } from '@peopleplan/core';
import { inEnglish } from './bilingual.js';
import { normalizeHeader } from './header-text.js';
import { milestoneColumns } from './milestone-columns.js';
import type { ColumnField, ColumnMapping, MappingOverride, TableKind } from './parsed-plan.js';
import { HEADER_SYNONYMS, type HeaderSynonym } from './synonyms.js';
import { MARK, yearHeader } from './timeline.js';

export { normalizeHeader };

const squash = (s: string) => s.replace(/ /g, '');

export interface HeaderMatch {
  table: TableKind;
  field: ColumnField;
  confidence: number;
  kinds: PlanKind[];
  /** Length of the synonym matched: longer synonyms win ties ("actions needed or planned" over "actions"). */
  strength: number;
}

interface CompiledSynonym {
  syn: HeaderSynonym;
  words: { text: string; squashed: string }[];
  patterns: RegExp[];
}
/** Synonyms prepared once: matching runs for every cell of every row. */
const COMPILED: CompiledSynonym[] = HEADER_SYNONYMS.map((syn) => ({
  syn,
  words: syn.match
    .filter((m): m is string => typeof m === 'string')
    .map((m) => ({ text: m, squashed: squash(m) })),
  patterns: syn.match.filter((m): m is RegExp => m instanceof RegExp),
}));

function matchOne(norm: string, squashed: string, c: CompiledSynonym): HeaderMatch | undefined {
  // Plain loops, no closures: this runs for every cell of every row.
  let confidence = 0;
  let strength = 0;
  for (const re of c.patterns) {
    if (re.test(norm) && (0.9 > confidence || re.source.length > strength)) {
      confidence = 0.9;
      strength = re.source.length;
    }
  }
  // Header names are short; a long cell can only be one of the patterns above.
  if (norm.length <= 60) {
    for (const w of c.words) {
      let conf = 0;
      if (norm === w.text || squashed === w.squashed) conf = 1;
      // "PROGRESS end year one", "Target 2013/14": a synonym followed by a short qualifier.
      else if (norm.length <= w.text.length + 25 && norm.startsWith(`${w.text} `)) conf = 0.85;
      // "OIC response", "Proposed timescale": a short qualifier before the name.
      else if (norm.length <= w.text.length + 12 && w.text.length >= 4 && norm.endsWith(` ${w.text}`))
        conf = 0.85;
      if (conf > confidence || (conf > 0 && conf === confidence && w.text.length > strength)) {
        confidence = conf;
        strength = w.text.length;
      }
    }
  }
  if (confidence === 0) return undefined;
  return { table: c.syn.table, field: c.syn.field, confidence, kinds: c.syn.kinds ?? [], strength };
}

const cache = new Map<string, HeaderMatch[]>();

/** Every reading of one header cell, best first. */
export function matchHeader(text: string): HeaderMatch[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const norm = normalizeHeader(text);
  const out: HeaderMatch[] = [];
  if (norm) {
    const squashed = squash(norm);
    for (const c of COMPILED) {
      const m = matchOne(norm, squashed, c);
      if (m) out.push(m);
    }
    out.sort((a, b) => b.confidence - a.confidence || b.strength - a.strength);
  }
  if (text.length <= 100) {
    if (cache.size > 5000) cache.clear();
    cache.set(text, out);
  }
  return out;
}

export interface HeaderCandidate {
  kind: TableKind;
  columns: ColumnMapping[];
  score: number;
  kindCues: PlanKind[];
}

/**
 * Reads a row as a header row if its filled cells are (mostly) known column names of one table kind.
 * `nextFirstCell` breaks ties: a letter ref ("A") below a lone "DATE" header means key milestones.
 */
export function readHeaderRow(
  cells: string[],
  nextFirstCell: string | undefined,
  override: MappingOverride | undefined,
  /** Share of the cells that must be known names; layout rules that found a header by its shape ask less. */
  minShare = 0.6,
): HeaderCandidate | undefined {
  const filled = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
  if (filled.length === 0) return undefined;
  const overrides = new Map(Object.entries(override ?? {}).map(([k, v]) => [normalizeHeader(k), v]));
  // A Welsh council's header names each column in both languages ("Statws / Status"): read the English.
  const perCell = filled.map((x) => ({ ...x, matches: matchHeader(inEnglish(x.c)) }));
  const kinds = new Set(perCell.flatMap((p) => p.matches.map((m) => m.table)));
  // A Gantt chart's months, quarters or years name when, not what: they neither make a header nor
  // keep one from being read ("Action | Lead | 2026/27 | 2027/28 | 2028/29"). Only a run of them is a
  // timeline: one date in a row ("1 | Action one | Lead Person | March 2027") is a deadline, a value.
  const periodCells = perCell.filter(
    (p) => !p.matches.length && (isPeriodHeader(p.c) || yearHeader(normalizeHeader(p.c))),
  ).length;
  const periods = periodCells >= 2 ? periodCells : 0;
  let best: HeaderCandidate | undefined;
  for (const kind of kinds) {
    let score = 0;
    let matched = 0;
    const columns: ColumnMapping[] = [];
    const kindCues: PlanKind[] = [];
    for (const p of perCell) {
      const m = p.matches.find((x) => x.table === kind);
      if (m && m.confidence >= 0.85) {
        matched++;
        score += m.confidence;
        kindCues.push(...m.kinds);
        columns.push({ index: p.i, header: p.c, field: m.field, confidence: m.confidence });
      } else {
        columns.push({ index: p.i, header: p.c, field: 'ignore', confidence: 0 });
      }
    }
    // A list export adds columns of its own ("Created", "Priority", a council's "Directorate"): three or
    // more of an action's fields, its title among them, make a header whatever else the row holds.
    const fields = new Set(
      columns.filter((c) => c.confidence > 0 && c.field !== 'ignore').map((c) => c.field),
    );
    const actionFields = kind === 'actions' && fields.has('title') && fields.size >= 3;
    // A lone cell naming who leads is no header: a group's row ("People", "Owner") is read as a group.
    const enough =
      matched >= 2
        ? matched / (filled.length - periods) >= minShare || actionFields
        : filled.length === 1 && matched === 1 && !columns[0]!.field.startsWith('lead:');
    // Columns known only to be kept aside ("Governance forum") do not make a header on their own.
    if (!enough || !columns.some((c) => c.confidence > 0 && c.field !== 'ignore')) continue;
    if (kind === 'milestones' && nextFirstCell && /^[A-Z]$/.test(nextFirstCell.trim())) score += 2;
    if (kind === 'actions' && nextFirstCell && /^[A-Z]$/.test(nextFirstCell.trim())) score -= 1;
    if (!best || score > best.score) best = { kind, columns, score, kindCues };
  }
  if (best) deliverablesAsTitles(best);
  if (best && overrides.size > 0) {
    for (const col of best.columns) {
      const o = overrides.get(normalizeHeader(col.header));
      if (o) Object.assign(col, { field: o, confidence: 1 });
    }
  }
  return best;
}

/**
 * "Deliverable | Timeline | Responsibility" (a reconciliation action plan's table under each numbered
 * action): with no column named as the action's and one saying who or when, the deliverables are what
 * is done. Beside an "Action" column they stay its outcome.
 */
function deliverablesAsTitles(h: HeaderCandidate): void {
  // Every cell a known name: a line that merely mentions the columns ("# layout: pipe table 'Action |
  // Deliverable | …") names no table.
  if (h.kind !== 'actions' || h.columns.some((c) => c.field === 'title' || c.field === 'ignore')) return;
  if (!h.columns.some((c) => c.field === 'due' || c.field.startsWith('lead:'))) return;
  const col = h.columns.find(
    (c) => c.field === 'outcome' && /^(?:key )?(?:deliverables?|outputs?)$/.test(normalizeHeader(c.header)),
  );
  if (col) col.field = 'title';
}

/** A row that names two or more known columns: a table's header, whatever else the table looks like. */
export const isHeader = (cells: string[]): boolean =>
  (readHeaderRow(cells, undefined, undefined)?.columns.filter((c) => c.field !== 'ignore').length ?? 0) >= 2;

const REF_LIKE = /^(?:\d{1,4}(?:\.\d{1,3}){0,3}\.?|[A-Z])$/;

/** Headers that name a plan's groups in some plans and a rating in others ("Priority": Recruitment, or High). */
const GROUP_OR_RATING =
  /^(?:strategic |key )?(?:priority|priorities|objective|objectives|aim|aims|indicator|indicators)$/;
/** Ratings and rankings: High, "Low priority", P1, "Priority 2", MoSCoW, a lone number or letter. */
const RATING =
  /^(?:(?:very\s+)?(?:high|medium|med|low)(?:\s+priority)?|h|m|l|p\s*\d|priority\s*\d|critical|urgent|essential|desirable|must|should|could|won'?t|(?:must|should|could|won'?t)\s+(?:do|have)|\d{1,2}|[a-e])$/i;

/**
 * A "Priority" column that names groups, not ratings: no cell is a rating, there are at least two names,
 * and each name covers one run of rows (a merged cell, written once, or the same name repeated), where
 * a rating comes back again and again. It becomes the theme column, unless the table already has one or
 * the person mapped the column themselves. So does an "Objective" column read as a second title beside
 * the action's own ("Ref | Objective | Action"): its runs are the groups, not part of every title.
 */
function groupFromContent(out: ColumnMapping[], rows: string[][]) {
  if (out.some((c) => c.field === 'group')) return;
  const titles = out.filter((c) => c.field === 'title');
  const titleCol = titles.find((c) => !GROUP_OR_RATING.test(normalizeHeader(c.header)))?.index;
  const titled = titleCol === undefined ? rows : rows.filter((r) => (r[titleCol] ?? '').trim() !== '');
  for (const col of out) {
    const unread = col.field === 'ignore' && col.confidence === 0;
    const secondTitle = col.field === 'title' && titles.length > 1 && col.index !== titleCol;
    if (!(unread || secondTitle) || !GROUP_OR_RATING.test(normalizeHeader(col.header))) continue;
    const values = titled.map((r) => (r[col.index] ?? '').trim());
    const named = values.filter((v) => v !== '');
    if (named.length === 0 || named.some((v) => RATING.test(v))) continue;
    // Runs: a name starts one when it differs from the name above it (blanks continue the one above).
    const runs: string[] = [];
    for (const v of named) if (v !== runs.at(-1)) runs.push(v);
    const names = new Set(runs);
    if (names.size >= 2 && names.size === runs.length && names.size * 2 <= titled.length) {
      Object.assign(col, { field: 'group', confidence: 0.6 });
      return;
    }
  }
}

/** A column a quarter names: "Q1", "Quarter 2", "Q3 2025/26", "Q4 25/26". */
const QUARTER_HEADER = /^(?:q|quarter\s*)[1-4](?:\s+(?:\d{2}|\d{4})(?:\s*\d{2,4})?)?$/;
/** A RAG rating as a cell writes it: a letter or a colour, perhaps "Complete". */
const RATING_CELL = /^(?:[rag]|b|c|red|amber|green|blue|complete|completed)$/i;

/**
 * Columns headed by a quarter ("Q1" … "Q4") whose cells are RAG letters or colours are a status a
 * quarter (the latest filled one is the action's status, build/action-rows.ts). Before the refs are
 * looked for: "G", "A" would otherwise read as refs.
 */
function ratingsByPeriod(out: ColumnMapping[], rows: string[][], chosen: ReadonlySet<string>) {
  for (const col of out) {
    if (col.field !== 'ignore' || chosen.has(normalizeHeader(col.header))) continue;
    if (!QUARTER_HEADER.test(normalizeHeader(col.header))) continue;
    const values = rows.map((r) => (r[col.index] ?? '').trim()).filter((v) => v !== '');
    if (values.length >= 2 && values.filter((v) => RATING_CELL.test(v)).length / values.length >= 0.8)
      Object.assign(col, { field: 'status', confidence: 0.6 });
  }
}

/** A header asking whether the work is done: "Done", "Complete?", "Completed (tick)". */
const DONE_HEADER = /^(?:done|complete|completed|achieved|finished)$/;
/** A tick box or mark as a cell writes it, ticked or not. */
const TICK_CELL = /^(?:[\u2713\u2714\u2611\u2705\u2610\u2612\u2717\u2718]\uFE0F?|x|y|n|yes|no)$/i;

/**
 * A column headed "Done" or "Complete?" whose cells are only ticks or tick boxes (✓, ☑, ☐, Yes, No) says
 * whether each action is done: its completion column (a tick is done, an empty box is not). Only one the
 * header did not map, and only ticks: "Completed" over percentages or dates is left as it was read.
 */
function tickedDone(out: ColumnMapping[], rows: string[][], chosen: ReadonlySet<string>) {
  if (out.some((c) => c.field === 'completed')) return;
  for (const col of out) {
    const h = normalizeHeader(col.header);
    if (col.field !== 'ignore' || col.confidence > 0 || chosen.has(h) || !DONE_HEADER.test(h)) continue;
    const values = rows.map((r) => (r[col.index] ?? '').trim()).filter((v) => v !== '');
    if (values.length >= 1 && values.every((v) => TICK_CELL.test(v))) {
      Object.assign(col, { field: 'completed', confidence: 0.6 });
      return;
    }
  }
}

/** A column a month names: "Apr", "September", "Oct-26", "Jan 2027". */
const MONTH_HEADER =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?(?:\s*(?:\d{2}|\d{4}))?$/;

/** A header naming a month or a quarter ("Apr", "Oct-26", "Q3"): a Gantt chart's column. */
export const isPeriodHeader = (header: string) => {
  const h = normalizeHeader(header);
  return MONTH_HEADER.test(h) || QUARTER_HEADER.test(h);
};

/** A cell of a timeline that says the work is not then: "No", "N", a dash. */
const NOT_MARKED = /^(?:no|n|-|–|—)$/i;

/**
 * A Gantt chart's columns: three or more side by side headed by months or quarters, or two or more
 * headed by years (a delivery plan's "2026/27 | 2027/28 | 2028/29", timeline.ts), each row marking when
 * the work happens (an X, a tick, or only shading). They are its timeline, never refs ("X") or notes:
 * the first and last marked give the action's dates (build/action-rows.ts).
 */
function timelineColumns(out: ColumnMapping[], rows: string[][], chosen: ReadonlySet<string>) {
  // Only marks, or nothing (shading): a column of updates, ratings or figures a month is not a timeline.
  const onlyMarks = (i: number) =>
    rows.every((r) => {
      const t = (r[i] ?? '').trim();
      return !t || MARK.test(t) || NOT_MARKED.test(t);
    });
  const isYear = (c: ColumnMapping) => !!yearHeader(normalizeHeader(c.header));
  const isPeriod = (c: ColumnMapping) =>
    c.field === 'ignore' &&
    !chosen.has(normalizeHeader(c.header)) &&
    (isPeriodHeader(c.header) || isYear(c)) &&
    onlyMarks(c.index);
  const sorted = [...out].sort((a, b) => a.index - b.index);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (
      j < sorted.length &&
      isPeriod(sorted[j]!) &&
      (j === i || sorted[j]!.index === sorted[j - 1]!.index + 1)
    )
      j++;
    const run = sorted.slice(i, j);
    // A plan runs over fewer years than months: two years side by side are a timeline already.
    if (run.length >= 3 || (run.length === 2 && run.every(isYear)))
      for (const c of run) Object.assign(c, { field: 'timeline', confidence: 0.6 });
    i = Math.max(j, i + 1);
  }
}

/** Names that head the action itself in some tables (a list of targets) and a figure beside it in others. */
const WEAK_TITLE = /^(?:targets?|indicators?|milestone|what)$/;

/**
 * One title: beside a column that names the action ("Action"), a "Target" column of figures ("90%",
 * "12", "Yes") is the figure aimed for, kept under its name, not joined onto every title; a "Name" column
 * beside it names who leads. A "Target" of sentences beside an "Objective" is the action, as before.
 */
function oneTitle(out: ColumnMapping[], rows: string[][], chosen: ReadonlySet<string>) {
  if (out.filter((c) => c.field === 'title').length < 2) return;
  const figures = (i: number) => {
    const values = rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    return values.length > 0 && values.every((v) => v.length <= 12 || /^[\d.,%£$ <>=≥≤+-]+$/.test(v));
  };
  for (const c of out) {
    const h = normalizeHeader(c.header);
    if (c.field !== 'title' || chosen.has(h)) continue;
    if (h === 'name') Object.assign(c, { field: 'lead:responsible', confidence: 0.6 });
    else if (WEAK_TITLE.test(h) && figures(c.index)) Object.assign(c, { field: 'ignore', confidence: 0.6 });
  }
  // A recommendation beside the actions agreed for it ("Peer team recommendation | … | Key actions"):
  // the row is the recommendation, tracked as one; its actions say how, not more of its title.
  const titles = out.filter((c) => c.field === 'title');
  const recommendation = titles.find((c) => RECOMMENDATION_HEADER.test(normalizeHeader(c.header)));
  if (!recommendation) return;
  for (const c of titles)
    if (c !== recommendation && !chosen.has(normalizeHeader(c.header)))
      Object.assign(c, { field: 'description', confidence: 0.6 });
}

/** The column of a peer team's or auditor's recommendations, or of areas for improvement. */
const RECOMMENDATION_HEADER = /\b(?:recommendations?|areas? for improvement)$/;

/**
 * Business plans write "Actions" over a column of refs (1, 1.1) and leave the title column's header
 * blank; key milestones do the same with A, B, C. Reads the cells below to put each field where it is.
 */
export function refineWithContent(
  columns: ColumnMapping[],
  rows: string[][],
  override?: MappingOverride,
): ColumnMapping[] {
  const out = columns.map((c) => ({ ...c }));
  const chosen = new Set(Object.keys(override ?? {}).map(normalizeHeader));
  ratingsByPeriod(out, rows, chosen);
  tickedDone(out, rows, chosen);
  timelineColumns(out, rows, chosen);
  milestoneColumns(out, chosen);
  oneTitle(out, rows, chosen);
  if (rows.length === 0) return out;
  // Reduced, not spread: a sheet's rows can be more than the call stack takes as arguments.
  const width = rows.reduce((w, r) => Math.max(w, r.length), Math.max(0, ...out.map((c) => c.index + 1)));
  for (let i = 0; i < width; i++) {
    const values = rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    if (values.length < 1) continue;
    const refLike = values.filter((v) => REF_LIKE.test(v)).length / values.length;
    if (refLike < 0.8) continue;
    const col = out.find((c) => c.index === i);
    // Only a column with no field of its own, or the title's ("Actions" over 1, 1.1), is taken for the
    // refs: letters under "RAG" (G, A, R) are ratings and fractions under "% complete" are progress, and a
    // column a person chose in the preview stays as they chose. Numbered areas ("Area" = 1, 2) are
    // themes, not action refs.
    if (col && ((col.field !== 'ignore' && col.field !== 'title') || chosen.has(normalizeHeader(col.header))))
      continue;
    const displaced = col?.field;
    if (col) Object.assign(col, { field: 'ref', confidence: 0.6 });
    else out.push({ index: i, header: '', field: 'ref', confidence: 0.6 });
    // The header over the refs names the next column ("Actions" | "" → ref | title).
    if (displaced && displaced !== 'ignore') {
      const next = out.find((c) => c.index === i + 1);
      if (!next) out.push({ index: i + 1, header: '', field: displaced, confidence: 0.6 });
      else if (next.header === '' || next.field === 'ignore')
        Object.assign(next, { field: displaced, confidence: 0.6 });
    }
  }
  groupFromContent(out, rows);
  // No column named as the title ("| | | | DATE" over key milestones): the widest unnamed text column is.
  if (!out.some((c) => c.field === 'title')) {
    let best: { i: number; len: number } | undefined;
    for (let i = 0; i < width; i++) {
      const col = out.find((c) => c.index === i);
      if (col && col.field !== 'ignore') continue;
      const len = rows.reduce((n, r) => n + (r[i]?.trim().length ?? 0), 0);
      if (len > 0 && (!best || len > best.len)) best = { i, len };
    }
    if (best) {
      const col = out.find((c) => c.index === best.i);
      if (col) Object.assign(col, { field: 'title', confidence: 0.5 });
      else out.push({ index: best.i, header: '', field: 'title', confidence: 0.5 });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
