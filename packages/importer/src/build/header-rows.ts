import { cleanText } from '../cells.js';
import {
  type HeaderCandidate,
  isPeriodHeader,
  normalizeHeader,
  readHeaderRow,
  refineWithContent,
} from '../header-mapping.js';
import type { TableMapping } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import type { ActiveMapping, BuildState } from './drafts.js';
import { shadingOf } from './status-colours.js';
import { themeHeading } from './themes.js';

const LAYOUT_SHARE = 0.5;

/** Data rows after a header, up to the next header or heading: used to read ref columns. */
function rowsAfter(s: BuildState, index: number): string[][] {
  const out: string[][] = [];
  for (let j = index + 1; j < s.items.length && out.length < 25; j++) {
    const it = s.items[j]!;
    if (it.type !== 'row') break;
    const cells = it.cells.map((c) => c.trim());
    if (readHeaderRow(cells, undefined, s.override)) break;
    // A theme's own row ends the sample; a group cell beside an action of its own ("Objective 1: …" on
    // every row) does not.
    const filled = cells.filter((c) => c !== '');
    if (filled.length <= 2 && themeHeading(filled[0] ?? '')) break;
    out.push(cells);
  }
  return out;
}

/** The rows of the same table after a header, as read (with their fills), up to 200. */
function bodyRows(s: BuildState, index: number): Extract<SourceItem, { type: 'row' }>[] {
  const header = s.items[index];
  const out: Extract<SourceItem, { type: 'row' }>[] = [];
  for (let j = index + 1; j < s.items.length && out.length < 200; j++) {
    const it = s.items[j]!;
    if (it.type !== 'row' || (header?.type === 'row' && it.table !== header.table)) break;
    if (it.cells.some((c) => c.trim() !== '')) out.push(it);
  }
  return out;
}

function nextRowFirstCell(s: BuildState, index: number): string | undefined {
  for (let j = index + 1; j < s.items.length; j++) {
    const it = s.items[j]!;
    if (it.type !== 'row') return undefined;
    const first = it.cells.find((c) => c.trim() !== '');
    if (first !== undefined) return first;
  }
  return undefined;
}

const shortCells = (cells: string[]) => cells.every((c) => c.trim().split(/\s+/).length <= 4);

/**
 * A header row, possibly wrapped over two rows ("AREA / NUMBER", "ACTIONS NEEDED OR / PLANNED"): the
 * second row is part of the header when joining it on reads better as column names than the first
 * row alone, and its cells are short.
 */
export function readHeaderAt(
  s: BuildState,
  index: number,
  cells: string[],
): { header: HeaderCandidate; cells: string[]; rows: number } | undefined {
  const item = s.items[index] as Extract<SourceItem, { type: 'row' }>;
  const share = item.header ? LAYOUT_SHARE : 0.6;
  const alone = readHeaderRow(cells, nextRowFirstCell(s, index), s.override, share);
  const next = s.items[index + 1];
  if (next?.type === 'row' && next.table === item.table) {
    const below = next.cells.map(cleanText);
    // Only a row that already reads as (part of) a header takes the row below into it. In a table
    // already headed, a row that is none above one that is a header alone is the table's own: an item
    // above its sub-items' header, the last sub-item above the table's header again (build/sub-tables.ts).
    const headed = s.mapping?.kind === 'actions' && s.mapping.table === item.table;
    const headerLike =
      alone ??
      (cells.filter((c) => c !== '').length >= 3 &&
        shortCells(cells) &&
        !(headed && readHeaderRow(below, undefined, s.override)));
    if (headerLike && below.some((c) => c !== '') && shortCells(below)) {
      const joined = joinHeaderRows(cells, below);
      const both = readHeaderRow(joined, nextRowFirstCell(s, index + 1), s.override, share);
      const known = (h: HeaderCandidate | undefined) =>
        h?.columns.filter((c) => c.field !== 'ignore').length ?? 0;
      // A row of months or quarters under the header (a Gantt chart's, under its years) is the header's.
      const periods = below.filter((c) => c !== '');
      const timeline = periods.length >= 3 && periods.every(isPeriodHeader);
      if (
        both &&
        (!alone ||
          (known(both) > known(alone) && both.score > alone.score) ||
          (timeline && known(both) >= known(alone)))
      )
        return { header: both, cells: joined, rows: 2 };
    }
  }
  return alone ? { header: alone, cells, rows: 1 } : undefined;
}

/** A year a header cell spans over the months or quarters below it: "2026/27", "2026-27", "FY 2027". */
const YEAR_LABEL = /^(?:fy\s*)?((?:19|20)\d{2})(?:\s*[-/]\s*(?:\d{2}|\d{4}))?$/i;
const JAN_TO_MAR = /^(?:jan|feb|mar)/i;

/**
 * A header written over two rows, cell by cell. A cell over several columns (merged: empty cells follow
 * it above filled ones) heads each of them; the cell below names the column, the one above only groups
 * it: "Timescale" over "Start | End" gives "Start (Timescale)" and "End (Timescale)", read as the start
 * and the deadline. A year over months or quarters dates each: "2026/27" over "Apr … Mar" gives "Apr
 * 2026" … "Mar 2027" (a financial year's January to March are in its second year). Any other pair is
 * one name wrapped over two rows: "ACTIONS NEEDED OR" over "PLANNED".
 */
export function joinHeaderRows(top: readonly string[], below: readonly string[]): string[] {
  const width = Math.max(top.length, below.length);
  const out: string[] = [];
  let span: string | undefined;
  for (let i = 0; i < width; i++) {
    const above = top[i] ?? '';
    const under = below[i] ?? '';
    // A span runs on over the empty cells after its own, while the row below names their columns.
    if (above !== '') span = (top[i + 1] ?? '') === '' && (below[i + 1] ?? '') !== '' ? above : undefined;
    else if (under === '') span = undefined;
    const group = above !== '' ? above : span;
    if (!group || !under) out.push([above, under].filter((c) => c !== '').join(' '));
    else if (span === group) out.push(underSpan(group, under));
    else out.push(`${above} ${under}`);
  }
  return out;
}

/** Words that say which version of the spanning column's value a column holds: "Original", "Revised". */
const VERSION = /^(?:original|initial|revised|new|amended|updated|rescheduled|current|latest)$/i;

/**
 * A column's name under a cell spanning several: the year dates a month or quarter; a version word
 * ("Target date" over "Original | Revised") says which date of the two, "Revised Target date"
 * (build/revised-dates.ts); anything else groups it.
 */
function underSpan(group: string, under: string): string {
  if (VERSION.test(under.trim())) return `${under.trim()} ${group.trim()}`;
  const year = YEAR_LABEL.exec(group.trim());
  if (!year || !isPeriodHeader(under)) return `${under} (${group})`;
  if (/^q/i.test(under.trim())) return `${under} ${group}`;
  const fiscal = /[-/]/.test(group);
  const first = Number(year[1]);
  return `${under} ${fiscal && JAN_TO_MAR.test(under.trim()) ? first + 1 : first}`;
}

/** Takes a header row into use; a header repeated after a page break keeps the table going. */
export function applyHeader(
  s: BuildState,
  index: number,
  item: SourceItem & { type: 'row' },
  header: HeaderCandidate,
  rows: number,
) {
  s.d.sawHeader = true;
  s.d.kindCues.push(...header.kindCues);
  const below = rowsAfter(s, index + rows - 1);
  const columns = refineWithContent(header.columns, below, s.override);
  const groupCol = columns.find((c) => c.field === 'group')?.index;
  const statusCol = columns.find((c) => c.field === 'status')?.index;
  const titleCol = columns.find((c) => c.field === 'title')?.index;
  let groupRepeats = false;
  if (groupCol !== undefined && titleCol !== undefined) {
    const titled = below.filter((r) => (r[titleCol] ?? '') !== '');
    groupRepeats =
      titled.length > 1 && titled.filter((r) => (r[groupCol] ?? '') !== '').length / titled.length >= 0.8;
  }
  const key = (cols: { index: number; header: string }[]) =>
    JSON.stringify(cols.map((c) => [c.index, normalizeHeader(c.header)]));
  const same = s.mapping && s.mapping.kind === header.kind && key(s.mapping.columns) === key(columns);
  if (!same) {
    s.mapping = {
      kind: header.kind,
      columns,
      table: item.table,
      width: item.cells.length,
      headerRowIndex: index,
      groupRepeats,
      ...(statusCol !== undefined && { statusShading: shadingOf(bodyRows(s, index + rows - 1), statusCol) }),
    };
    s.d.mappings.push({ table: s.d.mappings.length, kind: header.kind, columns });
  } else s.mapping!.headerRowIndex = index + rows - 1;
  if (header.kind !== 'actions') s.lastAction = s.lastItem = undefined;
  s.afterRows = false;
  s.unknownTable = undefined;
  s.inTally = false;
}

export const isPeriodLabel = (t: string) =>
  /^(?:q[1-4]|(?:19|20)\d{2}\s*[-/]\s*\d{2,4}|target|actual)$/i.test(t.trim());

/** Gives each column under a spanning "Target" heading its own period. */
export function addSubHeader(m: ActiveMapping, cells: string[], recorded: TableMapping) {
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    let col = m.columns.find((c) => c.index === i);
    if (!col || col.field === 'ignore') {
      const left = [...m.columns]
        .reverse()
        .find((c) => c.index < i && (c.field === 'target' || c.field === 'actual'));
      if (!left) return;
      col = { index: i, header: text, field: left.field, confidence: 0.8 };
      m.columns.push(col);
    } else col.header = `${col.header} ${text}`;
    col.period = text.toUpperCase();
  });
  m.columns.sort((a, b) => a.index - b.index);
  recorded.columns = m.columns;
}
