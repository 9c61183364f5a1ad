/**
 * The lists of values behind a workbook's drop-downs (a "Lookups" sheet): found so that they are left
 * out of the plan, never read as actions (docs/architecture.md, the importer's rules).
 */
import type ExcelJS from 'exceljs';
import { readHeaderRow } from '../header-mapping.js';
import type { ImportWarning } from '../parsed-plan.js';

/** A sheet in view as its filled rows read, and whether any of its cells holds a date. */
export interface SheetCells {
  name: string;
  rows: string[][];
  dated: boolean;
}

/** A cell holding a date, as a value or as a formula's saved result. */
export function isDateCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  if (v instanceof Date) return true;
  return !!v && typeof v === 'object' && 'result' in v && (v as { result: unknown }).result instanceof Date;
}

/**
 * The sheets a drop-down's list is drawn from: a list validation's source ("Lookups!$A$2:$A$6"), or a
 * named range ("=StatusList") and the sheet it names.
 */
export function validatedSheets(wb: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  const sheetOf = (ref: string) => /^=?\s*(?:'((?:[^']|'')+)'|([^!'=]+))!/.exec(ref.trim());
  const add = (ref: string) => {
    const m = sheetOf(ref);
    if (m) out.add((m[1]?.replace(/''/g, "'") ?? m[2]!).trim());
    else {
      const name = ref.trim().replace(/^=/, '');
      if (!/^[A-Za-z_][\w.]*$/.test(name)) return;
      try {
        for (const r of wb.definedNames.getRanges(name).ranges) add(r);
      } catch {
        // A name the workbook does not define: no sheet.
      }
    }
  };
  wb.eachSheet((sheet) => {
    const model = (sheet as unknown as { dataValidations?: { model?: Record<string, unknown> } })
      .dataValidations?.model;
    for (const v of Object.values(model ?? {})) {
      const dv = v as { type?: string; formulae?: unknown[] } | undefined;
      const source = dv?.type === 'list' ? dv.formulae?.[0] : undefined;
      if (typeof source === 'string' && !source.startsWith('"')) add(source);
    }
  });
  return out;
}

/** A sheet named for lists of values: "Lookups", "Lists", "Drop-downs", "Data validation", "Reference data". */
const LIST_SHEET_NAME =
  /^(?:look\s*-?\s*ups?|lookup (?:lists?|values|tables?)|lists?|(?:drop\s*-?\s*down|pick\s*-?\s*list|validation)(?: lists?| values)?s?|data\s*validation|valid(?:ation)? values|reference data|ref data|options|values|settings)$/i;
/** A date as text: "October 2026", "31/03/2027", "Q3 2026/27". */
const DATE_TEXT =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bq[1-4]\s+(?:19|20)\d{2}/i;
/** A value of a drop-down's list: a few words ("In progress", "Head of HR"), never a sentence. */
const listValue = (v: string) => v.length <= 50 && v.split(/\s+/).length <= 6 && !DATE_TEXT.test(v);
/** Fields a drop-down picks from: a status or rating, who leads, a group. Never an action's own words. */
const PICKED = (field: string) =>
  field === 'ignore' ||
  field === 'status' ||
  field === 'group' ||
  field === 'owner' ||
  field.startsWith('lead:');

/**
 * The sheets in view that hold the lists a plan's drop-downs pick from ("Status | RAG | Officer |
 * Directorate", each column a list of its own), not actions: their header names columns a plan has, but
 * none that says what is done, each column's values are a few words each and none twice, and none is a
 * date. Left out only beside a sheet that holds the plan's table, and only when something else says it
 * is such a list: a drop-down draws on it, its name says so ("Lookups", "Lists"), or a column's values are
 * most of them the plan's own (its statuses, its officers).
 */
export function listSheets(
  sheets: SheetCells[],
  validated: Set<string>,
): { name: string; header: string[] }[] {
  const candidates: { sheet: SheetCells; header: string[]; columns: string[][] }[] = [];
  for (const sheet of sheets) {
    if (sheet.dated) continue;
    const at = sheet.rows.findIndex((r) => r.filter((c) => c.trim()).length >= 2);
    if (at < 0 || at > 2) continue;
    const header = sheet.rows[at]!;
    const mapping = readHeaderRow(header, undefined, undefined);
    if (!mapping?.columns.every((c) => PICKED(c.field))) continue;
    const body = sheet.rows.slice(at + 1);
    if (body.length < 2) continue;
    // Every value written under the header, in a column under it: nothing beside the lists.
    if (body.some((r) => r.some((c, i) => c.trim() !== '' && (header[i] ?? '').trim() === ''))) continue;
    const columns = header
      .map((_, i) => body.map((r) => (r[i] ?? '').trim()).filter((v) => v !== ''))
      .filter((vs) => vs.length > 0);
    const lists = columns.every(
      (vs) => vs.every(listValue) && new Set(vs.map((v) => v.toLowerCase())).size === vs.length,
    );
    if (lists) candidates.push({ sheet, header, columns });
  }
  if (candidates.length === 0) return [];
  // A sheet holding the plan: a header naming what is done (read near its top, where headers are).
  const plans = sheets.filter((s) =>
    s.rows.slice(0, 50).some((r) => {
      if (r.filter((c) => c.trim()).length < 2) return false;
      const h = readHeaderRow(r, undefined, undefined);
      return h?.kind === 'actions' && h.columns.some((c) => c.field === 'title');
    }),
  );
  const out: { name: string; header: string[] }[] = [];
  for (const { sheet, header, columns } of candidates) {
    if (!plans.some((p) => p !== sheet)) continue;
    const elsewhere = new Set(
      sheets
        .filter((s) => s !== sheet)
        .flatMap((s) => s.rows.flat())
        .map((c) => c.trim().toLowerCase()),
    );
    const shared = columns.some(
      (vs) => vs.length >= 2 && vs.filter((v) => elsewhere.has(v.toLowerCase())).length * 2 >= vs.length,
    );
    if (validated.has(sheet.name) || LIST_SHEET_NAME.test(sheet.name.trim()) || shared)
      out.push({ name: sheet.name, header: header.map((h) => h.trim()).filter(Boolean) });
  }
  return out;
}

/** One note naming the lists of values left out. */
export function listsNote(lists: { name: string; header: string[] }[]): ImportWarning | undefined {
  if (lists.length === 0) return undefined;
  const named = lists.map((l) => `"${l.name}" (${l.header.join(', ')})`).join('; ');
  const one = lists.length === 1;
  return {
    code: 'list-sheets-left-out',
    message:
      `${one ? 'A sheet of lists of values' : 'Sheets of lists of values'} (the kind a plan's drop-downs pick from, ` +
      `not actions) ${one ? 'was' : 'were'} left out: ${named}.`,
    where: 'plan',
  };
}
