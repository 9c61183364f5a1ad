import { HeadingLevel, Paragraph, Table, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { actions, cell, heading, item, read, row, steps, text } from '../testing/word-lists.js';

/**
 * Word's own lists: bullets with sub-bullets, multi-level numbering ("Priority 1 –", "1.1", "a)") and
 * numbers Word writes itself (w:numPr), in paragraphs and in table cells. Each list level is read as a
 * reader reads it: the group, the action, the action's steps; a number as Word shows it.
 */

describe('Word bullets with sub-bullets under headings', () => {
  const plan = () =>
    read([
      new Paragraph({ text: 'Our People Plan 2026–2028', heading: HeadingLevel.HEADING_1 }),
      heading('1. A great place to work'),
      new Paragraph('What we will do:'),
      item('Launch a staff recognition scheme (Lead: Head of HR; by September 2026)', 'bullets'),
      item(
        'Introduce hybrid working principles for every team (Lead: Assistant Director, Corporate Services; by July 2026)',
        'bullets',
      ),
      item('Agree principles with UNISON and GMB – May 2026', 'bullets', 1),
      item('Team agreements in place – July 2026', 'bullets', 1),
      item('Run a pulse survey and publish what we did in response – OD Advisor – Six-monthly', 'bullets'),
      heading('2. Growing our own'),
      new Paragraph('What we will do:'),
      item('Create career pathways for planning roles (Lead: Heads of Service; by December 2026)', 'bullets'),
      item('Map current roles and grades – October 2026', 'bullets', 1),
      item('Introduce annual career conversations (Lead: Heads of Service; by March 2027)', 'bullets'),
    ]);

  it('reads each top-level bullet as an action, its own deadline kept, its sub-bullets as milestones', async () => {
    const p = await plan();
    expect(p.themes.map((t) => [t.ref, t.title, t.actions.length])).toEqual([
      ['1', 'A great place to work', 3],
      ['2', 'Growing our own', 2],
    ]);
    const [recognition, hybrid, , pathways, conversations] = actions(p);
    expect(row(hybrid!).slice(1)).toEqual([
      'Introduce hybrid working principles for every team',
      'Assistant Director, Corporate Services',
      'by July 2026',
    ]);
    expect(steps(hybrid)).toEqual([
      ['Agree principles with UNISON and GMB', 'May 2026'],
      ['Team agreements in place', 'July 2026'],
    ]);
    expect(row(pathways!).slice(1)).toEqual([
      'Create career pathways for planning roles',
      'Heads of Service',
      'by December 2026',
    ]);
    expect(steps(pathways)).toEqual([['Map current roles and grades', 'October 2026']]);
    expect(steps(recognition)).toEqual([]);
    expect(conversations!.title).toBe('Introduce annual career conversations');
    // Sub-bullets are no actions of their own, nor words of their parent's.
    const text = JSON.stringify(actions(p).map((a) => [a.title, a.description ?? '', a.due?.text]));
    expect(text).not.toMatch(/Agree principles|Map current roles|Team agreements/);
  });

  it('takes a timescale the timescale reader reads whole ("Six-monthly") as a bullet’s deadline', async () => {
    const survey = actions(await plan())[2]!;
    expect(row(survey).slice(1)).toEqual([
      'Run a pulse survey and publish what we did in response',
      'OD Advisor',
      'Six-monthly',
    ]);
    expect(survey.due?.kind).toBe('recurring');
  });

  it('reads a list whose outer items own the items under them as groups, steps under the actions', async () => {
    const p = await read([
      new Paragraph({ text: 'Workforce Plan 2026–2029', heading: HeadingLevel.HEADING_1 }),
      item('Attract and recruit', 'bullets'),
      item('Refresh the careers pages (Lead: Head of HR; by September 2026)', 'bullets', 1),
      item('Introduce guaranteed interviews (Lead: Recruitment Manager; by December 2026)', 'bullets', 1),
      item('Scheme agreed with the Virtual School – June 2026', 'bullets', 2),
      item('Develop our people', 'bullets'),
      item('Launch a leadership programme (Lead: OD Manager; by January 2027)', 'bullets', 1),
    ]);
    expect(p.themes.map((t) => [t.title, t.actions.map((a) => a.title)])).toEqual([
      ['Attract and recruit', ['Refresh the careers pages', 'Introduce guaranteed interviews']],
      ['Develop our people', ['Launch a leadership programme']],
    ]);
    expect(steps(actions(p)[1])).toEqual([['Scheme agreed with the Virtual School', 'June 2026']]);
  });

  it('reads a numbered list’s steps ("a)") as its action’s milestones, their letters left off', async () => {
    const p = await read([
      heading('Attract and recruit the people we need'),
      item('Refresh the careers pages – Lead: Head of HR & OD – by September 2026', 'plan', 1),
      item('Agree brand brief with Communications – May 2026', 'plan', 2),
      item('New careers pages live – September 2026', 'plan', 2),
      item('Introduce a guaranteed interview scheme – Lead: Recruitment Manager – by 31/12/2026', 'plan', 1),
    ]);
    expect(actions(p).map((a) => row(a).slice(1))).toEqual([
      ['Refresh the careers pages', 'Head of HR & OD', 'by September 2026'],
      ['Introduce a guaranteed interview scheme', 'Recruitment Manager', 'by 31/12/2026'],
    ]);
    expect(steps(actions(p)[0])).toEqual([
      ['Agree brand brief with Communications', 'May 2026'],
      ['New careers pages live', 'September 2026'],
    ]);
  });

  it('keeps each item of a nested list in a cell on a line of its own', async () => {
    const p = await read([
      new Table({
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['Ref', 'Action', 'Lead', 'Deadline', 'Progress'].map(text),
          }),
          new TableRow({
            children: [
              text('1'),
              text('Introduce hybrid working'),
              text('Head of HR'),
              text('July 2026'),
              cell([
                item('Principles agreed with the unions', 'bullets'),
                item('Signed off by CMT', 'bullets', 1),
                item('Team agreements under way', 'bullets'),
              ]),
            ],
          }),
          new TableRow({
            children: [text('2'), text('Review pay'), text('Reward Manager'), text('March 2027'), text('')],
          }),
        ],
      }),
    ]);
    const [hybrid] = actions(p);
    expect(hybrid!.due?.text).toBe('July 2026');
    expect(hybrid!.progress?.split('\n')).toEqual([
      'Principles agreed with the unions',
      'Signed off by CMT',
      'Team agreements under way',
    ]);
  });
});
