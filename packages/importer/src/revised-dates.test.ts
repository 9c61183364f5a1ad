import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * An audit tracker or exception report keeps the date first agreed beside the date it moved to
 * ("Original target date | Revised target date"): the revised date is the deadline where the row has one,
 * the first date kept under its name; a row never moved keeps its first date.
 */
describe('original and revised target dates', () => {
  it('takes the revised date as the deadline and keeps the original', async () => {
    const buf = readFileSync(new URL('../test/fixtures/revised-dates.csv', import.meta.url));
    const plan = await parsePlanFile(buf, { filename: 'revised-dates.csv', planStart: '2026-04-01' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.ref)).toEqual(['HR1', 'HR2', 'HR3']);
    expect(actions.map((a) => a.due?.due)).toEqual(['2026-11-30', '2026-09-30', '2027-01-31']);
    expect(actions.map((a) => a.due?.text)).toEqual(['30/11/2026', '30/09/2026', '31/01/2027']);
    expect(actions[0]!.extra).toContainEqual({ label: 'Original target date', text: '30/06/2026' });
    expect(actions[2]!.extra).toContainEqual({ label: 'Original target date', text: '31/08/2026' });
    expect((actions[1]!.extra ?? []).some((e) => e.label === 'Original target date')).toBe(false);
  });

  it('reads "Target date" merged over "Original | Revised" as the same two dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tracker');
    ws.addRow(['Ref', 'Action', 'Lead', 'Target date', '', 'Status']);
    ws.addRow(['', '', '', 'Original', 'Revised', '']);
    ws.mergeCells('D1:E1');
    for (const col of ['A', 'B', 'C', 'F']) ws.mergeCells(`${col}1:${col}2`);
    ws.addRow(['1', 'Refresh the induction programme', 'OD Manager', '31/07/2026', '30/09/2026', 'On track']);
    ws.addRow(['2', 'Publish the pay policy', 'Reward Manager', '31/08/2026', '', 'On track']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const plan = await parsePlanFile(buf, { filename: 'tracker.xlsx', planStart: '2026-04-01' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.due?.due)).toEqual(['2026-09-30', '2026-08-31']);
    expect(actions[0]!.extra).toContainEqual({ label: 'Original Target date', text: '31/07/2026' });
  });
});
