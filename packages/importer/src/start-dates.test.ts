import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { toEntities } from './to-entities.js';

/**
 * A start column holding a month ("June 2026", or a date Excel shows as "Jun-26"): the action starts on
 * the month's first day, as a deadline written so is due on its last.
 */

const ctx = {
  councilId: 'kent',
  importId: '01JD0000000000000000000000',
  actor: { sub: 'u', name: 'Editor' },
  now: '2026-11-23T10:00:00.000Z',
  people: [],
};

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.addRow(['Ref', 'Action', 'Lead', 'Start', 'Deadline']);
  const rows: [string, string, Date | string, string, Date | string][] = [
    [
      '1',
      'Establish a talent pool',
      new Date(Date.UTC(2026, 5, 1)),
      'mmm-yy',
      new Date(Date.UTC(2027, 2, 1)),
    ],
    ['2', 'Launch a returners programme', 'June 2026', '', 'March 2027'],
    ['3', 'Review honoraria', new Date(Date.UTC(2026, 4, 1)), 'dd/mm/yyyy', '31/10/2026'],
    ['4', 'Run the staff survey', 'Q3 2026/27', '', 'March 2027'],
  ];
  for (const [ref, title, start, format, due] of rows) {
    const row = ws.addRow([ref, title, 'Head of HR', start, due]);
    if (format) row.getCell(4).numFmt = format;
    if (due instanceof Date) row.getCell(5).numFmt = 'mmm-yy';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a start written as a month', () => {
  it('starts on the month’s first day, in the preview and in the plan saved', async () => {
    const plan = await parsePlanFile(await workbook(), { filename: 'plan.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.start?.text, a.start?.start, a.due?.due])).toEqual([
      ['1', 'June 2026', '2026-06-01', '2027-03-31'],
      ['2', 'June 2026', '2026-06-01', '2027-03-31'],
      ['3', '2026-05-01', undefined, '2026-10-31'],
      ['4', 'Q3 2026/27', '2026-10-01', '2027-03-31'],
    ]);
    const saved = toEntities(plan, ctx).actions;
    expect(saved.map((a) => a.start?.start ?? a.start?.due)).toEqual([
      '2026-06-01',
      '2026-06-01',
      '2026-05-01',
      '2026-10-01',
    ]);
  });

  it('reads so from text and CSV as well', async () => {
    const csv = [
      'Action,Lead,Start,Deadline',
      'Refresh the appraisal scheme,OD Manager,Sept 2026,Mar 2027',
    ].join('\n');
    const plan = await parsePlanFile(csv, { filename: 'plan.csv' });
    const [a] = plan.themes.flatMap((t) => t.actions);
    expect(a?.start).toMatchObject({ text: 'Sept 2026', start: '2026-09-01', due: '2026-09-30' });
    expect(a?.due).toMatchObject({ text: 'Mar 2027', due: '2027-03-31' });
    expect(a?.due?.start).toBeUndefined();
  });
});
