import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../../testing/fixtures.js';
import { renderDocx } from '../docx.js';
import { renderHtml } from '../html.js';
import { summarise } from '../summarise.js';

/** An action's latest update, once in the exceptions however many of its milestones are overdue. */
describe('exceptions: each action’s update printed once', () => {
  const { data, actions } = kentBusinessPlan();
  const a12 = actions.a12;
  const long = `Recruitment campaign ran across three job boards. ${'Appointed nine. '.repeat(300)}`.trim();
  data.updates.push({
    id: 'long',
    actionId: a12.id,
    at: '2013-09-20T10:00:00+01:00',
    authorName: 'Paul Royel',
    narrative: long,
    status: 'on-track',
  });
  const overdue = (ref: string) => ({
    id: `m-${ref}`,
    actionId: a12.id,
    ref,
    title: `Milestone ${ref}`,
    status: 'on-track' as const,
    due: { text: 'July 2013', kind: 'date' as const, due: '2013-07-31', precision: 'month' as const },
  });
  data.milestones.push(overdue('X'), overdue('Y'), overdue('Z'));
  const model = summarise(data);
  const rows = model.exceptions.filter((e) => e.item.kind === 'milestone' && e.item.actionId === a12.id);

  it('shows it on the first of the action’s rows, and the others say where to read it', () => {
    expect(rows.map((e) => e.item.ref)).toEqual(['X', 'Y', 'Z']);
    expect(rows.map((e) => e.latestNote)).toEqual([
      undefined,
      `See action ${a12.ref}`,
      `See action ${a12.ref}`,
    ]);
  });

  it('prints the long update once in the Word and web exceptions', async () => {
    const html = renderHtml(model);
    const exceptions = html.slice(
      html.indexOf('id="exceptions"'),
      html.indexOf('</section>', html.indexOf('id="exceptions"')),
    );
    expect(exceptions.split(long.slice(0, 200)).length - 1).toBe(1);
    expect(exceptions).toContain(`<td>See action ${a12.ref}</td>`);
    const xml = await (await JSZip.loadAsync(await renderDocx(model)))
      .file('word/document.xml')!
      .async('string');
    // Once in the exceptions, once in the action's own row of its theme's table.
    expect(xml.split('Recruitment campaign ran across three job boards').length - 1).toBe(2);
  });
});
