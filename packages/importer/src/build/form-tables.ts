import { cleanText } from '../cells.js';
import { DOCUMENT_KEEPING } from '../document-control.js';
import { matchHeader, normalizeHeader, readHeaderRow } from '../header-mapping.js';
import { labelValue } from '../layouts/label-value.js';
import { leadingRef } from '../layouts/leading-refs.js';
import { least } from '../least.js';
import type { MappingOverride } from '../parsed-plan.js';
import { type SourceItem, startsTable, tableRows } from '../source.js';
import { coverTableLines } from './cover-table.js';
import { themeHeading } from './themes.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/**
 * Plans written as forms: each action its own small table of labels and values, often under a heading
 * per group (docs/architecture.md, "How councils lay out groups and details").
 *
 *   | Action 1.1   | Launch a new careers site |
 *   | Lead officer | Head of HR                |
 *   | Target date  | September 2026            |
 *
 * The left cells are the names a table's header would give its columns (synonyms.ts), so each table is
 * one action laid out vertically, as "Label: value" lines are in pasted text (layouts/label-value.ts).
 * Without this, each table was kept as text and a value such as "EDI Lead" was taken for a header.
 * Such tables are rewritten into what the action reader already reads: a header row of the labels, then
 * a row per action; a header row opens each run of tables, so a heading above a run names its group as
 * it does above any action table (build/headed-tables.ts). "Action 1.1" gives the ref 1.1.
 *
 * A table is read so only when every row is a label and its value (a value may wrap onto rows of its
 * own, and a line alone between records is kept as a paragraph, a heading perhaps), most labels are
 * known, and each record has a title and two more known fields. A record must also be shaped like
 * another record in the document (the same title label, mostly the same fields): a plan's cover
 * (build/cover-table.ts), a RAG key (build/rag-key.ts) or a tally stands alone and is left to its rule.
 * A document's own details are no action either, even repeated for each part of a pack (isDocumentBox).
 * In a workbook, label in column A and value in column B, a record starts where a label comes round again;
 * a label on rows one under another ("Milestone", "Milestone") is one field of several lines (readTable).
 * A table with no title row of its own ("Lead | …", "Deadline | …") is titled by the paragraph just above
 * it, a Word heading or a bold line ("1.1 Develop an employer brand"), its ref written first the ref
 * (titledAbove); the heading above that names the group as usual.
 */
export function formTables(items: SourceItem[], override?: MappingOverride): SourceItem[] {
  const tables = new Map<number, { parts: Part[]; rows: number }>();
  // Paragraphs read as the title of the form table under them: written as that record's title.
  const titles = new Set<number>();
  for (const [i, item] of items.entries()) {
    if (item.type !== 'row' || !startsTable(items, i)) continue;
    const rows = tableRows(items, i);
    const above = paraAbove(items, i);
    const parts = readTable(rows, above && items[above]?.type === 'para' ? items[above].text : undefined);
    if (!parts) continue;
    tables.set(i, { parts, rows: rows.length });
    if (above !== undefined && recordsOf(parts).some((r) => r.titledAbove)) titles.add(above);
  }
  const records = [...tables.values()].flatMap((t) => recordsOf(t.parts));
  if (records.length < 2) return items;
  const paired = pairedRecords(records);
  for (const [i, t] of tables) if (!recordsOf(t.parts).every((r) => paired.has(r))) tables.delete(i);
  for (const at of titles) if (!tables.has(nextRowAt(items, at))) titles.delete(at);
  const kept = [...tables.values()].flatMap((t) => recordsOf(t.parts));
  if (kept.length < 2) return items;
  const columns = columnsOf(kept);
  const header = columns.map((c) => c.label);
  const read = readHeaderRow(header, undefined, override, 0.5);
  if (read?.kind !== 'actions' || !read.columns.some((c) => c.field === 'title')) return items;

  const out: SourceItem[] = [];
  // Whether the last thing written was a record (blank paragraphs between tables aside).
  let inRun = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const table = tables.get(i);
    // A record's title, written in its row: neither a paragraph of its own nor the end of a run.
    if (titles.has(i)) continue;
    if (!table) {
      out.push(item);
      if (item.type !== 'para' || cleanText(item.text) !== '') inRun = false;
      continue;
    }
    for (const part of table.parts) {
      if ('para' in part) {
        const { line, sheetRow } = part.para;
        out.push({ type: 'para', text: part.text, line, ...(sheetRow && { sheetRow }) });
        inRun = false;
        continue;
      }
      const r = part.record;
      const at = { table: r.first.table, line: r.first.line, layout: NAME, ...placeOf(r.first) };
      if (!inRun) out.push({ type: 'row', cells: header, header: true, ...at });
      const cells = columns.map((c) => r.fields.find((f) => f.key === c.key)?.value ?? '');
      if (r.ref && columns[0]?.key === 'ref' && !cells[0]) cells[0] = r.ref;
      const fills = columns.map((c) => r.fields.find((f) => f.key === c.key)?.fill);
      out.push({ type: 'row', cells, ...(fills.some(Boolean) && { fills }), ...at });
      inRun = true;
    }
    i += table.rows - 1;
  }
  return out;
}

const NAME = 'form-tables';

interface Field {
  /** The field the label names ("lead:accountable"), or the label itself when it names none. */
  key: string;
  label: string;
  value: string;
  fill?: string;
}

interface FormRecord {
  fields: Field[];
  /** A number written with the label: "Action 1.1". */
  ref?: string;
  first: Row;
  /** Its title is the paragraph just above its table, which has no title row. */
  titledAbove?: boolean;
}

type Part = { record: FormRecord } | { para: Row; text: string };
const recordsOf = (parts: Part[]) => parts.flatMap((p) => ('record' in p ? [p.record] : []));

const placeOf = (row: Row) => (row.sheetRow ? { sheetRow: row.sheetRow } : {});

/** A label's field, as a column of that name would be read; "Action 1.1" also gives its ref. */
function readLabel(text: string): { field: string; label: string; ref?: string } | undefined {
  const lv = labelValue(`${text}:`);
  if (lv) return { field: lv.field, label: lv.label, ...(lv.ref && { ref: lv.ref }) };
  // Labels the line pattern does not take ("No.", "Ref."), matched as a header cell is.
  const best = matchHeader(text).find((x) => x.table === 'actions' && x.confidence >= 0.85);
  return best ? { field: best.field, label: text } : undefined;
}

/** The paragraph just above the table starting at `i` (blank paragraphs between passed over). */
function paraAbove(items: SourceItem[], i: number): number | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const it = items[j]!;
    if (it.type !== 'para') return undefined;
    if (cleanText(it.text) !== '') return j;
  }
  return undefined;
}

/** The index of the first row after paragraph `at` (blank paragraphs passed over). */
function nextRowAt(items: SourceItem[], at: number): number {
  let j = at + 1;
  while (items[j]?.type === 'para' && cleanText((items[j] as { text: string }).text) === '') j++;
  return j;
}

/**
 * A paragraph that can title the form table under it: one short line that says what is done, not a
 * group's heading ("Priority 2: …"), a sentence introducing the table ("The actions are as follows:")
 * nor a note.
 */
function titleAbove(text: string | undefined): { title: string; ref?: string } | undefined {
  const t = cleanText(text ?? '');
  if (!t || t.includes('\n') || t.length > 200 || !/\p{L}{3}/u.test(t) || /[:;]$/.test(t)) return undefined;
  if (themeHeading(t)) return undefined;
  const lv = labelValue(t);
  if (lv)
    return lv.field === 'title' && lv.value ? { title: lv.value, ...(lv.ref && { ref: lv.ref }) } : undefined;
  const r = leadingRef(t);
  return r ? { title: r.rest, ref: r.ref } : { title: t };
}

/**
 * The records of a table of labels and values, or undefined when the table is not one. A table that is
 * one record with no title row takes its title from the paragraph above it (`above`), unless its labels
 * say how a document is kept (a document-control box under its heading).
 */
function readTable(rows: Row[], above?: string): Part[] | undefined {
  const parts: Part[] = [];
  let rec: FormRecord | undefined;
  let labelCol: number | undefined;
  let labels = 0;
  let known = 0;
  const close = () => {
    if (rec) parts.push({ record: rec });
    rec = undefined;
  };
  const names = labelNames(rows);
  for (const [n, row] of rows.entries()) {
    const cells = row.cells.map(cleanText);
    const filled = cells.flatMap((c, i) => (c ? [i] : []));
    if (filled.length === 0) {
      close();
      continue;
    }
    if (filled.length > 2) return undefined;
    const at = filled[0]!;
    const last = rec?.fields.at(-1);
    // A value that wraps onto a row of its own, under the values: it carries on the value above.
    if (filled.length === 1 && last && labelCol !== undefined && at > labelCol) {
      last.value = last.value ? `${last.value}\n${cells[at]}` : cells[at]!;
      continue;
    }
    if (labelCol !== undefined && at !== labelCol) return undefined;
    labelCol = at;
    const text = cells[at]!.replace(/\s*:$/, '');
    // A label is a name: "Theme 2: Pay" alone on its row is a heading ("Objective 2" alone too).
    let lab = text.includes(':') || (filled.length === 1 && themeHeading(text)) ? undefined : readLabel(text);
    if (!lab && filled.length === 1) {
      // A line alone between records ("Priority 2: Growing our own"): a paragraph, perhaps a heading.
      close();
      parts.push({ para: row, text: cells[at]! });
      continue;
    }
    // A label on rows one under another is a list, as a column named in the plural holds one item a
    // line: two "Milestone" rows are the action's milestones, not a second title starting a record.
    // A list of titles ("Action", "Action") is so many records, as before.
    const repeats = !text.includes(':') && [-1, 1].some((d) => nextName(rows, names, n, d) === names[n]);
    const many = repeats ? readLabel(plural(lab?.label ?? text)) : undefined;
    const list = repeats && many?.field !== 'title';
    if (list) lab = many;
    const label = lab?.label ?? (list ? plural(text) : text);
    const name = normalizeHeader(label);
    const v = filled[1] ?? at + 1;
    if (list && last && normalizeHeader(last.label) === name) {
      if (cells[v]) last.value = last.value ? `${last.value}\n${cells[v]}` : cells[v]!;
      continue;
    }
    labels++;
    if (lab) known++;
    const base = lab && lab.field !== 'ignore' ? lab.field : `label:${name}`;
    // A label met again, or a second title (a workbook's records one under another), starts a record.
    if (rec?.fields.some((f) => normalizeHeader(f.label) === name || (base === 'title' && f.key === base)))
      close();
    rec ??= { fields: [], first: row };
    if (lab?.ref && lab.field !== 'ref' && !list) rec.ref ??= lab.ref;
    // Two labels for one field ("Progress", "Comments") are two columns, as they would be in a header.
    const key = rec.fields.some((f) => f.key === base) ? `${base}#${name}` : base;
    // The value's cell, even empty: a RAG cell may say its colour only by its shading.
    const fill = row.fills?.[v];
    rec.fields.push({ key, label, value: cells[v] ?? '', ...(fill && { fill }) });
  }
  close();
  const records = recordsOf(parts);
  if (records.length === 0 || known / labels < 0.6) return undefined;
  const only = parts.length === 1 ? records[0] : undefined;
  const titled = titleAbove(above);
  if (
    only &&
    titled &&
    !only.fields.some((f) => f.key === 'title' || DOCUMENT_KEEPING.test(f.label)) &&
    !only.ref
  ) {
    only.fields.unshift({ key: 'title', label: 'Action', value: titled.title });
    if (titled.ref) only.ref = titled.ref;
    only.titledAbove = true;
  }
  return records.every(isAction) ? parts : undefined;
}

/** Each row's label as read (its ref aside: "Milestone 1" is "milestone"); undefined where it has none. */
function labelNames(rows: Row[]): (string | undefined)[] {
  const firsts = rows.map((r) => r.cells.findIndex((c) => cleanText(c) !== '')).filter((i) => i >= 0);
  const col = least(firsts);
  return rows.map((r) => {
    const text = cleanText(r.cells[col] ?? '').replace(/\s*:$/, '');
    return text ? normalizeHeader(readLabel(text)?.label ?? text) : undefined;
  });
}

/**
 * The label of the next labelled row before (d = -1) or after (d = 1) row n: a value wrapped onto a row
 * of its own is passed over; a blank row ends the search, as it ends a record.
 */
function nextName(rows: Row[], names: (string | undefined)[], n: number, d: number): string | undefined {
  for (let i = n + d; i >= 0 && i < rows.length; i += d) {
    if (names[i] !== undefined) return names[i];
    if (rows[i]!.cells.every((c) => cleanText(c) === '')) return undefined;
  }
  return undefined;
}

/** "Milestone" → "Milestones": the name a column of such items would have. */
const plural = (label: string) => (/s$/i.test(label) ? label : `${label}s`);

/** The fields a record names (a ref written with its title counts as one). */
function keysOf(r: FormRecord): Set<string> {
  const keys = new Set(r.fields.map((f) => f.key));
  if (r.ref) keys.add('ref');
  return keys;
}

const isKnown = (key: string) => !key.startsWith('label:');

/** Says what is done, and two more things about it: who, when, how it is going. */
function isAction(r: FormRecord): boolean {
  const title = r.fields.find((f) => f.key === 'title');
  if (!title || !/\p{L}{3}/u.test(title.value) || isDocumentBox(r)) return false;
  return [...keysOf(r)].filter((k) => isKnown(k) && k !== 'title').length >= 2;
}

/**
 * A document's own details, not an action: a cover or document-control box ("Title | HR Service Action
 * Plan", "Owner | Head of HR", "Review date | 31 March 2026", "Status | Draft"), which a pack may repeat
 * for each of its parts. An action's title label says what is done ("Action", "Recommendation", "What
 * we will do"); here it is the document's ("Title", "Name"), the rows read as a cover's
 * (build/cover-table.ts), and one says how the document is kept: reviewed, versioned, approved.
 */
function isDocumentBox(r: FormRecord): boolean {
  const title = r.fields.find((f) => f.key === 'title')!;
  if (!DOCUMENT_TITLE.test(normalizeHeader(title.label))) return false;
  if (!r.fields.some((f) => DOCUMENT_KEEPING.test(f.label))) return false;
  const rows = r.fields.map(
    (f): Row => ({ type: 'row', cells: [f.label, f.value], table: 0, line: r.first.line }),
  );
  return coverTableLines(rows, 0, cleanText) !== undefined;
}

/** A title label that names a document's title, not an action's. */
const DOCUMENT_TITLE =
  /^(?:(?:document|plan|strategy|policy|report|paper)\s+)?(?:title|name)$|^name of (?:the )?(?:document|plan|strategy|policy|report|paper)$/;

/**
 * The records shaped like another record of the document: the same title label, and mostly the same
 * fields. Compared by shape, once per shape, so a long workbook of records costs no more than a few.
 */
function pairedRecords(records: FormRecord[]): Set<FormRecord> {
  const shapes = new Map<string, { title: string; keys: Set<string>; records: FormRecord[] }>();
  for (const r of records) {
    const title = normalizeHeader(r.fields.find((f) => f.key === 'title')!.label);
    const keys = keysOf(r);
    const id = JSON.stringify([title, ...[...keys].sort()]);
    const shape = shapes.get(id) ?? { title, keys, records: [] };
    shape.records.push(r);
    shapes.set(id, shape);
  }
  const alike = (a: Set<string>, b: Set<string>) =>
    [...a].filter((k) => b.has(k)).length / new Set([...a, ...b]).size >= 0.6;
  const out = new Set<FormRecord>();
  for (const s of shapes.values()) {
    const others = [...shapes.values()].filter((o) => o !== s && o.title === s.title);
    if (s.records.length > 1 || others.some((o) => alike(s.keys, o.keys)))
      for (const r of s.records) out.add(r);
  }
  return out;
}

/** The header the records are read under: each field once, in the order met; a ref column first. */
function columnsOf(records: FormRecord[]): { key: string; label: string }[] {
  const columns: { key: string; label: string }[] = [];
  for (const r of records)
    for (const f of r.fields)
      if (!columns.some((c) => c.key === f.key)) columns.push({ key: f.key, label: f.label });
  const ref = columns.findIndex((c) => c.key === 'ref');
  if (ref > 0) columns.unshift(...columns.splice(ref, 1));
  else if (ref < 0 && records.some((r) => r.ref)) columns.unshift({ key: 'ref', label: 'Ref' });
  return columns;
}
