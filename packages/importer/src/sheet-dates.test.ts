import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

describe('a workbook’s dates, as precise as the sheet shows them', () => {
  it('reads a date formatted without its day ("Sep-26") as that month, a full date as the day', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Ref', 'Action', 'Lead', 'Deadline']);
    const rows: Array<[string, string, string, Date, string]> = [
      ['1', 'Create a careers site', 'Head of HR', new Date(Date.UTC(2026, 8, 1)), 'mmm-yy'],
      ['2', 'Refresh the appraisal scheme', 'OD Lead', new Date(Date.UTC(2026, 6, 1)), 'mmmm yyyy'],
      ['3', 'Publish the pay gap report', 'Reward Lead', new Date(Date.UTC(2027, 2, 15)), 'dd/mm/yyyy'],
    ];
    for (const [ref, action, lead, date, fmt] of rows)
      ws.addRow([ref, action, lead, date]).getCell(4).numFmt = fmt;
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(
      plan.themes.flatMap((t) => t.actions).map((a) => [a.due?.text, a.due?.due, a.due?.precision]),
    ).toEqual([
      ['September 2026', '2026-09-30', 'month'],
      ['July 2026', '2026-07-31', 'month'],
      ['2027-03-15', '2027-03-15', 'day'],
    ]);
  });
});
