import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/** Plans kept as lists (SharePoint, Microsoft Lists) and trackers with a status a quarter. */

describe('a SharePoint list exported as CSV', () => {
  const CSV = [
    '\uFEFFTitle,Workstream,Owner,Due Date,Status,Priority,Progress Notes,Created,Modified,ID,Item Type,Path',
    'Implement new recruitment portal,Attract,"Patel, Asha",2026-03-30T23:00:00Z,In Progress,High,Supplier appointed.,2025-04-02T09:12:44Z,2025-10-01T15:03:10Z,1,Item,sites/HR/Lists/People Plan',
    'Refresh the employer value proposition,Attract,"Brown, Tom;Patel, Asha",2025-12-31T00:00:00Z,Not Started,Medium,,2025-04-02T09:14:02Z,2025-04-02T09:14:02Z,2,Item,sites/HR/Lists/People Plan',
    'Launch graduate trainee scheme,Develop,"Nguyen, Linh",2026-08-30T23:00:00Z,On Hold,Low,Budget paused.,2025-04-03T11:20:00Z,2025-09-18T10:45:31Z,3,Item,sites/HR/Lists/People Plan',
  ].join('\n');

  it('reads its Title, owners and London dates, whatever columns the list adds', async () => {
    const plan = await parsePlanFile(Buffer.from(CSV), { filename: 'People Plan.csv' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(plan.themes.map((t) => t.title)).toEqual(['Attract', 'Develop']);
    expect(actions.map((a) => [a.ref, a.title, a.due?.kind === 'date' && a.due.due])).toEqual([
      ['1', 'Implement new recruitment portal', '2026-03-31'],
      ['2', 'Refresh the employer value proposition', '2025-12-31'],
      ['3', 'Launch graduate trainee scheme', '2026-08-31'],
    ]);
    // "Surname, Forename" from the list reads first name first.
    expect(actions[1]!.leads.map((l) => l.label)).toEqual(['Tom Brown', 'Asha Patel']);
    // "On hold" is held up, still to be done (at risk), never deferred, which would close the action and
    // stop its alerts; the person is told, and the words kept.
    expect(actions[2]!.status).toBe('at-risk');
    expect(plan.warnings.find((w) => w.code === 'status-assumed')?.message).toContain('"On Hold"');
    // The list's own columns are kept aside under their names, not read as refs or titles.
    expect(actions[0]!.extra?.map((x) => x.label)).toEqual(
      expect.arrayContaining(['Priority', 'Created', 'Modified', 'Item Type', 'Path']),
    );
  });
});

describe('a SharePoint list with folders, exported as CSV', () => {
  const root = 'sites/PeopleServices/Lists/PeoplePlanActions';
  const CSV = [
    '\uFEFFTitle,Assigned To,Due Date,% Complete,Status,Item Type,Path',
    `Wellbeing,,,,,Folder,${root}`,
    `Recruitment and Retention,,,,,Folder,${root}`,
    `Roll out wellbeing conversations,"Patel, Anita",30/09/2026,100%,Completed,Item,${root}/Wellbeing`,
    `Introduce a refer-a-friend bonus,"Price, Helen",31/12/2026,60%,In Progress,Item,${root}/Recruitment and Retention`,
    `Set up a wellbeing hub,"Okafor, Daniel; Patel, Anita",31/01/2027,40%,In Progress,Item,${root}/Wellbeing`,
    `Pilot compressed hours,"Evans, Gareth",30/06/2027,10%,Waiting on someone else,Item,${root}/Recruitment and Retention`,
  ].join('\n');

  it('reads its folders as its groups, never as actions, each item under the folder its path names', async () => {
    const plan = await parsePlanFile(Buffer.from(CSV), { filename: 'Workforce Plan.csv' });
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.title)])).toEqual([
      ['Wellbeing', ['Roll out wellbeing conversations', 'Set up a wellbeing hub']],
      ['Recruitment and Retention', ['Introduce a refer-a-friend bonus', 'Pilot compressed hours']],
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    // "Surname, First" is one person, read first name first; a semicolon parts two.
    expect(actions.map((a) => a.leads.map((l) => l.label))).toEqual([
      ['Anita Patel'],
      ['Daniel Okafor', 'Anita Patel'],
      ['Helen Price'],
      ['Gareth Evans'],
    ]);
    expect(plan.warnings.find((w) => w.code === 'list-folders')?.message).toContain(
      '2 folder rows are not actions',
    );
    expect(plan.warnings.map((w) => w.code)).not.toContain('no-theme');
  });

  it('reads “Waiting on someone else” as at risk, keeps the words and says so', async () => {
    const plan = await parsePlanFile(Buffer.from(CSV), { filename: 'Workforce Plan.csv' });
    const waiting = plan.themes[1]!.actions[1]!;
    expect(waiting.status).toBe('at-risk');
    expect(waiting.progress).toBe('Waiting on someone else');
    const said = plan.warnings.find((w) => w.code === 'status-assumed');
    expect(said?.message).toContain('"Waiting on someone else"');
    expect(said?.message).toContain('At risk');
    expect(plan.warnings.map((w) => w.code)).not.toContain('status-not-read');
  });

  it('groups by the path alone when the list exports no folder rows, an item at the list’s top under “Actions”', async () => {
    const csv = [
      'Title,Assigned To,Due Date,Path',
      `Agree the hybrid working policy,Head of HR,31/03/2027,${root}`,
      `Roll out wellbeing conversations,OD Manager,30/09/2026,${root}/Wellbeing`,
      `Run resilience workshops,OD Manager,31/03/2027,${root}/Wellbeing/Workshops`,
      `Introduce a refer-a-friend bonus,Recruitment Manager,31/12/2026,${root}/Recruitment`,
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(csv), { filename: 'list.csv' });
    expect(plan.themes.map((t) => [t.title, t.actions.length])).toEqual([
      ['Actions', 1],
      ['Wellbeing', 1],
      ['Workshops', 1],
      ['Recruitment', 1],
    ]);
  });
});

describe('a status a quarter', () => {
  it('gives each action the latest quarter’s rating, keeping the earlier ones', async () => {
    const text = [
      ['Strategic objective', 'Action', 'Owner', 'By when', 'Q1', 'Q2', 'Q3', 'Q4'],
      [
        'Objective 1: Attract staff',
        'Launch a careers website',
        'Head of HR',
        'March 2026',
        'G',
        'A',
        '',
        '',
      ],
      [
        'Objective 1: Attract staff',
        'Guaranteed interviews',
        'Recruitment Manager',
        'Sept 2025',
        'A',
        'R',
        '',
        '',
      ],
      ['Objective 2: Develop people', 'Aspiring managers', 'OD Manager', 'Q3 2025/26', 'G', 'G', '', ''],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.themes.map((t) => [t.ref, t.title, t.actions.map((a) => a.status)])).toEqual([
      ['1', 'Attract staff', ['at-risk', 'off-track']],
      ['2', 'Develop people', ['on-track']],
    ]);
    expect(plan.themes[0]!.actions[0]!.extra).toEqual([{ label: 'Q1', text: 'G' }]);
  });
});

describe('a tracker workbook', () => {
  it('leaves out hidden sheets and columns, and keeps a tally under the table as a summary', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const lookups = wb.addWorksheet('Lookups');
    lookups.state = 'hidden';
    for (const v of ['Not started', 'In progress', 'Complete']) lookups.addRow([v]);
    const ws = wb.addWorksheet('Action Plan');
    ws.addRow(['Ref', 'Action', 'Owner', 'Target date', 'Days to target', 'Status']);
    ws.addRow(['OD1', 'Launch the coaching network', 'OD Manager', 'March 2026', 40, 'In progress']);
    ws.addRow(['OD2', 'Refresh the appraisal guidance', 'HR Adviser', 'June 2026', 120, 'Not started']);
    ws.getColumn(5).hidden = true;
    ws.addRow([]);
    ws.addRow(['', 'Summary']);
    ws.addRow(['', 'Total actions: 2']);
    ws.addRow(['', 'Complete:', '', '', '', { formula: 'COUNTIF(F2:F3,"In progress")', result: 1 }]);
    ws.addRow(['', 'Percentage complete', '', '', '', 0]);
    ws.addRow(['', 'Signed off by: Jane Okafor, Director of People']);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'tracker.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.title, a.status])).toEqual([
      ['OD1', 'Launch the coaching network', 'on-track'],
      ['OD2', 'Refresh the appraisal guidance', 'not-started'],
    ]);
    expect(actions[0]!.extra ?? []).toEqual([]);
    expect(plan.sections.find((s) => s.title === 'Summary')?.body).toBe(
      ['Summary', 'Total actions: 2', 'Complete: | 1', 'Percentage complete | 0'].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'Sign-off')?.body).toBe(
      'Signed off by: Jane Okafor, Director of People',
    );
    expect(JSON.stringify(plan)).not.toContain('In progress\nComplete');
    expect(plan.warnings.map((w) => w.code)).not.toContain('formula-cell');
  });
});

describe('a plan pasted from an email, as a numbered list', () => {
  it('reads each item’s lead and deadline from its own text, across the lines the email wrapped', async () => {
    const text = [
      'From: Sarah Jones (HR Business Partner)',
      'Subject: Workforce Strategy action plan',
      '',
      'Hi all,',
      '',
      'Please find below the final action plan agreed at CMT yesterday.',
      '',
      'Workforce Strategy 2025-2028: Action Plan',
      '',
      '1. Recruitment',
      '1.1 Launch a new careers website – Lead: Head of HR – by March 2026',
      '1.2 Introduce values-based recruitment training for all hiring managers – Lead: Recruitment',
      'Manager – by December 2025',
      '',
      '2. Retention',
      '2.1 Introduce stay interviews for hard-to-fill roles (Lead: HR Business Partners, by June 2026)',
      '2.2 Launch a flexible working campaign – Lead: OD Manager – ongoing',
      '',
      'Any comments to me by Friday please.',
      'Thanks, Sarah',
    ].join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.title).toBe('Workforce Strategy 2025-2028: Action Plan');
    expect(
      plan.themes.map((t) => [
        t.ref,
        t.title,
        t.actions.map((a) => [a.ref, a.title, a.leads.map((l) => l.label).join('; '), a.due?.text]),
      ]),
    ).toEqual([
      [
        '1',
        'Recruitment',
        [
          ['1.1', 'Launch a new careers website', 'Head of HR', 'by March 2026'],
          [
            '1.2',
            'Introduce values-based recruitment training for all hiring managers',
            'Recruitment Manager',
            'by December 2025',
          ],
        ],
      ],
      [
        '2',
        'Retention',
        [
          ['2.1', 'Introduce stay interviews for hard-to-fill roles', 'HR Business Partners', 'by June 2026'],
          ['2.2', 'Launch a flexible working campaign', 'OD Manager', 'ongoing'],
        ],
      ],
    ]);
    // The email's sign-off is not part of the last action: kept aside beside it, with a note.
    const last = plan.themes[1]!.actions[1]!;
    expect(last.description).toBeUndefined();
    expect(last.unplaced).toEqual(['Any comments to me by Friday please.', 'Thanks, Sarah']);
  });
});

describe('a workbook whose plan is on a hidden sheet', () => {
  it('reads it when no sheet in view holds the plan, and says so', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const dash = wb.addWorksheet('Dashboard');
    dash.addRow(['Status', 'Count']);
    dash.addRow(['On track', { formula: 'COUNTIF(Data!D:D,"On track")', result: 1 }]);
    const data = wb.addWorksheet('Data');
    data.state = 'hidden';
    data.addRow(['Ref', 'Action', 'Lead', 'Status']);
    data.addRow(['1', 'Launch the apprenticeship scheme', 'Head of HR', 'On track']);
    data.addRow(['2', 'Review exit interviews', 'HR Manager', 'Not started']);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'tracker.xlsx' });
    expect(plan.themes.flatMap((t) => t.actions.map((a) => a.title))).toEqual([
      'Launch the apprenticeship scheme',
      'Review exit interviews',
    ]);
    expect(plan.warnings.find((w) => w.code === 'hidden-sheet-read')?.message).toContain('"Data"');
  });
});
