import JSZip from 'jszip';
import mammoth from 'mammoth';
import { type HTMLElement, parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { eastHertsPeerReview, kentBusinessPlan, SCRIPT_NARRATIVE } from '../testing/fixtures.js';
import { renderDocx } from './docx.js';
import { summarise } from './summarise.js';

/** The table that follows a heading (mammoth renders Word headings as h1/h2 and tables as tables). */
function tableAfter(root: HTMLElement, headingText: string): HTMLElement {
  const heading = root.querySelectorAll('h1, h2').find((h) => h.text.trim() === headingText);
  if (!heading) throw new Error(`no heading ${headingText}`);
  let el = heading.nextElementSibling;
  while (el && el.tagName !== 'TABLE') el = el.nextElementSibling;
  if (!el) throw new Error(`no table after ${headingText}`);
  return el;
}
const cells = (row: HTMLElement) => row.querySelectorAll('th, td').map((c) => c.text.trim());

describe('renderDocx: Kent business plan', () => {
  const model = summarise(kentBusinessPlan().data);
  let buffer: Buffer;
  let html: HTMLElement;
  let text: string;

  beforeAll(async () => {
    buffer = await renderDocx(model);
    html = parse((await mammoth.convertToHtml({ buffer })).value);
    text = (await mammoth.extractRawText({ buffer })).value;
  });

  it('uses real Heading 1 and Heading 2 styles for sections and priorities', () => {
    expect(html.querySelectorAll('h1').map((h) => h.text)).toEqual([
      'Summary',
      'Exceptions',
      'Progress by priority',
      'Performance indicators',
      'Risks',
    ]);
    expect(html.querySelectorAll('h2').map((h) => h.text)).toEqual([
      'Priority 1: Prevention',
      'Priority 2: Productivity',
    ]);
  });

  it('opens with the title, council, plan and period', () => {
    expect(text).toContain('Divisional Business Plan 2013-14: progress report, Mid-year 2013-14');
    expect(text).toContain('Council: Kent County Council');
    expect(text).toContain('Reporting period: Mid-year 2013-14, 1 Apr 2013 to 30 Sep 2013');
  });

  it('has an exceptions table with a repeating header row and one row per exception, worst first', () => {
    const table = tableAfter(html, 'Exceptions');
    const head = table.querySelectorAll('thead tr');
    expect(head).toHaveLength(1);
    expect(cells(head[0]!)).toEqual([
      'Ref',
      'Item',
      'Priority',
      'Exception',
      'Lead',
      'Status',
      'Latest update',
    ]);
    const rows = table.querySelectorAll('tbody tr').map(cells);
    expect(rows).toHaveLength(model.exceptions.length);
    expect(rows.map((r) => r[0])).toEqual(['2.1', '3.4', 'C (5.2)', 'E (3.1)', '3.3', '1.1']);
    expect(rows[0]![5]).toBe('Off track (Red)');
    expect(rows[0]![6]).toContain(SCRIPT_NARRATIVE);
    // As the dashboard says it (core latenessWords): weeks, not 30 days.
    expect(rows[1]![3]).toBe('Overdue: due 31 Aug 2013, 4 weeks late');
    expect(rows[1]![5]).toBe('On track (Red)');
  });

  it('writes the summary counts and direction of travel', () => {
    const status = tableAfter(html, 'Summary').querySelectorAll('tbody tr').map(cells);
    expect(status).toContainEqual(['On track', '12']);
    expect(status).toContainEqual(['Off track', '1']);
    const travel = html.querySelectorAll('table')[1]!;
    expect(cells(travel.querySelector('thead tr')!)).toEqual([
      'Improved',
      'No change',
      'Worse',
      'New this period',
    ]);
    expect(cells(travel.querySelector('tbody tr')!)).toEqual(['2', '6', '6', '2']);
  });

  it('gives every priority a table of its actions, status in words with the RAG word', () => {
    const p1 = tableAfter(html, 'Priority 1: Prevention');
    expect(p1.querySelectorAll('thead tr')).toHaveLength(1);
    const rows = p1.querySelectorAll('tbody tr').map(cells);
    expect(rows).toHaveLength(12);
    const r23 = rows.find((r) => r[0]!.trim() === '2.3')!;
    expect(r23[4]).toBe('At risk (Amber)');
    expect(r23[5]).toBe('Improved (was red)');
  });

  it('marks every table’s first row as a repeating header and sets language and title metadata', async () => {
    const zip = await JSZip.loadAsync(buffer);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const tables = documentXml.match(/<w:tbl>/g)!.length;
    expect(documentXml.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g)).toHaveLength(tables);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(
      '<dc:title>Divisional Business Plan 2013-14: progress report, Mid-year 2013-14</dc:title>',
    );
  });
});

describe('renderDocx: East Herts peer review', () => {
  it('writes member, strategic and operational leads and headings as the plan names them', async () => {
    const buffer = await renderDocx(summarise(eastHertsPeerReview().data));
    const html = parse((await mammoth.convertToHtml({ buffer })).value);
    expect(html.querySelectorAll('h2').map((h) => h.text)).toEqual([
      'Leadership',
      'Strategy',
      'Delivery',
      'Operational Results',
      'Learning',
    ]);
    expect(html.querySelectorAll('h1').map((h) => h.text)).toEqual([
      'Summary',
      'Exceptions',
      'Progress by heading',
    ]);
    const leadership = tableAfter(html, 'Leadership').querySelectorAll('tbody tr').map(cells);
    expect(leadership[0]![2]).toBe(
      'Member lead: Cllr Jackson; Strategic lead: Anne Freimanis; Operational lead: All Directors and Heads of',
    );
    const exceptions = tableAfter(html, 'Exceptions').querySelectorAll('tbody tr').map(cells);
    expect(exceptions.map((r) => r[0])).toEqual(['D1', 'LN2', 'D2']);
  });
});
