import { describe, expect, it } from 'vitest';
import { numericDateOrder } from './date-order.js';
import { parsePlanFile } from './index.js';

const actionsOf = async (text: string, filename = 'plan.csv') =>
  (await parsePlanFile(Buffer.from(text), { filename })).themes.flatMap((t) =>
    t.actions.map((a) => ({ theme: t.title, ...a })),
  );

describe('a project tool’s export (Microsoft Planner, Asana)', () => {
  const planner = [
    'Task ID,Task Name,Bucket Name,Progress,Assigned To,Created Date,Start date,Due date,Late,Completed Date,Completed By,Labels',
    'Ab1000xYz,Launch a refer-a-friend bonus,Recruitment,In progress,Sarah Okafor,1/5/2026,2/2/2026,6/30/2026,false,,,Retention',
    'Ab1001xYz,Move recruitment to a new applicant tracking system,Recruitment,In progress,Tom Reilly;Sarah Okafor,1/5/2026,1/6/2026,9/1/2026,false,,,',
    'Ab1002xYz,Exit interview analysis,Recruitment,Completed,Tom Reilly,1/5/2026,,2/13/2026,false,2/11/2026,Tom Reilly,',
    'Ab1003xYz,Agree the levy transfer to care homes,Apprenticeships,,Jo Williams,1/5/2026,,3/31/2026,false,3/20/2026,Jo Williams,',
  ].join('\n');

  it('reads the task’s name, its bucket as its group, who it is assigned to, and its completion', async () => {
    const actions = await actionsOf(planner);
    expect(actions.map((a) => [a.theme, a.title, a.leads.map((l) => l.label), a.status])).toEqual([
      ['Recruitment', 'Launch a refer-a-friend bonus', ['Sarah Okafor'], 'on-track'],
      [
        'Recruitment',
        'Move recruitment to a new applicant tracking system',
        ['Tom Reilly', 'Sarah Okafor'],
        'on-track',
      ],
      ['Recruitment', 'Exit interview analysis', ['Tom Reilly'], 'completed'],
      // Its progress is empty: its completion date says it is done.
      ['Apprenticeships', 'Agree the levy transfer to care homes', ['Jo Williams'], 'completed'],
    ]);
    // The tool's own id is kept aside, never a ref or part of the title.
    expect(actions[0]!.extra?.map((x) => x.label)).toContain('Task ID');
  });

  it('reads its dates month first, as the whole file shows, and says so', async () => {
    const plan = await parsePlanFile(Buffer.from(planner), { filename: 'planner.csv' });
    const actions = plan.themes.flatMap((t) => t.actions);
    // 9/1/2026 is 1 September here: 6/30/2026 shows the file writes months first.
    expect(actions.map((a) => a.due?.due)).toEqual(['2026-06-30', '2026-09-01', '2026-02-13', '2026-03-31']);
    expect(actions[1]!.start?.due).toBe('2026-01-06');
    expect(plan.warnings.find((w) => w.code === 'month-first-dates')?.message).toContain('"6/30/2026"');
  });
});

describe('numericDateOrder: the document decides, never one cell', () => {
  it.each([
    [['6/30/2026', '9/1/2026', '11/30/2026'], true],
    // One slip among UK dates does not make the file American.
    [['01/04/2026', '06/05/2026', '12/25/2026', '03/11/2026', '09/01/2027'], false],
    [['30/06/2026', '9/1/2026'], false],
    // One UK-only date settles it, whatever else is there.
    [['6/30/2026', '13/02/2026'], false],
    [['9/1/2026', '4/1/2026'], false],
    [['31.03.2026 and 1.4.2026'], false],
    // A two-digit year, as Smartsheet exports it.
    [['04/01/26', '07/31/26', '12/18/26', '03/31/27'], true],
    [['12/05/26', '15/05/26'], false],
  ])('%j month first: %s', (texts, monthFirst) => {
    expect(numericDateOrder(texts).monthFirst).toBe(monthFirst);
  });
});

describe('a progress note that opens or closes with its status', () => {
  it('sets the status; an instruction that starts with the same word does not', async () => {
    const actions = await actionsOf(
      [
        'Ref,Action,Lead,Deadline,Progress',
        '1,Agree the establishment control process,Head of HR,March 2026,Complete – agreed at CMT.',
        '2,Launch the careers microsite,Comms Lead,April 2026,Went live 14 April 2026. Complete.',
        '3,Succession plans for statutory roles,Chief Executive,Dec 2025,Delayed – now Q1 2026/27.',
        '4,Review the pay line,Reward Lead,Jan 2026,Report to SMT in January – complete.',
        '5,Roll out EDI e-learning,EDI Lead,June 2026,Complete the remaining modules by May.',
        '6,Refresh the appraisal scheme,OD Lead,June 2026,In progress – behind schedule',
        '7,Publish the pay policy,Reward Lead,June 2026,Complete – phase 1 only. Phase 2 due March 2027',
        '8,Reach Disability Confident Leader,EDI Lead,June 2026,Closed – not achieved; carried forward',
      ].join('\n'),
    );
    // "Behind schedule" is the note's last word on it; the last two say more than their first word, and
    // are left for a person to set.
    expect(actions.map((a) => a.status)).toEqual([
      'completed',
      'completed',
      'off-track',
      'completed',
      undefined,
      'off-track',
      undefined,
      undefined,
    ]);
    // The words are kept as written.
    expect(actions[0]!.progress).toBe('Complete – agreed at CMT.');
  });
});

describe('a CSV with its title above the table', () => {
  it('takes the line of one cell as the plan’s title and period, not a row', async () => {
    const plan = await parsePlanFile(
      Buffer.from('Workforce Plan 2026/27\nRef,Action,Lead,Deadline\n1,Run the staff survey,Head of HR,Q3\n'),
      { filename: 'exports/plan.csv' },
    );
    expect(plan.title).toBe('Workforce Plan 2026/27');
    expect(plan.period?.label).toBe('2026/27');
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.due?.due)).toEqual(['2026-12-31']);
  });
});

describe('a CSV of one column', () => {
  it('is a list of actions, its first line the header', async () => {
    const plan = await parsePlanFile(Buffer.from('Action\nRecruit apprentices\nReview the pay policy\n'), {
      filename: 'list.csv',
    });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.title)).toEqual([
      'Recruit apprentices',
      'Review the pay policy',
    ]);
  });
});
