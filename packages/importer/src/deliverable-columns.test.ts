import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A reconciliation action plan as agencies publish it: each numbered action a heading, then a small
 * table of its deliverables ("Deliverable | Timeline | Responsibility"). With no column named the
 * action's, the deliverable is the thing done, by whom and when (header-mapping.ts, readHeaderRow).
 */
const PLAN = `Governance

11: Keep an effective working group to steer the plan

| Deliverable | Timeline | Responsibility |
| Keep community representation on the working group. | July 2026 | Chair of the working group |
| Review the group's terms of reference. | September 2026 | Chair of the working group |

12: Support the plan's delivery

| Deliverable | Timeline | Responsibility |
| Work out the resources the plan needs. | August 2026 | Chief Operating Officer |
`;

describe('a table of deliverables with their timeline and responsibility', () => {
  it('reads each deliverable as an action under its numbered heading, with its lead and deadline', async () => {
    const p = await parsePlanFile(PLAN, { filename: 'rap.txt', planStart: '2026-04-01' });
    expect(
      p.themes.map((t) => [
        t.title,
        t.actions.map((a) => [a.title, a.leads.map((l) => l.label).join('; '), a.due?.text]),
      ]),
    ).toEqual([
      [
        'Keep an effective working group to steer the plan',
        [
          ['Keep community representation on the working group.', 'Chair of the working group', 'July 2026'],
          ["Review the group's terms of reference.", 'Chair of the working group', 'September 2026'],
        ],
      ],
      [
        "Support the plan's delivery",
        [['Work out the resources the plan needs.', 'Chief Operating Officer', 'August 2026']],
      ],
    ]);
  });

  it('reads the same from a web page, each numbered action a heading over its table', async () => {
    const row = (d: string, t: string, r: string) => `<tr><td>${d}</td><td>${t}</td><td>${r}</td></tr>`;
    const table = (rows: string) =>
      `<table><tr><th>Deliverable</th><th>Timeline</th><th>Responsibility</th></tr>${rows}</table>`;
    const html = `<html><body><h1>Reconciliation Action Plan</h1>
      <h3>13: Report on what we achieve</h3>${table(row('Send the yearly impact survey.', '30 September 2026', 'General Manager People') + row('Share the survey results with staff.', 'November 2026', 'Communications Lead'))}
      <h3>14: Keep the plan current</h3>${table(row('Refresh the plan before it ends.', 'March 2027', 'Chair of the working group'))}
      </body></html>`;
    const p = await parsePlanFile(Buffer.from(html), { filename: 'rap.html', planStart: '2026-04-01' });
    expect(p.themes.map((t) => [t.ref, t.title, t.actions.map((a) => [a.title, a.due?.text])])).toEqual([
      [
        '13',
        'Report on what we achieve',
        [
          ['Send the yearly impact survey.', '30 September 2026'],
          ['Share the survey results with staff.', 'November 2026'],
        ],
      ],
      ['14', 'Keep the plan current', [['Refresh the plan before it ends.', 'March 2027']]],
    ]);
  });

  it('keeps a deliverables column as the outcome where the table names its actions', async () => {
    const csv =
      'Action,Deliverable,Timeline,Responsibility\nRun a staff survey,Survey report,July 2026,Head of HR\n';
    const p = await parsePlanFile(csv, { filename: 'plan.csv', planStart: '2026-04-01' });
    expect(p.themes.flatMap((t) => t.actions).map((a) => a.title)).toEqual(['Run a staff survey']);
  });
});
