import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

type Plan = Awaited<ReturnType<typeof parsePlanFile>>;

const TABLE = [
  'Ref\tAction\tLead\tDeadline',
  '1.1\tEmbed the values framework in recruitment and appraisal\tHoHR\tMarch 2027',
  '1.2\tDeliver a senior leadership programme\tODM\tMarch 2028',
  '1.3\tIncrease apprenticeship starts to 40 a year\tL&D / HoHR\tMarch 2029',
  '1.4\tComplete an equal pay audit\tReward\tMarch 2027',
];
const leads = (plan: Plan) =>
  plan.themes.flatMap((t) => t.actions).map((a) => [a.ref, a.leads.map((l) => l.label)]);
const codes = (plan: Plan) => plan.warnings.map((w) => w.code);

const EXPANDED = [
  ['1.1', ['Head of HR (HoHR)']],
  ['1.2', ['Organisational Development Manager (ODM)']],
  ['1.3', ['Learning and Development Team (L&D)', 'Head of HR (HoHR)']],
  ['1.4', ['Pay and Reward Team (Reward)']],
];

describe('leads written short, explained by a key in the document', () => {
  it.each([
    [
      'one line, under a title',
      [
        'Responsible officers: HoHR – Head of HR; ODM – Organisational Development Manager; L&D – Learning and Development Team; Reward – Pay and Reward Team.',
      ],
    ],
    [
      'a line each, below the table',
      [
        'Abbreviations',
        'HoHR = Head of HR',
        'ODM = Organisational Development Manager',
        'L&D - Learning and Development Team',
        'Reward: Pay and Reward Team',
      ],
    ],
  ])('are read by the key: %s', async (_, key) => {
    const above = key[0]!.startsWith('Responsible');
    const lines = [
      'Workforce Plan 2026–2029',
      'Our workforce',
      ...(above ? [...key, ...TABLE] : [...TABLE, ...key]),
    ];
    const plan = await parsePlanFile(lines.join('\n'));
    expect(leads(plan)).toEqual(EXPANDED);
    const w = plan.warnings.find((x) => x.code === 'lead-key');
    expect(w?.message).toMatch(/HoHR is "Head of HR", ODM is "Organisational Development Manager"/);
    // The key, and its title, are no notes on the last action, nor text the importer could not read.
    expect(plan.themes.flatMap((t) => t.actions).at(-1)?.unplaced).toEqual([]);
    expect(codes(plan)).not.toContain('orphan-text');
  });

  it('are read from a key table in a Word document', async () => {
    const row = (cells: string[]) =>
      new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Workforce Plan 2026–2029'),
            new Table({ rows: TABLE.map((l) => row(l.split('\t'))) }),
            new Paragraph('Key to lead officers'),
            new Table({
              rows: [
                row(['Abbreviation', 'Meaning']),
                row(['HoHR', 'Head of HR']),
                row(['ODM', 'Organisational Development Manager']),
                row(['L&D', 'Learning and Development Team']),
              ],
            }),
          ],
        },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(leads(plan)).toEqual([
      ['1.1', ['Head of HR (HoHR)']],
      ['1.2', ['Organisational Development Manager (ODM)']],
      ['1.3', ['Learning and Development Team (L&D)', 'Head of HR (HoHR)']],
      // Not in the key: as written.
      ['1.4', ['Reward']],
    ]);
  });

  it('are read from a key to initials giving each person’s name and role, "Name, Role"', async () => {
    const plan = await parsePlanFile(
      [
        'Workforce Plan 2026–2029',
        'Ref\tAction\tLead\tDeadline',
        '1.1\tEmbed the values framework in recruitment and appraisal\tJS\tMarch 2027',
        '1.2\tDeliver a senior leadership programme\tAB\tMarch 2028',
        '1.3\tIncrease apprenticeship starts to 40 a year\tPP / JS\tMarch 2029',
        '',
        'Key to initials',
        'JS – Jane Smith, Head of HR',
        'AB – Amir Begum, Head of Organisational Development',
        'PP – Cllr Priya Patel, Portfolio Holder (Resources)',
      ].join('\n'),
    );
    expect(leads(plan)).toEqual([
      ['1.1', ['Jane Smith, Head of HR (JS)']],
      ['1.2', ['Amir Begum, Head of Organisational Development (AB)']],
      ['1.3', ['Cllr Priya Patel, Portfolio Holder (Resources) (PP)', 'Jane Smith, Head of HR (JS)']],
    ]);
    expect(plan.themes.flatMap((t) => t.actions).at(-1)?.unplaced).toEqual([]);
  });

  it('are left as written when a line explains only one of them, or is prose', async () => {
    const plan = await parsePlanFile(
      [
        'Workforce Plan 2026–2029',
        'HoHR – Head of HR',
        'Reward – we will review pay and grading in 2027, with the trade unions.',
        'ODM – We will review the role, with the unions',
        ...TABLE,
      ].join('\n'),
    );
    expect(leads(plan).map(([, l]) => l)).toEqual([['HoHR'], ['ODM'], ['L&D', 'HoHR'], ['Reward']]);
    expect(codes(plan)).not.toContain('lead-key');
  });
});
