import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Workbooks that give each group a sheet of its own, each under the same banner, beside a cover sheet
 * and a key sheet: every sheet's lines are its own.
 */

const HEADER = ['Ref', 'What we will do', 'Lead officer', 'Target date', 'RAG'];
const GROUPS: Array<[string, string[][]]> = [
  [
    'Recruitment & Retention',
    [
      ['RR1', 'Launch a refreshed employer brand', 'Head of HR', 'Q3 2026/27', 'G'],
      ['RR2', 'Introduce market supplements for Planning posts', 'HR Business Partner', 'March 2027', 'A'],
    ],
  ],
  [
    'Health & Wellbeing',
    [['HW1', 'Train 40 Mental Health First Aiders', 'Wellbeing Lead', 'March 2027', 'G']],
  ],
  ['EDI', [['ED1', 'Publish the pay gap reports', 'Assistant Director People', '31 March 2027', 'C']]],
];
const BANNER = 'Workforce Strategy Delivery Plan 2026–2029';
const blue = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0070C0' } } as const;

/** Cover and Key sheets, then a sheet per group: the banner, the sheet's own `lines`, its table. */
async function workbook(lines: (name: string) => string[], extra?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('Cover');
  cover.addRow(['Harrowdale Borough Council']);
  cover.addRow([BANNER]);
  cover.addRow([]);
  cover.addRow(['Document owner', 'Assistant Director People']);
  cover.addRow(['Approved by', 'Corporate Management Team, 14 May 2026']);
  cover.addRow(['Period covered', 'April 2026 to March 2029']);
  cover.addRow(['Version', '1.3 (final)']);
  cover.addRow([]);
  cover.addRow([
    'This plan sets out how we will deliver our four priorities. Each priority has its own tab.',
  ]);
  const key = wb.addWorksheet('Key');
  key.addRow(['RAG key']);
  const colours = ['FFFF0000', 'FFFFC000', 'FF00B050', 'FF0070C0'];
  for (const [n, [code, meaning]] of [
    ['R', 'Off track – action needed by CMT'],
    ['A', 'Some slippage – being managed'],
    ['G', 'On track'],
    ['C', 'Complete'],
  ].entries()) {
    const row = key.addRow([code, meaning]);
    row.getCell(1).fill = { ...blue, fgColor: { argb: colours[n]! } };
  }
  key.addRow([]);
  key.addRow(['Abbreviations']);
  key.addRow(['CMT', 'Corporate Management Team']);
  key.addRow(['OD', 'Organisational Development']);
  for (const [name, rows] of GROUPS) {
    const ws = wb.addWorksheet(name);
    ws.addRow([BANNER]);
    for (const l of lines(name)) ws.addRow([l]);
    ws.addRow([]);
    ws.addRow(HEADER);
    for (const r of rows) ws.addRow(r);
  }
  extra?.(wb);
  return parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
}

const codes = (plan: Awaited<ReturnType<typeof parsePlanFile>>) => plan.warnings.map((w) => w.code);

describe('a workbook of a sheet per group, under one banner', () => {
  it('reads the banner once, as the title, never as a note on the last action of the sheet before', async () => {
    const plan = await workbook((name) => [`Priority: ${name}`]);
    expect(plan.title).toBe(BANNER);
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.unplaced)).toEqual([[], [], [], []]);
    expect(plan.unplaced).toEqual([]);
    expect(codes(plan)).not.toContain('orphan-text');
    expect(codes(plan)).not.toContain('unplaced-text');
    expect(plan.warnings).toEqual([]);
  });

  it('names each group by its heading without the label they share, and keeps the label as the plan’s word', async () => {
    const plan = await workbook((name) => [`Priority: ${name}`]);
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.ref)])).toEqual([
      ['Recruitment & Retention', ['RR1', 'RR2']],
      ['Health & Wellbeing', ['HW1']],
      ['EDI', ['ED1']],
    ]);
    expect(plan.themeNoun).toBe('Priority');
  });

  it('takes a sheet’s sentence under its heading as the group’s description', async () => {
    const plan = await workbook((name) => [name, `What we will do for ${name.toLowerCase()} this year.`]);
    expect(plan.themes.map((t) => [t.title, t.description])).toEqual(
      GROUPS.map(([name]) => [name, `What we will do for ${name.toLowerCase()} this year.`]),
    );
    expect(codes(plan)).not.toContain('orphan-text');
  });

  it('names a group by its sheet when the lines at its top are no heading', async () => {
    const plan = await workbook(() => ['Updated quarterly by the lead officers.']);
    expect(plan.themes.map((t) => [t.title, t.description])).toEqual(
      GROUPS.map(([name]) => [name, 'Updated quarterly by the lead officers.']),
    );
  });

  it('keeps a sheet of notes after the plan’s sheets as a section of its name', async () => {
    const plan = await workbook(
      (name) => [`Priority: ${name}`],
      (wb) => {
        const notes = wb.addWorksheet('Notes');
        notes.addRow(['Progress is reported to Employment Committee quarterly.']);
        notes.addRow(['Leads update their actions by the 10th of each month.']);
      },
    );
    expect(plan.sections.find((s) => s.title === 'Notes')?.body).toBe(
      'Progress is reported to Employment Committee quarterly.\nLeads update their actions by the 10th of each month.',
    );
    expect(plan.themes.at(-1)!.actions.at(-1)!.unplaced).toEqual([]);
    expect(codes(plan)).not.toContain('orphan-text');
  });

  it('names a sheet’s table of no known header by the sheet, not by its first cell', async () => {
    const plan = await workbook(
      (name) => [`Priority: ${name}`],
      (wb) => {
        const governance = wb.addWorksheet('Governance');
        governance.addRow(['Group', 'Chair', 'Meets']);
        governance.addRow(['People Board', 'Chief Executive', 'Monthly']);
        governance.addRow(['Employment Committee', 'Cllr Ahmed', 'Quarterly']);
      },
    );
    expect(plan.sections.map((s) => s.title)).toContain('Governance');
    expect(plan.sections.find((s) => s.title === 'Governance')?.body).toBe(
      'Group | Chair | Meets\nPeople Board | Chief Executive | Monthly\nEmployment Committee | Cllr Ahmed | Quarterly',
    );
    expect(plan.sections.map((s) => s.title)).not.toContain('Table: Group');
    expect(plan.themes.flatMap((t) => t.actions)).toHaveLength(4);
  });
});

describe('a workbook’s cover and key sheets', () => {
  it('reads the cover’s details, a sentence under them too, and the plan’s owner', async () => {
    const plan = await workbook((name) => [`Priority: ${name}`]);
    expect(plan.ownerLabel).toBe('Assistant Director People');
    expect(plan.period?.label).toBe('2026–2029');
    const cover = plan.sections.find((s) => s.key === 'cover')?.body ?? '';
    expect(cover).toContain('Approved by: Corporate Management Team, 14 May 2026');
    expect(cover).toContain('Each priority has its own tab.');
    expect(codes(plan)).not.toContain('unrecognised-table');
  });

  it('keeps the whole RAG key, its blue “C” too, and the abbreviations under it as their own section', async () => {
    const plan = await workbook((name) => [`Priority: ${name}`]);
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
      [
        'Red – Off track – action needed by CMT',
        'Amber – Some slippage – being managed',
        'Green – On track',
        'Blue (C) – Complete',
      ].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'Abbreviations')?.body).toBe(
      'CMT | Corporate Management Team\nOD | Organisational Development',
    );
    expect(plan.themes[2]!.actions[0]!.status).toBe('completed');
  });
});
