import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSeed, SEED } from '../test/helpers.js';
import { ImportError, type ParsedPlan, parsePlanFile } from './index.js';

/** Seed lines [from, to) as they are: tab-separated rows and paragraphs. */
const seedLines = (name: string, from: number, to: number) =>
  readSeed(name).toString('utf8').split('\n').slice(from, to);

/** What must come out the same whatever the container. */
const shape = (p: ParsedPlan) => ({
  kind: p.kind,
  themes: p.themes.map((t) => ({
    title: t.title,
    actions: t.actions.map((a) => ({
      ref: a.ref,
      title: a.title,
      outcome: a.outcome,
      currentPosition: a.currentPosition,
      leads: a.leads,
      due: a.due?.text,
      start: a.start?.text,
      milestones: a.milestones.map((m) => [m.ref, m.title, m.due.due]),
      subActions: a.subActions.map((s) => [s.ref, s.title, s.leads.map((l) => l.label), s.due?.text]),
    })),
  })),
  milestones: p.milestones.map((m) => [m.ref, m.title, m.actionRefs, m.due.text]),
});

/** A Word document with the same paragraphs and tables (consecutive rows form one table). */
async function docxFrom(lines: string[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    children.push(
      new Table({
        rows: rows.map(
          (r) =>
            new TableRow({
              children: Array.from(
                { length: width },
                (_, i) => new TableCell({ children: [new Paragraph(r[i]?.trim() ?? '')] }),
              ),
            }),
        ),
      }),
    );
    rows = [];
  };
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      children.push(new Paragraph(line));
    }
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function xlsxFrom(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const csvFrom = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n');

describe('the same rows in every container parse the same', () => {
  it('DOCX (Word tables, mammoth) matches the pasted text: peer review', async () => {
    const lines = seedLines(SEED.eastHerts, 0, 40);
    const fromText = await parsePlanFile(lines.join('\n'));
    const fromDocx = await parsePlanFile(await docxFrom(lines), { filename: 'plan.docx' });
    expect(fromDocx.format).toBe('docx');
    expect(fromText.themes.flatMap((t) => t.actions).length).toBeGreaterThan(15);
    expect(shape(fromDocx)).toEqual(shape(fromText));
  });

  it('DOCX matches the text: business plan priority with key milestones', async () => {
    const lines = seedLines(SEED.kent, 63, 88);
    const fromText = await parsePlanFile(lines.join('\n'));
    const fromDocx = await parsePlanFile(await docxFrom(lines));
    expect(fromText.milestones).toHaveLength(5);
    expect(shape(fromDocx)).toEqual(shape(fromText));
  });

  it('XLSX matches the text, and is found by content whatever its name', async () => {
    const lines = seedLines(SEED.kent, 63, 88).filter((l) => l.includes('\t'));
    const fromText = await parsePlanFile(lines.join('\n'));
    const xlsx = await xlsxFrom(lines.map((l) => l.split('\t')));
    const fromXlsx = await parsePlanFile(xlsx, { filename: 'plan.csv' });
    expect(fromXlsx.format).toBe('xlsx');
    expect(shape(fromXlsx)).toEqual(shape(fromText));
  });

  it('CSV (quoted cells) matches the text: people strategy', async () => {
    const lines = seedLines(SEED.harrow, 10, 22);
    const fromText = await parsePlanFile(lines.join('\n'));
    const csv = csvFrom(lines.filter((l) => l.includes('\t')).map((l) => l.split('\t')));
    const withTheme = `${csvCell(lines[0]!)}\r\n${csv}`;
    const fromCsv = await parsePlanFile(Buffer.from(withTheme), { filename: 'upload.txt' });
    expect(fromCsv.format).toBe('csv');
    expect(fromText.themes[0]!.actions.length).toBe(5);
    expect(shape(fromCsv)).toEqual(shape(fromText));
  });
});

describe('column mapping', () => {
  it('detects an IIP assessment from its headers and maps constraints and measures of success', async () => {
    const csv = csvFrom([
      [
        'Area',
        'Issue being faced',
        'Actions needed or planned',
        'Responsibility',
        'Timescales',
        'Constraints',
        'Measure of success',
      ],
      [
        '1',
        'Managers do not hold appraisals',
        'Train all managers',
        'Head of HR / L&D Team',
        'March 2014',
        'Budget',
        'All staff appraised',
      ],
      ['', '', 'Audit appraisal returns', 'HR Officer', 'Quarterly', '', ''],
      [
        '2',
        'Induction is patchy',
        'Corporate induction day',
        'L&D Team',
        'Ongoing',
        '',
        'Every starter inducted',
      ],
    ]);
    const plan = await parsePlanFile(csv, { filename: 'iip.csv' });
    expect(plan.kind).toBe('iip-assessment');
    // The area is the theme and carries its issue; each action needed is an action of its own.
    expect(plan.themes.map((t) => [t.ref, t.title, t.description])).toEqual([
      ['1', 'Managers do not hold appraisals', 'Managers do not hold appraisals'],
      ['2', 'Induction is patchy', 'Induction is patchy'],
    ]);
    expect(plan.themes.map((t) => t.actions.map((a) => [a.ref, a.title]))).toEqual([
      [
        ['1.1', 'Train all managers'],
        ['1.2', 'Audit appraisal returns'],
      ],
      [['2.1', 'Corporate induction day']],
    ]);
    const [a, b] = plan.themes[0]!.actions;
    expect(a).toMatchObject({
      constraints: 'Budget',
      measureOfSuccess: 'All staff appraised',
      due: { text: 'March 2014', due: '2014-03-31' },
      leads: [
        { role: 'responsible', label: 'Head of HR' },
        { role: 'responsible', label: 'L&D Team' },
      ],
      subActions: [],
    });
    expect(a!.currentPosition).toBeUndefined();
    expect(b).toMatchObject({ leads: [{ label: 'HR Officer' }], due: { kind: 'recurring' } });
    expect(b!.constraints).toBeUndefined();
    expect(plan.mapping.tables[0]!.columns.map((c) => c.field)).toEqual([
      'group',
      'themeDescription',
      'title',
      'lead:responsible',
      'due',
      'constraints',
      'measureOfSuccess',
    ]);
  });

  it('applies a mapping override and a kind hint', async () => {
    const csv = csvFrom([
      ['Thing to get done', 'Who', 'Deadline'],
      ['Review the policy', 'GM (HR)', 'June 2013'],
    ]);
    const plain = await parsePlanFile(csv, { filename: 'x.csv' });
    // An unknown header over the only text column is read as the title, with low confidence.
    expect(plain.mapping.tables[0]!.columns[0]).toMatchObject({ field: 'title', confidence: 0.5 });
    expect(plain.themes[0]!.actions[0]!.leads[0]!.role).toBe('responsible');
    const fixed = await parsePlanFile(csv, {
      filename: 'x.csv',
      mappingOverride: { WHO: 'lead:accountable' },
      kindHint: 'business-plan',
    });
    expect(fixed.kind).toBe('business-plan');
    expect(fixed.themes[0]!.actions[0]).toMatchObject({
      title: 'Review the policy',
      leads: [{ role: 'accountable', label: 'GM (HR)' }],
      due: { due: '2013-06-30' },
    });
  });
});

describe('bad input', () => {
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as ImportError).code;
    }
    return 'no error';
  };

  it('rejects empty, too large, binary and non-office zip files with a code', async () => {
    expect(await code(parsePlanFile(Buffer.alloc(0)))).toBe('empty');
    expect(await code(parsePlanFile('  \n\t\n'))).toBe('empty');
    expect(await code(parsePlanFile(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)))).toBe('too-large');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    expect(await code(parsePlanFile(binary, { filename: 'plan.txt' }))).toBe('unsupported-format');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....notes.txt hello')]);
    expect(await code(parsePlanFile(zip))).toBe('unsupported-format');
    expect(await code(parsePlanFile(Buffer.from('%PDF-1.7\n...')))).toBe('unsupported-format');
  });

  it('says in plain words what to do with a damaged Word file, keeping the library’s words for the log', async () => {
    const good = await docxFrom(['Workforce plan', 'Ref\tAction', '1\tRecruit']);
    const files = unzipSync(new Uint8Array(good));
    files['word/document.xml'] = strToU8(
      `${strFromU8(files['word/document.xml']!).slice(0, 200)}&undefined;<w:body><w:p>`,
    );
    const damaged = Buffer.from(zipSync(files));
    const error = await parsePlanFile(damaged, { filename: 'plan.docx' }).then(
      () => undefined,
      (e: ImportError) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.code).toBe('unsupported-format');
    expect(error!.message).toMatch(/^The Word document could not be read: .* save it again as a \.docx file/);
    expect(error!.message).not.toMatch(/xmldom|entity|Error/);
    expect(error!.cause).toBeInstanceOf(Error);
  });

  it('tells a person what to do with a .docx or .xlsx that is protected, emptied, cut short or not one', async () => {
    const message = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: Error) => e.message,
      );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]);
    expect(await message(parsePlanFile(ole, { filename: 'plan.docx' }))).toMatch(/protected by a password/);
    expect(await message(parsePlanFile(ole, { filename: 'plan.doc' }))).toMatch(
      /old-style .* or one protected/,
    );
    const good = await docxFrom(['Workforce plan', 'Ref\tAction', '1\tRecruit']);
    const files = unzipSync(new Uint8Array(good));
    delete files['word/document.xml'];
    expect(await message(parsePlanFile(Buffer.from(zipSync(files)), { filename: 'plan.docx' }))).toMatch(
      /named \.docx but its Word content is missing: it may be damaged\. Open it in Word, save it again/,
    );
    expect(
      await message(parsePlanFile(good.subarray(0, good.length / 2), { filename: 'plan.docx' })),
    ).toMatch(/damaged: its parts cannot be read\. Open it in Word or Excel, save it again/);
    expect(
      await message(parsePlanFile(Buffer.from('Ref\tAction\n1\tRecruit'), { filename: 'plan.xlsx' })),
    ).toMatch(/named \.xlsx but is not an Excel workbook/);
  });

  it('rejects a spreadsheet with no header row and a Word file with no table', async () => {
    expect(
      await code(
        parsePlanFile(
          csvFrom([
            ['a', 'b'],
            ['c', 'd'],
          ]),
          { filename: 'x.csv' },
        ),
      ),
    ).toBe('no-header');
    expect(
      await code(
        parsePlanFile(
          await xlsxFrom([
            ['12', 'thirteen'],
            ['x', 'y'],
          ]),
        ),
      ),
    ).toBe('no-header');
    const prose = await docxFrom(['Minutes of the meeting', 'Nothing was decided.']);
    expect(await code(parsePlanFile(prose))).toBe('no-table');
  });

  it('keeps formula-like cells as plain text and flags them', async () => {
    const csv = csvFrom([
      ['Action', 'Who', 'Deadline'],
      ["=cmd|' /C calc'!A0", '@SUM(A1:A2)', 'June 2013'],
      ['Plain action', '+HYPERLINK("http://x")', '-2+3'],
    ]);
    const plan = await parsePlanFile(csv, { filename: 'x.csv' });
    const [a, b] = plan.themes[0]!.actions;
    expect(a!.title).toBe("=cmd|' /C calc'!A0");
    expect(a!.leads[0]!.label).toBe('@SUM(A1:A2)');
    expect(b!.leads[0]!.label).toBe('+HYPERLINK("http://x")');
    expect(plan.warnings.filter((w) => w.code === 'formula-cell').map((w) => w.where)).toEqual([
      'row 2 column 1',
      'row 2 column 2',
      'row 3 column 2',
      'row 3 column 3',
    ]);
  });

  it('reads an XLSX formula as the value the workbook saved for it, never running it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Action', 'Who', 'Deadline']);
    // What Excel shows (its last result, saved in the file) is what the council wrote.
    ws.addRow(['Count the returns', { formula: 'CONCAT("GM ","(HR)")', result: 'GM (HR)' }, 'June 2013']);
    // No saved result (never calculated): the cell shows nothing yet, so it reads as empty, with a note.
    ws.addRow(['Chase the returns', { formula: 'CONCAT("Head ","of HR")' }, 'July 2013']);
    // A saved result that is itself formula-like is noted too (exports escape it).
    ws.addRow(['Audit the returns', { formula: 'A1', result: '=cmd|calc' }, 'August 2013']);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()));
    const leads = plan.themes[0]!.actions.map((a) => a.leads[0]?.label);
    expect(leads).toEqual(['GM (HR)', undefined, '=cmd|calc']);
    expect(plan.warnings.filter((w) => w.code === 'formula-cell')).toHaveLength(1);
    expect(plan.warnings.find((w) => w.code === 'formula-no-result')?.message).toContain(
      'sheet "Plan", cell B3',
    );
  });

  it('decodes Windows-1252 and UTF-16 text', async () => {
    const text = 'Action\tWho\tDeadline\nReview pay – phase 2\tGM (HR)\tJune 2013\n';
    const cp1252 = Buffer.from(text.replace('–', '\u0096'), 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const buf of [cp1252, utf16]) {
      const plan = await parsePlanFile(buf);
      expect(plan.themes[0]!.actions[0]!.title).toBe('Review pay – phase 2');
    }
  });
});
