import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { renderCsv } from './csv.js';
import { renderReportModel } from './render-model.js';
import { EXPORT_COLUMNS, type ExportRow, exportRows } from './rows.js';
import { summarise } from './summarise.js';
import { renderXlsx } from './xlsx.js';

const { data } = kentBusinessPlan();
const rows = exportRows(summarise(data));
const lf = (s: string) => s.replace(/\r\n?/g, '\n');
const dangerous = ['=1+2', '+44 20 7946 0000', '-2+3', '@SUM(A1:A2)', '\tTabbed', '\rReturn'];
const withDanger: ExportRow[] = [
  ...rows,
  ...dangerous.map((title, i) => ({ ...rows[1]!, ref: `X${i}`, title })),
];

describe('exportRows', () => {
  it('has one row per action and per milestone, with dates as written and parsed', () => {
    expect(rows).toHaveLength(data.actions.length + data.milestones.length);
    expect(rows.filter((r) => r.type === 'Milestone').map((r) => r.ref)).toEqual(['A', 'C', 'E', 'C']);
    const r21 = rows.find((r) => r.ref === '2.1')!;
    expect(r21).toMatchObject({
      plan: 'Divisional Business Plan 2013-14',
      theme: 'Priority 1: Prevention',
      type: 'Action',
      relatedActions: '2',
      leads: 'Accountable officer: Jackie Turner-Robinson',
      startWritten: 'April 2013',
      startParsed: '2013-04-30',
      dueWritten: 'March 2014',
      dueParsed: '2014-03-31',
      status: 'Off track',
      rag: 'Red',
      latestUpdateDate: '2013-09-20',
    });
    const e = rows.find((r) => r.type === 'Milestone' && r.ref === 'E')!;
    expect(e).toMatchObject({ relatedActions: '3.1', baselineDue: '2013-05-31', dueParsed: '2013-10-31' });
  });
});

describe('renderCsv', () => {
  const csv = renderCsv(withDanger);
  const parsed: string[][] = parseCsv(csv, { bom: true, relax_column_count: false });

  it('writes a header and every row', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(parsed[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(parsed).toHaveLength(withDanger.length + 1);
    const titles = parsed.slice(1).map((r) => r[EXPORT_COLUMNS.findIndex((c) => c.key === 'title')]);
    expect(titles.slice(0, rows.length)).toEqual(rows.map((r) => r.title));
  });

  it('prefixes formula-like cells with an apostrophe', () => {
    const byRef = new Map(parsed.slice(1).map((r) => [r[2], r]));
    dangerous.forEach((d, i) => {
      expect(byRef.get(`X${i}`)![4]).toBe(`'${d}`);
    });
    const narrative = parsed.find((r) => r[2] === '3.1')![16]!;
    expect(narrative.startsWith(`'=HYPERLINK(`)).toBe(true);
    // A control character in front does not hide a formula from the escaping: it is removed first.
    const hidden = parseCsv(renderCsv([{ ...rows[0]!, ref: 'NUL', title: '\u0000=1+1' }]), { bom: true });
    expect(hidden[1]![4]).toBe("'=1+1");
    // Ordinary text is untouched.
    expect(parsed.find((r) => r[2] === '2.1')![4]).toBe(
      "HRBC support to Children's Social Worker recruitment campaign",
    );
  });
});

describe('renderXlsx', () => {
  let buffer: Buffer;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    buffer = await renderXlsx(withDanger);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    sheet = wb.worksheets[0]!;
  });

  it('reads back to the same rows, dates as dates', () => {
    expect(sheet.name).toBe('Actions and milestones');
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(withDanger.length + 1);
    withDanger.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      EXPORT_COLUMNS.forEach((c, j) => {
        const v = row.getCell(j + 1).value;
        if (c.date) expect(v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? '')).toBe(r[c.key]);
        else expect(v ?? '').toBe(lf(r[c.key]));
      });
    });
  });

  it('writes formula-like text as plain strings, never formulas', async () => {
    const titleCol = EXPORT_COLUMNS.findIndex((c) => c.key === 'title') + 1;
    for (let i = 0; i < dangerous.length; i++) {
      const cell = sheet.getRow(rows.length + 2 + i).getCell(titleCol);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(lf(dangerous[i]!));
      expect(cell.formula).toBeUndefined();
    }
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/<f[ >]/);
  });
});

describe('the group column of a report’s CSV and Excel', () => {
  const headersOf = async (themeNoun?: string) => {
    const model = summarise({ ...data, plan: { ...data.plan, ...(themeNoun ? { themeNoun } : {}) } });
    const csv = String((await renderReportModel(model, 'csv')).body);
    const wb = new ExcelJS.Workbook();
    const xlsx = (await renderReportModel(model, 'xlsx')).body as Buffer;
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const theme = EXPORT_COLUMNS.findIndex((c) => c.key === 'theme');
    return {
      csv: (parseCsv(csv, { bom: true }) as string[][])[0]![theme],
      xlsx: wb.worksheets[0]!.getRow(1).getCell(theme + 1).value,
      cell: exportRows(model)[0]!.theme,
    };
  };

  it('is headed by the plan’s word for its groups, as its cells are', async () => {
    expect(await headersOf()).toEqual({ csv: 'Priority', xlsx: 'Priority', cell: 'Priority 1: Prevention' });
    expect(await headersOf('objective')).toEqual({
      csv: 'Objective',
      xlsx: 'Objective',
      cell: 'Objective 1: Prevention',
    });
  });
});

describe('an item added after an ended period, in the CSV and Excel exports', () => {
  it('keeps its title as it is and gives the day it was added in a column of its own', async () => {
    const { data: late } = kentBusinessPlan('mid-year', '2013-12-06');
    const added = late.actions.find((a) => a.ref === '4.1')!;
    added.createdAt = '2013-12-06T10:00:00.000Z';
    const model = summarise(late);
    const column = EXPORT_COLUMNS.findIndex((c) => c.key === 'addedAfterPeriod');
    const title = EXPORT_COLUMNS.findIndex((c) => c.key === 'title');
    expect(EXPORT_COLUMNS[column]).toMatchObject({ header: 'Added after the period', date: true });

    const csv = parseCsv(String((await renderReportModel(model, 'csv')).body), { bom: true }) as string[][];
    const line = csv.find((r) => r[2] === '4.1')!;
    expect(line[title]).toBe(added.title);
    expect(line[column]).toBe('2013-12-06');
    expect(csv.find((r) => r[2] === '4')![column]).toBe('');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportModel(model, 'xlsx')).body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rowOf = sheet.getColumn(3).values.indexOf('4.1');
    expect(sheet.getRow(rowOf).getCell(title + 1).value).toBe(added.title);
    expect(sheet.getRow(rowOf).getCell(column + 1).value).toEqual(new Date('2013-12-06T00:00:00Z'));
  });
});
