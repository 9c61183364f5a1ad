import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { renderHtml } from './html.js';
import { exportRows } from './rows.js';
import { summarise } from './summarise.js';

/** A report says leads and lateness in the app's words (core lead-words.ts and words.ts). */
describe('leads and lateness in a report, as the pages say them', () => {
  const { data, actions } = kentBusinessPlan();
  const a21 = data.actions.find((a) => a.id === actions.a21.id)!;
  a21.leads = [{ role: 'responsible', label: 'Sam Jones' }];
  const bare = data.actions.find((a) => a.id === actions.a12.id)!;
  bare.leads = [];
  const model = summarise(data);
  const html = renderHtml(model);
  // The row in a theme's table of actions (an exception row comes first: its own cells).
  const rowOf = (ref: string) =>
    [...html.matchAll(/<tr><th scope="row">(?:<span class="sub">)?([^<]*)<.*?<\/tr>/g)]
      .filter((m) => m[1] === ref)
      .at(-1)![0];

  it('calls an action’s lead a lead, not "Responsible", and says "None named" where there is none', () => {
    expect(html).not.toContain('Responsible');
    expect(rowOf(a21.ref)).toContain('<td>Sam Jones</td>');
    expect(rowOf(bare.ref)).toContain('<td>None named</td>');
    // The exports stay as data: the names alone, and an empty cell.
    expect(exportRows(model).find((r) => r.ref === a21.ref)?.leads).toBe('Sam Jones');
    expect(exportRows(model).find((r) => r.ref === bare.ref && r.type === 'Action')?.leads).toBe('');
  });

  it('says lateness as the dashboard does: years, not a thousand days', () => {
    // Judged at 30 September 2016: 3.4 was due on 31 August 2013.
    const late = summarise(kentBusinessPlan('mid-year:2016-17', '2016-10-20').data);
    const overdue = late.exceptions.map((e) => e.reasonText).filter((t) => t.includes('late'));
    expect(overdue.length).toBeGreaterThan(0);
    for (const t of overdue) expect(t).not.toMatch(/\d{3,} days late/);
    expect(overdue.join(' ')).toMatch(/\d+ years late/);
  });
});
