import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Where the layout rules stop: real plans that look a little like a RAG key, a cover, a group heading,
 * a sign-off or a second status, and must import as they did before those rules.
 */

const cell = (text: string, fill?: string) =>
  new TableCell({
    children: [new Paragraph(text)],
    ...(fill && { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } }),
  });
const word = (...children: (Paragraph | Table)[]) =>
  Packer.toBuffer(new Document({ sections: [{ children }] }));
const table = (rows: Array<Array<[string, string?]>>) =>
  new Table({ rows: rows.map((r) => new TableRow({ children: r.map(([t, f]) => cell(t, f)) })) });
const titles = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) => t.actions.map((a) => a.title));
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

describe('the layout rules’ limits', () => {
  it('a small action table with a grey header and RAG shading is not a RAG key', async () => {
    const doc = await word(
      new Paragraph('People Plan 2025-2028'),
      table([
        [
          ['Action', 'BFBFBF'],
          ['Lead', 'BFBFBF'],
          ['RAG', 'BFBFBF'],
        ],
        [['Launch the apprenticeship scheme'], ['Head of HR'], ['', '00B050']],
        [['Review exit interviews'], ['HR Manager'], ['', 'FFC000']],
        [['Introduce a refer-a-friend bonus'], ['Head of HR'], ['', 'FF0000']],
      ]),
    );
    const plan = await parsePlanFile(doc, { filename: 'plan.docx' });
    expect(plan.themes.flatMap((t) => t.actions.map((a) => a.status))).toEqual([
      'on-track',
      'at-risk',
      'off-track',
    ]);
    expect(plan.sections.find((s) => s.title === 'RAG key')).toBeUndefined();
  });

  it('a two-column action table is not a cover of labels and values', async () => {
    const doc = await word(
      new Paragraph('Workforce Strategy Action Plan 2025-2028'),
      table([
        [['Action'], ['Lead']],
        [['Pay and grading review'], ['Head of HR']],
        [['Customer service training'], ['L&D Manager']],
        [['Annual appraisal review'], ['HR Manager']],
      ]),
    );
    expect(titles(await parsePlanFile(doc, { filename: 'plan.docx' }))).toEqual([
      'Pay and grading review',
      'Customer service training',
      'Annual appraisal review',
    ]);
  });

  it('headings the importer knows, listed in a summary first, are each one group', async () => {
    const header: Array<[string]> = [['Ref'], ['Action'], ['Lead'], ['Deadline']];
    const doc = await word(
      new Paragraph({ text: 'People Strategy 2025-2028', heading: HeadingLevel.TITLE }),
      new Paragraph('Priority 1: Recruitment'),
      new Paragraph('Priority 2: Wellbeing'),
      new Paragraph('Priority 1: Recruitment'),
      table([header, [['1.1'], ['Launch the apprenticeship scheme'], ['Head of HR'], ['March 2026']]]),
      new Paragraph('Priority 2: Wellbeing'),
      table([header, [['2.1'], ['Mental health first aiders'], ['OD Manager'], ['Sept 2026']]]),
    );
    const plan = await parsePlanFile(doc, { filename: 'plan.docx' });
    expect(plan.themes.filter((t) => t.actions.length).map((t) => [t.ref, t.title])).toEqual([
      ['1', 'Recruitment'],
      ['2', 'Wellbeing'],
    ]);
    expect(plan.themes).toHaveLength(2);
  });

  it('a running head with its page number is not a group, and the plan keeps its title', async () => {
    const header = ['Ref', 'Action', 'Lead', 'Deadline'];
    const text = tsv([
      ['Workforce Action Plan 2025-26'],
      header,
      ['1', 'Launch the apprenticeship scheme', 'Head of HR', 'March 2026'],
      ['Workforce Action Plan 2025-26 - Page 2'],
      header,
      ['2', 'Review exit interviews', 'HR Manager', 'June 2026'],
      ['Workforce Action Plan 2025-26 - Page 3'],
      header,
      ['3', 'Refresh induction', 'OD Manager', 'Sept 2026'],
    ]);
    const plan = await parsePlanFile(text);
    expect(plan.title).toBe('Workforce Action Plan 2025-26');
    expect(plan.themes).toHaveLength(1);
    expect(titles(plan)).toHaveLength(3);
  });

  it('a response that opens "Agreed:" beside its own action, lead and date is that action', async () => {
    const text = tsv([
      ['Recommendation', 'Response', 'Action', 'Lead', 'Deadline'],
      [
        'Develop a workforce strategy',
        'Agreed – under way',
        'Draft the strategy',
        'Head of HR',
        'March 2026',
      ],
      ['', 'Agreed: will align with MTFS', 'Consult staff and unions', 'Head of HR', 'June 2026'],
    ]);
    const plan = await parsePlanFile(text);
    expect(plan.sections.find((s) => s.title === 'Sign-off')).toBeUndefined();
    expect(JSON.stringify(plan.themes)).toContain('Consult staff and unions');
  });

  it('a RAG column and a Status column that disagree leave the status to the person', async () => {
    const text = tsv([
      ['Ref', 'Action', 'Lead', 'RAG', 'Status'],
      ['1', 'Launch the apprenticeship scheme', 'Head of HR', 'Red', 'In progress'],
    ]);
    const action = (await parsePlanFile(text)).themes[0]!.actions[0]!;
    expect(action.status).toBeUndefined();
    expect(action.progress).toContain('Red');
  });
});
