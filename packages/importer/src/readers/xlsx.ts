import ExcelJS from 'exceljs';
import { excerpt, looksLikeFormula } from '../cells.js';
import { readHeaderRow } from '../header-mapping.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { SourceDocument, SourceItem } from '../source.js';
import { tinted, workbookThemeColours } from './cell-colours.js';
import { isDateCell, listSheets, listsNote, type SheetCells, validatedSheets } from './list-sheets.js';
import { isStruck } from './struck-cells.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A plain value as Excel shows it. */
function valueText(v: unknown, numFmt: string | undefined): string | undefined {
  if (typeof v === 'string') return v;
  // A fraction formatted as a percentage reads as Excel shows it ("40%"), not as 0.4 (a ref, to the eye).
  if (typeof v === 'number' && /%/.test(numFmt ?? '')) return `${+(v * 100).toFixed(2)}%`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dateText(v, numFmt);
  return undefined;
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/**
 * A date as precise as the sheet shows it: formatted "Sep-26" or "mmmm yyyy" (no day), it is a month, and
 * reads "September 2026" (due at the month's end), not the 1st it is stored as; "yyyy" alone, a year.
 */
function dateText(v: Date, numFmt: string | undefined): string {
  // Quoted text and [colour] or [$-locale] parts are not date tokens.
  const f = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  const shows = (token: RegExp) => token.test(f);
  if (f && !shows(/d/) && !shows(/h|s/) && shows(/y/)) {
    return shows(/m/) ? `${MONTHS[v.getUTCMonth()]} ${v.getUTCFullYear()}` : String(v.getUTCFullYear());
  }
  return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
}

/**
 * A cell as the text a person sees: a formula as the value the workbook saved for it, never run. A
 * formula with no saved value (a workbook written by a program and never opened in Excel) shows nothing
 * until Excel calculates it: it reads as empty (`unsaved`, noted), never as its formula's text.
 */
function cellText(cell: ExcelJS.Cell): { text: string; unsaved?: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  const plain = valueText(v, cell.numFmt);
  if (plain !== undefined) return { text: plain };
  if (typeof v !== 'object') return { text: String(v) };
  if ('formula' in v || 'sharedFormula' in v) {
    // What the cell shows, as the workbook saved it (Excel keeps each formula's last result): never run.
    const shown = 'result' in v ? valueText(v.result, cell.numFmt) : undefined;
    if (shown !== undefined) return { text: shown };
    const error = 'result' in v && v.result && typeof v.result === 'object' && 'error' in v.result;
    return error ? { text: String((v.result as { error: unknown }).error) } : { text: '', unsaved: true };
  }
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('text' in v && typeof v.text === 'string') return { text: v.text };
  if ('error' in v) return { text: String(v.error) };
  return { text: String(cell.text ?? '') };
}

/** A function that sums up what it is given: a table's totals use these. */
const AGGREGATE =
  /\b(?:SUM|SUMIFS?|SUMPRODUCT|COUNT|COUNTA|COUNTBLANK|COUNTIFS?|AVERAGE|AVERAGEA|AVERAGEIFS?|SUBTOTAL|AGGREGATE|MAX|MIN|MEDIAN)\s*\(/i;
/** A range of cells: "F4:F18", "$F$4:F18", or whole columns "F:F". */
const RANGE = /\$?[A-Z]{1,3}\$?(\d+)?\s*:\s*\$?[A-Z]{1,3}\$?(\d+)?(?![\w(])/gi;

/**
 * Whether a cell counts or adds up rows of the sheet (`=COUNTIF(F4:F18,"Green")`, `=SUM(E:E)`): a total
 * about the table, not an action's own value. A formula over its own row (`=COUNTIF(E5:J5,"Done")`)
 * is the action's.
 */
function aggregatesRows(cell: ExcelJS.Cell): boolean {
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
  if (!formula || !AGGREGATE.test(formula)) return false;
  // Quoted text ("hh:mm") is no range.
  const ranges = formula.replace(/"[^"]*"/g, '""').matchAll(RANGE);
  return [...ranges].some(([, from, to]) =>
    from === undefined ? to === undefined : to !== undefined && from !== to,
  );
}

/** A cell's solid fill as RRGGBB: an RGB colour, or one of the workbook's theme colours with its tint. */
function fillOf(cell: ExcelJS.Cell, theme: string[]): string | undefined {
  const fill = cell.fill;
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const colour = fill.fgColor as { argb?: string; theme?: number; tint?: number } | undefined;
  if (colour?.argb && /^[0-9A-Fa-f]{8}$/.test(colour.argb)) return colour.argb.slice(2).toUpperCase();
  const base = colour?.theme === undefined ? undefined : theme[colour.theme];
  return base && /^[0-9A-F]{6}$/.test(base) ? tinted(base, colour?.tint) : undefined;
}

/** Whether any of a sheet's rows is grouped (an outline level above the sheet's top). */
function sheetHasOutline(sheet: ExcelJS.Worksheet): boolean {
  let found = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if ((row.outlineLevel ?? 0) > 0) found = true;
  });
  return found;
}

/** Each worksheet is one table; rows keep their column positions. */
export async function readXlsx(buffer: Buffer): Promise<SourceDocument> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const theme = workbookThemeColours(buffer);
  const shown: SourceItem[] = [];
  const formulaCells: SourceDocument['formulaCells'] = [];
  let table = 0;
  let line = 0;
  const hiddenItems: SourceItem[] = [];
  const hiddenSheets: string[] = [];
  // Rows a council hid, on sheets in view and on hidden ones: named in one note (`hiddenRowsNote`).
  const hiddenRows: HiddenRow[] = [];
  const hiddenSheetRows: HiddenRow[] = [];
  // Each sheet in view as its rows of cells, to find the lists of values behind drop-downs (`listSheets`).
  const inView: SheetCells[] = [];
  // Formulas with no saved value, read as empty: named in one note (`unsavedNote`).
  const unsavedFormulas: HiddenRow[] = [];
  // Numbers in a date column read as the dates they stand for: named in one note (`serialDatesNote`).
  const readSerials: SerialCell[] = [];
  wb.eachSheet((sheet) => {
    // A hidden sheet (lookup lists, workings) is not part of the plan a person reads: kept apart, read
    // only if no sheet in view holds the plan (index.ts).
    const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
    if (hidden) hiddenSheets.push(sheet.name);
    const items = hidden ? hiddenItems : shown;
    let opening = true;
    // Rows grouped with Excel's outline (Group rows) say how deep each sits: kept only where a sheet has them.
    const outlined = sheetHasOutline(sheet);
    const read: SheetCells = { name: sheet.name, rows: [], dated: false };
    // Whole numbers in General cells that could be dates, and the sheet's rows near its top, for `serialDates`.
    const serials: SerialCell[] = [];
    const topRows: { row: number; cells: string[] }[] = [];
    if (!hidden) inView.push(read);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // A row hidden by hand (a withdrawn action, workings) is not part of the plan Excel shows: left
      // out as hidden columns are, and named in a note. A row of a collapsed group is hidden too, but
      // Excel shows it behind the group's "+": still the plan's (build/outline-rows.ts).
      if (row.hidden && !(outlined && (row.outlineLevel ?? 0) > 0)) {
        const text = shownText(row, sheet);
        if (text) (hidden ? hiddenSheetRows : hiddenRows).push({ sheet: sheet.name, row: rowNumber, text });
        return;
      }
      const cells: string[] = [];
      const fills: (string | undefined)[] = [];
      const down = { cells: [] as string[], fills: [] as (string | undefined)[] };
      const aggregates: number[] = [];
      const struck: number[] = [];
      const rowSerials: { col: number; serial: number }[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        down.cells.push('');
        down.fills.push(undefined);
        // A hidden column (a worked-out "Days to target") likewise: it is left out, and its place kept.
        if (sheet.getColumn(c).hidden) {
          cells.push('');
          fills.push(undefined);
          continue;
        }
        const cell = row.getCell(c);
        // A merged cell's text is its top-left cell's; the others read empty, as Excel shows them. A
        // merge down a column is noted apart, for the rules that know which columns it may repeat in.
        const covered = cell.isMerged && cell.master !== cell;
        if (covered && cell.master.col === cell.col) {
          down.cells[c - 1] = cellText(cell.master).text;
          down.fills[c - 1] = fillOf(cell.master, theme);
        }
        const { text, unsaved } = covered ? { text: '' } : cellText(cell);
        if (!covered && isDateCell(cell)) read.dated = true;
        const serial = covered ? undefined : dateSerial(cell);
        if (serial !== undefined) rowSerials.push({ col: c - 1, serial });
        fills.push(covered ? undefined : fillOf(cell, theme));
        const where = `sheet "${sheet.name}", row ${rowNumber}, column ${c}`;
        if (looksLikeFormula(text)) formulaCells.push({ text, where });
        if (unsaved && !hidden)
          unsavedFormulas.push({ sheet: sheet.name, row: rowNumber, text: columnName(c) });
        cells.push(text);
        if (!covered && text.trim() && aggregatesRows(cell)) aggregates.push(c - 1);
        if (!covered && text.trim() && isStruck(cell)) struck.push(c - 1);
      }
      const filled = cells.filter((c) => c.trim() !== '');
      if (filled.length) read.rows.push(cells);
      // A sheet's opening rows of one cell (a title merged across the top, a note) are its paragraphs.
      const sheetRow = { sheet: sheet.name, row: rowNumber };
      if (filled.length === 1 && opening)
        items.push({ type: 'para', text: filled[0]!, line: ++line, sheetRow });
      else if (filled.length) {
        opening = false;
        const colours = fills.some(Boolean) && { fills };
        const mergedDown = (down.cells.some((c) => c.trim() !== '') || down.fills.some(Boolean)) && {
          mergedDown: down,
        };
        const outline = outlined && { outline: row.outlineLevel ?? 0 };
        const totals = aggregates.length > 0 && { aggregates };
        const struckThrough = struck.length > 0 && { struck };
        if (topRows.length < 50) topRows.push({ row: rowNumber, cells });
        for (const { col, serial } of rowSerials)
          serials.push({ sheet: sheet.name, row: rowNumber, cells, col, serial });
        items.push({
          type: 'row',
          cells,
          ...colours,
          table,
          line: ++line,
          sheetRow,
          ...outline,
          ...mergedDown,
          ...totals,
          ...struckThrough,
        });
      }
    });
    if (!hidden) readSerials.push(...serialDates(topRows, serials));
    table++;
  });
  const rowsNote = hiddenRowsNote(hiddenRows);
  const sheetRowsNote = hiddenRowsNote(hiddenSheetRows);
  const lists = listSheets(inView, validatedSheets(wb));
  const listed = new Set(lists.map((l) => l.name));
  const inList = (where: string) => lists.some((l) => where.startsWith(`sheet "${l.name}",`));
  const unsavedNote = unsavedFormulasNote(unsavedFormulas.filter((u) => !listed.has(u.sheet)));
  const serialNote = serialDatesNote(readSerials.filter((d) => !listed.has(d.sheet)));
  const warnings = [rowsNote, unsavedNote, serialNote, listsNote(lists)].filter(
    (w): w is ImportWarning => !!w,
  );
  return {
    format: 'xlsx',
    items: listed.size
      ? shown.filter((i) => !('sheetRow' in i && i.sheetRow && listed.has(i.sheetRow.sheet)))
      : shown,
    formulaCells: listed.size ? formulaCells.filter((f) => !inList(f.where)) : formulaCells,
    ...(warnings.length && { warnings }),
    ...(hiddenSheets.length && {
      hidden: {
        items: hiddenItems,
        sheets: hiddenSheets,
        ...(sheetRowsNote && { warnings: [sheetRowsNote] }),
      },
    }),
  };
}

/** A whole number in a General cell, as a date pasted as its number (46295) is. */
interface SerialCell {
  sheet: string;
  row: number;
  /** The row's cells as read: the number's is rewritten as a date when its column is a date column. */
  cells: string[];
  col: number;
  serial: number;
}

/** Excel's day numbers for 1 January 2000 and 31 December 2060: a plan's dates fall between them. */
const SERIALS = { from: 36526, to: 58439 };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A whole number in a cell formatted General (Excel shows it as a number), in the range of a plan's dates. */
function dateSerial(cell: ExcelJS.Cell): number | undefined {
  const v = cell.value;
  const general = !cell.numFmt || /^general$/i.test(cell.numFmt);
  if (typeof v !== 'number' || !general || !Number.isInteger(v)) return undefined;
  return v >= SERIALS.from && v <= SERIALS.to ? v : undefined;
}

/**
 * A date pasted as its number into a General cell shows as "46295" in Excel, but under a header naming a
 * date (Deadline, Target date, Start date) it can only be the date it stands for: read so (30/09/2026),
 * and named in a note. Anywhere else the number stays as Excel shows it.
 */
function serialDates(top: { row: number; cells: string[] }[], serials: SerialCell[]): SerialCell[] {
  if (serials.length === 0) return [];
  // Each date column, from the first header row naming it.
  const dateColumns = new Map<number, number>();
  for (const { row, cells } of top) {
    if (cells.filter((c) => c.trim()).length < 2) continue;
    for (const col of readHeaderRow(cells, undefined, undefined)?.columns ?? [])
      if ((col.field === 'due' || col.field === 'start') && !dateColumns.has(col.index))
        dateColumns.set(col.index, row);
  }
  const read: SerialCell[] = [];
  for (const s of serials) {
    const header = dateColumns.get(s.col);
    if (header === undefined || s.row <= header) continue;
    s.cells[s.col] = new Date(EXCEL_EPOCH + s.serial * 86_400_000).toISOString().slice(0, 10);
    read.push(s);
  }
  return read;
}

/** One note naming the numbers read as dates, so that a person can check them. */
function serialDatesNote(cells: SerialCell[]): ImportWarning | undefined {
  if (cells.length === 0) return undefined;
  const uk = (iso: string) => iso.split('-').reverse().join('/');
  const named = cells
    .slice(0, NAMED_ROWS)
    .map(
      (c) =>
        `${c.serial} as ${uk(c.cells[c.col]!)} (sheet "${c.sheet}", cell ${columnName(c.col + 1)}${c.row})`,
    );
  const more = cells.length > NAMED_ROWS ? ` and ${cells.length - NAMED_ROWS} more` : '';
  const one = cells.length === 1;
  return {
    code: 'date-from-number',
    message:
      `${one ? 'A number' : `${cells.length} numbers`} in a date column ${one ? 'was' : 'were'} read as the ` +
      `${one ? 'date it stands' : 'dates they stand'} for in Excel, though ${one ? 'its cell is' : 'their cells are'} ` +
      `not formatted as a date: ${named.join(', ')}${more}. Check ${one ? 'it' : 'them'} after importing.`,
    where: 'plan',
  };
}

/** A column's letters as Excel names it: 1 → "A", 28 → "AB". */
function columnName(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/**
 * One note naming the formulas read as empty, as they had no saved value: Excel shows their results
 * once it has calculated them, and the importer never runs a formula.
 */
function unsavedFormulasNote(cells: HiddenRow[]): ImportWarning | undefined {
  if (cells.length === 0) return undefined;
  const bySheet = new Map<string, string[]>();
  for (const c of cells.slice(0, NAMED_ROWS))
    bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), `${c.text}${c.row}`]);
  const named = [...bySheet].map(
    ([sheet, at]) => `sheet "${sheet}", ${at.length === 1 ? 'cell' : 'cells'} ${at.join(', ')}`,
  );
  const more = cells.length > NAMED_ROWS ? ` and ${cells.length - NAMED_ROWS} more` : '';
  const one = cells.length === 1;
  return {
    code: 'formula-no-result',
    message:
      `${one ? 'A formula has' : `${cells.length} formulas have`} no result saved in the workbook (it was saved ` +
      `without being calculated), so ${one ? 'its cell was' : 'their cells were'} read as empty: ${named.join('; ')}${more}. ` +
      'To keep what they show, open the file in Excel, save it and import it again.',
    where: 'plan',
  };
}

interface HiddenRow {
  sheet: string;
  row: number;
  text: string;
}

/** A hidden row's text as its cells in view would show it, to name it in a note. */
function shownText(row: ExcelJS.Row, sheet: ExcelJS.Worksheet): string {
  const cells: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    if (sheet.getColumn(c).hidden) continue;
    const cell = row.getCell(c);
    if (cell.isMerged && cell.master !== cell) continue;
    const text = cellText(cell).text.replace(/\s+/g, ' ').trim();
    if (text) cells.push(text);
  }
  return cells.join(' | ');
}

/** How many hidden rows a note names one by one; the rest are counted. */
const NAMED_ROWS = 10;

/**
 * One note naming the rows left out, so that nothing is lost silently: a row hidden to withdraw an
 * action is meant to stay out, but a row hidden by a filter someone left on is the plan's.
 */
function hiddenRowsNote(rows: HiddenRow[]): ImportWarning | undefined {
  if (rows.length === 0) return undefined;
  const bySheet = new Map<string, HiddenRow[]>();
  for (const r of rows.slice(0, NAMED_ROWS)) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  const named = [...bySheet]
    .map(
      ([sheet, rs]) => `sheet "${sheet}", ${rs.map((r) => `row ${r.row} ("${excerpt(r.text)}")`).join(', ')}`,
    )
    .join('; ');
  const more = rows.length > NAMED_ROWS ? ` and ${rows.length - NAMED_ROWS} more` : '';
  return {
    code: 'hidden-rows-left-out',
    message:
      `${rows.length === 1 ? 'A hidden row was' : `${rows.length} hidden rows were`} left out, as Excel does not show ` +
      `${rows.length === 1 ? 'it' : 'them'}: ${named}${more}. If ${rows.length === 1 ? 'it belongs' : 'they belong'} ` +
      'in the plan (hidden by a filter, say), show them in Excel and import the file again.',
    where: 'plan',
  };
}
