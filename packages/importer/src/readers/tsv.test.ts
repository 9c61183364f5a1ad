import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';

/**
 * Tab-separated files quote as CSV files do (Excel's "Text (Tab delimited)", a system's .tsv export):
 * a cell with a line break or a quote inside is written in quotes, its quotes doubled. Read so, the
 * same data gives the same plan as its .csv.
 */

const HEADER = ['ID', 'Action', 'Lead', 'Target date', 'RAG', 'Comments'];
const ROWS = [
  [
    'PP-01',
    'Publish the Workforce Strategy',
    'Director of HR',
    '30/06/2026',
    'Green',
    'Approved by Cabinet 18/06/2026.\r\nPublished on intranet.',
  ],
  [
    'PP-02',
    'Reduce reliance on agency staff',
    'Head of Resourcing',
    '31/03/2027',
    'Amber',
    'Now 24%.\r\nCampaign "Make a difference" launched.',
  ],
  [
    'PP-03',
    'Introduce a workforce planning module',
    'Head of HR Systems',
    '31/12/2026',
    'Red',
    'Supplier delay, see risk R4.',
  ],
];
const quoted = (sep: string) => (c: string) =>
  /["\r\n]/.test(c) || c.includes(sep) ? `"${c.replace(/"/g, '""')}"` : c;
const file = (sep: string) =>
  `\uFEFF${[HEADER, ...ROWS].map((r) => r.map(quoted(sep)).join(sep)).join('\r\n')}\r\n`;

type Plan = Awaited<ReturnType<typeof parsePlanFile>>;
const actions = (plan: Plan) =>
  plan.themes
    .flatMap((t) => t.actions)
    .map((a) => [a.ref, a.title, a.leads.map((l) => l.label), a.due?.due, a.status, a.progress]);

describe('a tab-separated file', () => {
  it('reads quoted cells as CSV does: line breaks kept, quotes taken off, doubled quotes single', async () => {
    const tsv = await parsePlanFile(Buffer.from(file('\t')), { filename: 'plan.tsv' });
    const csv = await parsePlanFile(Buffer.from(file(',')), { filename: 'plan.csv' });
    expect(actions(tsv)).toEqual(actions(csv));
    const progress = tsv.themes.flatMap((t) => t.actions).map((a) => a.progress);
    expect(progress[0]).toBe('Approved by Cabinet 18/06/2026.\nPublished on intranet.');
    expect(progress[1]).toBe('Now 24%.\nCampaign "Make a difference" launched.');
    for (const p of progress) expect(p).not.toMatch(/^"|""/);
  });

  it('reads Excel’s tab-delimited text the same way whatever its name, when its quotes make the table', async () => {
    const txt = await parsePlanFile(Buffer.from(file('\t')), { filename: 'plan.txt' });
    const csv = await parsePlanFile(Buffer.from(file(',')), { filename: 'plan.csv' });
    expect(actions(txt)).toEqual(actions(csv));
  });

  it('keeps a quote that opens an unquoted cell, as written', async () => {
    const text = [
      HEADER.join('\t'),
      ['PP-01', '"Make a difference" campaign', 'Head of Resourcing', '31/03/2027', 'Green', ''].join('\t'),
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.tsv' });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.title)).toEqual([
      '"Make a difference" campaign',
    ]);
  });

  it('whose quotes do not close is still read, line by line as before', async () => {
    const text = [
      HEADER.join('\t'),
      ['PP-01', 'Publish the "Workforce Strategy', 'Director of HR', '30/06/2026', 'Green', ''].join('\t'),
      ['PP-02', '"Reduce reliance on agency staff', 'Head of Resourcing', '31/03/2027', 'Amber', ''].join(
        '\t',
      ),
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.tsv' });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.ref)).toEqual(['PP-01', 'PP-02']);
  });
});
