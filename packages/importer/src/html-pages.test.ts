import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A web page (a committee report, Word's or Writer's "Save as Web Page") is read as a Word document
 * is, through the same HTML walk (readers/word-html.ts): its tables, headings and lists; the page's
 * scripts, styles and navigation left out (README, "Import your plan").
 */

const COMMITTEE_PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
  '<title>Agenda item - Workforce Action Plan | Thornbury District Council</title>',
  '<style>td p { margin: 0 }</style><script>var item = "Action Lead Deadline";</script></head><body>',
  '<a class="skip-link" href="#c">Skip to main content</a>',
  '<header id="banner"><div>Thornbury District Council</div><nav><ul><li><a href="/">Home</a></li>',
  '<li><a href="/c">Committees</a></li></ul></nav></header>',
  '<div id="mgBreadCrumbs"><ul class="breadcrumb"><li>Home</li><li>Agenda item</li></ul></div>',
  '<main id="c"><h1>Agenda item &ndash; Workforce Action Plan 2026/27</h1>',
  '<p>Meeting of Employment &amp; Appeals Committee, Tuesday 14 July 2026</p>',
  '<div class="mgSectionTitle">Purpose of report</div>',
  '<p>To present the Council&rsquo;s workforce action plan.</p>',
  '<h2>Action plan</h2>',
  '<table><thead><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Deadline</th><th>RAG</th></tr></thead><tbody>',
  '<tr><td>1.1</td><td><p>Launch a careers website</p><p>Include social work &amp; planning</p></td>',
  '<td>Head of HR<br>Head of Communications</td><td>October 2026</td><td>Green</td></tr>',
  '<tr><td>1.2</td><td>Introduce a market supplement policy</td><td>Head of Finance</td><td>31/03/2027</td><td>Amber</td></tr>',
  '<tr><td>1.3</td><td>Run a leadership programme</td><td>OD Manager</td><td>March 2027</td><td>Red</td></tr>',
  '</tbody></table><p>Background papers: none.</p></main>',
  '<footer><ul><li><a href="/a">Accessibility</a></li></ul><p>&copy; Thornbury District Council</p></footer>',
  '</body></html>',
].join('\n');

const actionsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) => plan.themes.flatMap((t) => t.actions);

describe('a web page', () => {
  it("reads a committee report's action plan table, leaving the page's furniture out", async () => {
    for (const name of ['item.html', 'item.htm', undefined]) {
      const plan = await parsePlanFile(Buffer.from(COMMITTEE_PAGE), name ? { filename: name } : {});
      expect(plan.format).toBe('html');
      const actions = actionsOf(plan);
      expect(actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3']);
      expect(actions[0]!.title).toMatch(/^Launch a careers website/);
      expect(actions[0]!.title).toContain('social work & planning');
      // A line break in a cell is a new line, as the browser shows it: two leads.
      expect(actions[0]!.leads.map((l) => l.label)).toEqual(['Head of HR', 'Head of Communications']);
      expect(actions.map((a) => a.status)).toEqual(['on-track', 'at-risk', 'off-track']);
      expect(actions[1]!.due?.due).toBe('2027-03-31');
      const all = JSON.stringify(plan);
      for (const furniture of ['Skip to main content', 'Committees', 'Accessibility', 'var item', 'margin'])
        expect(all, furniture).not.toContain(furniture);
    }
  });

  it('decodes the charset its meta tag names, or its byte order mark', async () => {
    const page = (meta: string, dash: number[]) =>
      Buffer.concat([
        Buffer.from(
          `<html><head>${meta}</head><body><table><tr><th>Action</th><th>Lead</th></tr><tr><td>Pay review `,
        ),
        Buffer.from(dash),
        Buffer.from(' phase 1</td><td>Head of HR</td></tr></table></body></html>'),
      ]);
    const w1252 = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', [0x96]);
    expect(actionsOf(await parsePlanFile(w1252, { filename: 'p.htm' }))[0]!.title).toBe(
      'Pay review – phase 1',
    );
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page('', [0xe2, 0x80, 0x93])]);
    expect(actionsOf(await parsePlanFile(bom, { filename: 'p.html' }))[0]!.title).toBe(
      'Pay review – phase 1',
    );
  });

  it('reads headings with lists under them as a Word document is read', async () => {
    const page = [
      '<html><body><h2>Theme 1: Recruitment</h2><ul>',
      '<li>Launch a careers website &ndash; Lead: Head of HR &ndash; by March 2027</li>',
      '<li>Review the pay policy &ndash; Lead: Head of Finance &ndash; by June 2027</li></ul>',
      '<h2>Theme 2: Retention</h2><ul>',
      '<li>Run stay interviews &ndash; Lead: OD Manager &ndash; by December 2026</li></ul></body></html>',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(page), { filename: 'plan.html' });
    expect(plan.themes.map((t) => t.actions.length)).toEqual([2, 1]);
    expect(plan.themes[0]!.actions[0]!.leads.map((l) => l.label)).toEqual(['Head of HR']);
  });
  it('reads Word\'s "Save as Web Page": its list paragraphs as a list, its conditional markers left out', async () => {
    const item = (level: number, marker: string, words: string) =>
      `<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level${level} lfo1'><![if !supportLists]>` +
      `<span style='font-family:Symbol'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>` +
      `<![endif]>${words}</p>`;
    const page = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>',
      '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">',
      '<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>HR</o:Author></o:DocumentProperties></xml><![endif]-->',
      '</head><body lang=EN-GB><div class=WordSection1>',
      '<h1>People Plan 2026/27</h1><h2>Theme 1: Recruitment</h2>',
      item(1, '·', 'Launch a careers website &#8211; Lead: Head of HR &#8211; by March 2027'),
      item(1, '·', 'Review the pay policy &#8211; Lead: Head of Finance &#8211; by June 2027'),
      '</div></body></html>',
    ].join('\n');
    // UTF-8 bytes under a windows-1252 tag (a page re-saved by an editor) are read as UTF-8.
    const plan = await parsePlanFile(Buffer.from(page.replace('People Plan', 'People Plan – draft')), {
      filename: 'plan.htm',
    });
    expect(plan.title).toBe('People Plan – draft 2026/27');
    expect(plan.themes[0]!.actions.map((a) => [a.title, a.leads.map((l) => l.label)])).toEqual([
      ['Launch a careers website', ['Head of HR']],
      ['Review the pay policy', ['Head of Finance']],
    ]);
    expect(JSON.stringify(plan)).not.toMatch(/supportLists|endif|Author/);
  });
});
