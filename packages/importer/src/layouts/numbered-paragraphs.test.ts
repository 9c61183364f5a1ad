import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';
import type { ParsedPlan } from '../parsed-plan.js';
import { fieldLine } from './field-lines.js';
import { inlineFields } from './inline-fields.js';
import { bulletedWordFile, readSample, wordBullet } from './test-helpers.js';

/** Each theme's title, and its actions as ref | title | leads | deadline as written. */
const actionsOf = (plan: ParsedPlan) =>
  plan.themes.map((t) => ({
    theme: t.title,
    actions: t.actions.map((a) => [
      a.ref,
      a.title,
      a.leads.map((l) => l.label).join(' + '),
      a.due?.text ?? '',
    ]),
  }));

/**
 * A strategy typed as paragraphs, no table: numbered group headings, numbered actions each followed
 * by its "Lead:" and "Timescale:" lines, and the measures of success last, numbered as a group is.
 */
const TITLE = 'People Strategy 2026–2030';
const FOREWORD =
  'Our people are the council. This strategy sets out what we will do, who will lead it and when.';
const GROUPS: { heading: string; intro?: string; items: [string, string, string][] }[] = [
  {
    heading: '1. Our workforce',
    intro: 'Where we are now: our vacancy rate is 11.2%. We need to plan our workforce alongside our budget.',
    items: [
      ['1.1 Launch a workforce planning toolkit for all service areas.', 'Head of HR & OD', 'Q3 2026/27'],
      [
        '1.2 Develop a career-grade scheme for planners and environmental health officers.',
        'Head of Planning and Head of Regulatory Services',
        'Ongoing',
      ],
    ],
  },
  {
    heading: '2. Our leaders',
    items: [
      ['2.1 Launch a leadership programme for the top 120 managers.', 'Chief Executive', 'By end of Sept 26'],
      ['2.2 Introduce a management competency framework.', 'Head of HR & OD', '31/01/2027'],
    ],
  },
];
const MEASURES = ['Vacancy rate below 8% by March 2028', 'Staff survey engagement score above 70%'];
const SIGN_OFF = 'Document owner: Assistant Director People. Approved by Cabinet 9 April 2026.';

/** The strategy's paragraphs in order, each with whether it is a group's heading. */
const paragraphs = (): { text: string; heading?: boolean }[] => [
  { text: TITLE },
  { text: 'Foreword', heading: true },
  { text: FOREWORD },
  ...GROUPS.flatMap((g) => [
    { text: g.heading, heading: true },
    ...(g.intro ? [{ text: g.intro }] : []),
    ...g.items.flatMap(([item, lead, when]) => [
      { text: item },
      { text: `Lead: ${lead}` },
      { text: `Timescale: ${when}` },
    ]),
  ]),
  { text: '3. How we will know we have succeeded', heading: true },
  ...MEASURES.map((text) => ({ text })),
  { text: SIGN_OFF },
];

const EXPECTED = [
  {
    theme: 'Our workforce',
    actions: [
      ['1.1', 'Launch a workforce planning toolkit for all service areas.', 'Head of HR & OD', 'Q3 2026/27'],
      [
        '1.2',
        'Develop a career-grade scheme for planners and environmental health officers.',
        'Head of Planning + Head of Regulatory Services',
        'Ongoing',
      ],
    ],
  },
  {
    theme: 'Our leaders',
    actions: [
      [
        '2.1',
        'Launch a leadership programme for the top 120 managers.',
        'Chief Executive',
        'By end of Sept 26',
      ],
      ['2.2', 'Introduce a management competency framework.', 'Head of HR & OD', '31/01/2027'],
    ],
  },
];

/** What every reading of the strategy must give, whatever the file. */
function expectStrategy(plan: ParsedPlan) {
  expect(actionsOf(plan)).toEqual(EXPECTED);
  // The group's sentence is its description, and the measures are kept as text with the last group:
  // never an action, never a deadline.
  expect(plan.themes[0]!.description).toBe(GROUPS[0]!.intro);
  expect(plan.themes[1]!.description).toBe(['How we will know we have succeeded', ...MEASURES].join('\n'));
  const cover = plan.sections.find((s) => s.key === 'cover')?.body ?? '';
  expect(cover).toContain(FOREWORD);
  const all = plan.themes.flatMap((t) => t.actions);
  expect(all.flatMap((a) => a.leads.map((l) => l.label)).join('\n')).not.toMatch(/Lead:|Document owner/);
  expect(all.map((a) => a.due?.text ?? '').join('\n')).not.toMatch(/Timescale|Vacancy/);
}

const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });

async function wordFile(headings: 'word' | 'bold') {
  const children = paragraphs().map((p) =>
    !p.heading
      ? new Paragraph(p.text)
      : headings === 'word'
        ? new Paragraph({ text: p.text, heading: HeadingLevel.HEADING_1 })
        : bold(p.text),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('numbered paragraphs with their fields on lines of their own', () => {
  it('reads pasted text: "Lead:" and "Timescale:" fill the fields with their values, measures stay text', async () => {
    const text = paragraphs()
      .map((p) => p.text)
      .join('\n');
    expectStrategy(await parsePlanFile(text, { filename: 'strategy.txt' }));
  });

  it('reads a Word document with no table as its paragraphs, its groups Word headings', async () => {
    expectStrategy(await parsePlanFile(await wordFile('word'), { filename: 'strategy.docx' }));
  });

  it('reads a Word document with no table as its paragraphs, its groups in bold text', async () => {
    expectStrategy(await parsePlanFile(await wordFile('bold'), { filename: 'strategy.docx' }));
  });

  it('reads a numbered Word heading as its group whatever the sentences before its first item', async () => {
    const intro = [
      'Our managers told us three things.',
      'They want time.',
      'They want tools.',
      'They want trust.',
    ];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '1. Our leaders', heading: HeadingLevel.HEADING_1 }),
            ...intro.map((t) => new Paragraph(t)),
            new Paragraph('1.1 Launch a leadership programme.'),
            new Paragraph('Lead: Chief Executive'),
            new Paragraph('1.2 Introduce a competency framework.'),
            new Paragraph('Timescale: March 2027'),
          ],
        },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(actionsOf(plan)).toEqual([
      {
        theme: 'Our leaders',
        actions: [
          ['1.1', 'Launch a leadership programme.', 'Chief Executive', ''],
          ['1.2', 'Introduce a competency framework.', '', 'March 2027'],
        ],
      },
    ]);
    expect(plan.themes[0]!.description).toBe(intro.join('\n'));
  });

  it('fills other named fields under a numbered item by their label, not its description', () => {
    const r = readSample(
      [
        '1. Shorten time to hire to six weeks',
        'Lead officer: Resourcing Manager',
        'Deadline: March 2027',
        'Status: On track',
        '2. Offer guaranteed interviews to care leavers',
        'Lead:',
        'Head of HR',
        'By when: June 2027 ',
        'Working with the Virtual School.',
      ].join('\n'),
    );
    expect(r.header).toEqual(['Ref', 'Action', 'Description', 'Lead', 'Timescale', 'Lead officer', 'Status']);
    expect(r.data).toEqual([
      ['1', 'Shorten time to hire to six weeks', '', '', 'March 2027', 'Resourcing Manager', 'On track'],
      [
        '2',
        'Offer guaranteed interviews to care leavers',
        'Working with the Virtual School.',
        'Head of HR',
        'June 2027',
        '',
        '',
      ],
    ]);
  });

  it('keeps a measures item and the items under it out of the actions', () => {
    const r = readSample(
      [
        '1. Recruitment',
        '1.1 Shorten time to hire',
        'Lead: Head of HR',
        '1.2 Measures of success',
        '1.2.1 Time to hire under 45 days',
        '2. Pay',
        '2.1 Review market supplements',
        'Lead: Reward Manager',
      ].join('\n'),
    );
    expect(r.data.map((c) => c[0])).toEqual(['1.1', '2.1']);
    const paras = r.items.filter((i) => i.type === 'para').map((i) => (i as { text: string }).text);
    expect(paras).toEqual(['Measures of success', '1.2.1 Time to hire under 45 days']);
  });

  it('reads a Word bullet whose lead, deadline and status are the paragraphs under it', async () => {
    const file = await bulletedWordFile([
      new Paragraph({ text: 'Our wellbeing', heading: HeadingLevel.HEADING_1 }),
      wordBullet('Retender the Employee Assistance Programme'),
      new Paragraph('Lead: Occupational Health Manager'),
      new Paragraph('Timescale: January 2027'),
      new Paragraph('Status: On track'),
      wordBullet('Train all managers in supporting mental health'),
      new Paragraph('Lead: L&D Manager'),
      new Paragraph('Timescale: Q4 2026/27'),
    ]);
    const plan = await parsePlanFile(file, { filename: 'plan.docx' });
    expect(actionsOf(plan)).toEqual([
      {
        theme: 'Our wellbeing',
        actions: [
          ['1', 'Retender the Employee Assistance Programme', 'Occupational Health Manager', 'January 2027'],
          ['2', 'Train all managers in supporting mental health', 'L&D Manager', 'Q4 2026/27'],
        ],
      },
    ]);
    const [first, second] = plan.themes[0]!.actions;
    expect([first!.status, second!.status]).toEqual(['on-track', undefined]);
    expect(first!.description ?? '').not.toMatch(/Status/);
  });

  it('reads a labelled deadline inside an item’s text as its value alone', () => {
    expect(
      inlineFields('Launch the portal – Lead: Head of HR – Deadline: March 2027 – Status: Amber'),
    ).toEqual({
      title: 'Launch the portal',
      description: '',
      lead: 'Head of HR',
      due: 'March 2027',
      named: [{ label: 'Status', value: 'Amber' }],
    });
    expect(inlineFields('Launch the portal – Head of HR – by March 2027', { loose: true })?.due).toBe(
      'by March 2027',
    );
  });

  it('takes a labelled line as a field only when its value can be one', () => {
    expect(fieldLine('Timescale: Q3 2026/27')).toMatchObject({ field: 'due', value: 'Q3 2026/27' });
    expect(fieldLine('Lead: Head of Planning and Head of Regulatory Services')?.value).toBe(
      'Head of Planning and Head of Regulatory Services',
    );
    expect(fieldLine('Document owner: Assistant Director People. Approved by Cabinet.')).toBeUndefined();
    expect(fieldLine('Where we are now: our vacancy rate is 11.2%')).toBeUndefined();
    expect(fieldLine('Action 1.2: Run a survey')).toBeUndefined();
  });

  it('reads "Lead:", "Owner:", "Target:", "By:" and "Deadline:" sentences after the title as its fields', () => {
    const r = readSample(
      [
        '1. Attract and recruit the people we need',
        '1.1 Refresh the careers pages. Lead: Head of HR & OD. Target: September 2026.',
        '1.2 Introduce a guaranteed interview scheme. Owner: Recruitment Manager. By: 31/12/2026.',
        '2. Develop our people',
        '2.1 Launch an Aspiring Managers programme. Lead: OD Manager. Deadline: January 2027.',
        '2.2 Introduce annual career conversations. Lead: Heads of Service.',
      ].join('\n'),
    );
    expect(r.headings).toEqual(['1. Attract and recruit the people we need', '2. Develop our people']);
    expect(r.data.map((c) => [c[0], c[1], c[3], c[4]])).toEqual([
      ['1.1', 'Refresh the careers pages', 'Head of HR & OD', 'September 2026'],
      ['1.2', 'Introduce a guaranteed interview scheme', 'Recruitment Manager', '31/12/2026'],
      ['2.1', 'Launch an Aspiring Managers programme', 'OD Manager', 'January 2027'],
      ['2.2', 'Introduce annual career conversations', 'Heads of Service', ''],
    ]);
  });

  it('splits an item’s sentences only where the next one opens with a field’s label and a colon', () => {
    expect(inlineFields('Refresh the careers pages. Lead: Head of HR & OD. Target: September 2026.')).toEqual(
      {
        title: 'Refresh the careers pages',
        description: '',
        lead: 'Head of HR & OD',
        due: 'September 2026',
        named: [],
      },
    );
    expect(inlineFields('Refresh the careers pages. Target: September 2026.', { loose: true })?.due).toBe(
      'September 2026',
    );
    // A sentence that merely starts with such a word is the item's own.
    expect(
      inlineFields('Review pay. By doing so we keep our staff. Leaders will meet monthly.'),
    ).toBeUndefined();
  });
});
