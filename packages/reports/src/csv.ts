import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, type ExportColumn, type ExportRow } from './rows.js';

/** Control characters (not tab or line breaks) go: "\0=1+1" must not hide its "=" from the escaping. */
const printable = (v: unknown) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '') : v;

/**
 * CSV of actions and milestones. Formula-injection safe: csv-stringify's `escape_formulas` prefixes
 * `'` to any cell starting with `=`, `+`, `-`, `@`, tab or CR (and their full-width forms), so a
 * spreadsheet shows the text rather than running it. A UTF-8 BOM makes Excel read `–` and `£` right.
 */
export function renderCsv(
  rows: readonly ExportRow[],
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
): string {
  return stringify(
    rows.map((r) => columns.map((c) => printable(r[c.key]))),
    {
      header: true,
      columns: columns.map((c) => c.header),
      escape_formulas: true,
      bom: true,
      record_delimiter: 'windows',
    },
  );
}
