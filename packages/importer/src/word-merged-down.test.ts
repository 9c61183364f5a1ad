import {
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A Word table's cell merged down over several rows (Word's vertical merge): the same value for every
 * row it spans, as a workbook's merged cell is (build/merged-down.ts). Word keeps the text in the top
 * cell alone; a lead, a deadline, a status or a RAG colour so merged is each action's, and a theme
 * merged down the first column is still one theme of its actions.
 */

type Cell = string | { text: string; merge: 'start' | 'on'; fill?: string };

const cell = (c: Cell) =>
  typeof c === 'string'
    ? new TableCell({ children: [new Paragraph(c)] })
    : new TableCell({
        children: [new Paragraph(c.merge === 'start' ? c.text : '')],
        verticalMerge: c.merge === 'start' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
        ...(c.fill && { shading: { type: ShadingType.CLEAR, fill: c.fill, color: 'auto' } }),
      });
const start = (text: string, fill?: string): Cell => ({ text, merge: 'start', ...(fill && { fill }) });
const on = (fill?: string): Cell => ({ text: '', merge: 'on', ...(fill && { fill }) });

async function word(header: string[], rows: Cell[][]): Promise<Buffer> {
  const table = new Table({
    rows: [header, ...rows].map((r) => new TableRow({ children: r.map(cell) })),
  });
  return Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('Workforce Plan 2026/27'), table] }] }),
  );
}

const actionsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) =>
    t.actions.map((a) => [t.title, a.ref, a.leads.map((l) => l.label), a.due?.text, a.status]),
  );

describe('a Word cell merged down the rows of an action table', () => {
  it('gives its lead, deadline and status to every action it spans; a theme merged down stays one theme', async () => {
    const buffer = await word(
      ['Theme', 'Ref', 'Action', 'Lead', 'Deadline', 'Status'],
      [
        [
          start('Recruitment'),
          '1.1',
          'Publish the gender pay gap report',
          start('Head of Reward'),
          start('March 2027'),
          start('Not started'),
        ],
        [on(), '1.2', 'Publish the ethnicity pay gap report', on(), on(), on()],
        [on(), '1.3', 'Agree a menopause policy', 'HR Policy Officer', 'October 2026', 'Complete'],
        [
          start('Wellbeing'),
          '2.1',
          'Train mental health first aiders',
          start('OH Manager'),
          'March 2027',
          'On track',
        ],
        [on(), '2.2', 'Refresh the attendance policy', on(), 'Q3 2026/27', 'Complete'],
      ],
    );
    const plan = await parsePlanFile(buffer, { filename: 'plan.docx', planStart: '2026-04-01' });
    expect(actionsOf(plan)).toEqual([
      ['Recruitment', '1.1', ['Head of Reward'], 'March 2027', 'not-started'],
      ['Recruitment', '1.2', ['Head of Reward'], 'March 2027', 'not-started'],
      ['Recruitment', '1.3', ['HR Policy Officer'], 'October 2026', 'completed'],
      ['Wellbeing', '2.1', ['OH Manager'], 'March 2027', 'on-track'],
      ['Wellbeing', '2.2', ['OH Manager'], 'Q3 2026/27', 'completed'],
    ]);
  });

  it('of a RAG colour alone rates every action it spans', async () => {
    const buffer = await word(
      ['Ref', 'Action', 'Lead', 'Deadline', 'RAG'],
      [
        ['1', 'Recruitment microsite', 'Recruitment Manager', 'October 2027', start('', 'FF0000')],
        ['2', 'Apprenticeship fair', 'L&D Manager', 'November 2027', on('FF0000')],
        ['3', 'Refer a friend', 'Head of HR', 'December 2027', start('', '00B050')],
      ],
    );
    const plan = await parsePlanFile(buffer, { filename: 'plan.docx', planStart: '2026-04-01' });
    expect(plan.themes.flatMap((t) => t.actions.map((a) => [a.ref, a.status]))).toEqual([
      ['1', 'off-track'],
      ['2', 'off-track'],
      ['3', 'on-track'],
    ]);
  });
});
