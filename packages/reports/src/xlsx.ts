import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportColumn, type ExportRow } from './rows.js';
import { xmlSafe } from './text.js';

const asUtcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * XLSX of actions and milestones. Every text cell is written as a plain string value (exceljs only
 * writes a formula for a `{ formula }` object), so `=HYPERLINK(...)` in a narrative stays text.
 * Parsed dates are real date cells so that a council can sort and filter on them.
 */
export async function renderXlsx(
  rows: readonly ExportRow[],
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
  sheetName = 'Actions and milestones',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PeoplePlan';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.date && { style: { numFmt: 'dd/mm/yyyy' } }),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const values: Record<string, string | Date | null> = {};
    for (const c of columns) {
      const v = r[c.key];
      // XML reads a bare CR as LF anyway: write LF so what is stored is what is read.
      values[c.key] = c.date ? (v ? asUtcDate(v) : null) : xmlSafe(v).replace(/\r\n?/g, '\n');
    }
    const added = ws.addRow(values);
    added.alignment = { vertical: 'top', wrapText: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
