import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

type Plan = Awaited<ReturnType<typeof parsePlanFile>>;

const HEADER = 'Ref\tAction\tLead\tDeadline';
const ROWS = [
  'A1\tEmbed the values framework in recruitment and appraisal\tHead of HR\tMarch 2027',
  'A2\tDeliver a senior leadership programme\tOD Manager\tMarch 2028',
  'B1\tIncrease apprenticeship starts to 40 a year\tL&D Team\tMarch 2029',
  'B2\tCreate career pathways in social care\tHR Business Partners\tMarch 2028',
  'C1\tComplete an equal pay audit\tReward Team\tMarch 2027',
];

const groups = (plan: Plan) => plan.themes.map((t) => [t.ref, t.title, t.actions.length]);
const action = (plan: Plan, ref: string) => plan.themes.flatMap((t) => t.actions).find((a) => a.ref === ref)!;
const codes = (plan: Plan) => plan.warnings.map((w) => w.code);

const NAMED = [
  ['A', 'Leadership and culture', 2],
  ['B', 'Skills and development', 2],
  ['C', 'Pay and reward', 1],
];

describe('refs lettered by group (A1, A2, B1…)', () => {
  it.each([
    [
      'a key above the table',
      ['Key:', 'A – Leadership and culture', 'B – Skills and development', 'C – Pay and reward'],
      true,
    ],
    [
      'a key below the table',
      ['Key', 'A: Leadership and culture', 'B: Skills and development', 'C: Pay and reward'],
      false,
    ],
    [
      'a key on one line',
      ['Key: A = Leadership and culture; B = Skills and development; C = Pay and reward'],
      true,
    ],
  ])('are the groups, named by %s', async (_, key, above) => {
    const table = [HEADER, ...ROWS];
    const lines = [
      'People Strategy Action Plan 2026–2029',
      ...(above ? [...key, ...table] : [...table, ...key]),
    ];
    const plan = await parsePlanFile(lines.join('\n'));
    expect(groups(plan)).toEqual(NAMED);
    // The key is the groups' names: not a RAG key, nor notes on the last action, nor the cover's text.
    expect(plan.sections.map((s) => s.title)).not.toContain('RAG key');
    expect(plan.sections.map((s) => s.body).join('\n')).not.toContain('Leadership and culture');
    expect(action(plan, 'C1').unplaced).toEqual([]);
    expect(codes(plan)).not.toContain('no-theme');
  });

  it('are called by their letters when no key names them; two letters are one group', async () => {
    const plan = await parsePlanFile(
      [
        HEADER,
        'HR1\tRefresh the sickness absence policy\tHead of HR\tJune 2027',
        'HR2\tIntroduce an annual staff survey\tHead of HR\tMarch 2027',
        'OD1\tDeliver a senior leadership programme\tOD Manager\tMarch 2028',
      ].join('\n'),
    );
    expect(groups(plan)).toEqual([
      ['HR', 'HR', 2],
      ['OD', 'OD', 1],
    ]);
  });

  it.each([
    [
      'one letter only',
      [
        'A1\tLaunch the apprenticeship scheme\tHead of HR\tMay 2027',
        'A2\tRefresh the absence policy\tHR Adviser\tJune 2027',
      ],
    ],
    [
      'a ref that is not lettered',
      [
        '1\tLaunch the apprenticeship scheme\tHead of HR\tMay 2027',
        'B2\tRefresh the absence policy\tHR Adviser\tJune 2027',
      ],
    ],
  ])('group nothing with %s', async (_, rows) => {
    const plan = await parsePlanFile([HEADER, ...rows].join('\n'));
    expect(groups(plan)).toEqual([['', 'Actions', 2]]);
  });

  it('leave a document’s own groups as they are', async () => {
    const plan = await parsePlanFile(
      [
        'Theme 1: Recruitment',
        HEADER,
        'A1\tLaunch the apprenticeship scheme\tHead of HR\tMay 2027',
        'Theme 2: Pay',
        HEADER,
        'B1\tComplete an equal pay audit\tReward Lead\tMay 2027',
      ].join('\n'),
    );
    expect(groups(plan)).toEqual([
      ['1', 'Recruitment', 1],
      ['2', 'Pay', 1],
    ]);
  });

  it('named by a key table in a Word plan, which is not kept as a table of its own', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('People Strategy Action Plan 2026–2029'),
            wordTable([
              ['A', 'Leadership and culture'],
              ['B', 'Skills and development'],
              ['C', 'Pay and reward'],
            ]),
            new Paragraph(''),
            wordTable([HEADER, ...ROWS].map((l) => l.split('\t'))),
          ],
        },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(groups(plan)).toEqual(NAMED);
    expect(plan.sections.map((s) => s.title)).toEqual([]);
    expect(codes(plan)).not.toContain('unrecognised-table');
  });

  it('a key of letters beside statuses is still the RAG key', async () => {
    const plan = await parsePlanFile(
      [HEADER, ...ROWS, 'Key', 'R – off track', 'A – at risk', 'G – on track', 'B – complete'].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
      'R – off track\nA – at risk\nG – on track\nB – complete',
    );
    expect(groups(plan)).toEqual([
      ['A', 'A', 2],
      ['B', 'B', 2],
      ['C', 'C', 1],
    ]);
  });

  it('a "Key" over lines that are not colours leaves no empty RAG key', async () => {
    const plan = await parsePlanFile(
      ['Workforce Plan', HEADER, ...ROWS, 'Key', 'A – Leadership and culture', 'Next review in March.'].join(
        '\n',
      ),
    );
    expect(plan.sections.map((s) => s.title)).not.toContain('RAG key');
  });
});

describe('footnotes under an action table', () => {
  it.each([
    ['[1]', '[1]'],
    ['¹', '¹'],
    ['*', '*'],
    [' [2]', '[2]'],
  ])('a marker %j at the end of a title takes the note %j to its action', async (mark, opens) => {
    const rows = [...ROWS];
    rows[2] = rows[2]!.replace('a year', `a year${mark}`);
    const plan = await parsePlanFile(
      [HEADER, ...rows, '', `${opens} Subject to Cabinet approval`].join('\n'),
    );
    expect(action(plan, 'B1').title).toBe('Increase apprenticeship starts to 40 a year');
    expect(action(plan, 'B1').unplaced).toEqual(['Subject to Cabinet approval']);
    expect(action(plan, 'C1').unplaced).toEqual([]);
    expect(codes(plan)).toContain('footnote');
    expect(codes(plan)).not.toContain('orphan-text');
  });

  it('a note no action marks stays with the action above; a marker with no note stays', async () => {
    const rows = [...ROWS];
    rows[0] = rows[0]!.replace('appraisal', 'appraisal[2]');
    const plan = await parsePlanFile([HEADER, ...rows, '[1] Subject to Cabinet approval'].join('\n'));
    expect(action(plan, 'C1').unplaced).toEqual(['[1] Subject to Cabinet approval']);
    expect(action(plan, 'A1').title).toBe('Embed the values framework in recruitment and appraisal[2]');
    expect(action(plan, 'A1').unplaced).toEqual([]);
  });

  it('Word footnotes go with the actions whose cells have them', async () => {
    const cell = (text: string, note?: number) =>
      new TableCell({
        children: [
          new Paragraph({
            children: [new TextRun(text), ...(note ? [new FootnoteReferenceRun(note)] : [])],
          }),
        ],
      });
    const rows = [HEADER, ...ROWS].map((l) => l.split('\t'));
    const notes: Record<string, number> = { A2: 1, C1: 2 };
    const doc = new Document({
      footnotes: {
        1: { children: [new Paragraph('Funded from the transformation reserve.')] },
        2: { children: [new Paragraph('External support £15k.')] },
      },
      sections: [
        {
          children: [
            new Paragraph('People Strategy Action Plan 2026–2029'),
            new Table({
              rows: rows.map(
                (r) =>
                  new TableRow({ children: r.map((c, i) => cell(c, i === 1 ? notes[r[0]!] : undefined)) }),
              ),
            }),
          ],
        },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(action(plan, 'A2').title).toBe('Deliver a senior leadership programme');
    expect(action(plan, 'A2').unplaced).toEqual(['Funded from the transformation reserve.']);
    expect(action(plan, 'C1').unplaced).toEqual(['External support £15k.']);
    expect(plan.themes.flatMap((t) => t.actions).filter((a) => a.unplaced.length)).toHaveLength(2);
  });

  it('a note in a row of its own under the table is a note, not a group', async () => {
    const rows = [HEADER, ...ROWS].map((l) => l.split('\t'));
    rows[5]![1] += '*';
    rows.push(['* Within existing resources', '', '', '']);
    const doc = new Document({ sections: [{ children: [wordTable(rows)] }] });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(action(plan, 'C1').title).toBe('Complete an equal pay audit');
    expect(action(plan, 'C1').unplaced).toEqual(['Within existing resources']);
    expect(plan.themes.map((t) => t.title)).not.toContain('* Within existing resources');
  });
});

function wordTable(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });
}
