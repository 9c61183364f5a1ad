import { createHash } from 'node:crypto';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan, SCRIPT_NARRATIVE } from '../testing/fixtures.js';
import { STYLE_CSP_SOURCE } from './html/style.js';
import { esc, renderHtml } from './html.js';
import { summarise } from './summarise.js';

describe('renderHtml', () => {
  const { data } = kentBusinessPlan();
  const html = renderHtml(summarise(data));
  const root = parse(html);

  it('declares the language and title', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    expect(root.querySelector('title')?.text).toBe(
      'Divisional Business Plan 2013-14: progress report, Mid-year 2013-14',
    );
  });

  it('has one inline style, the one the web app’s policy allows by its hash (opened as a blob: page)', () => {
    const styles = root.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!.innerHTML).digest('base64');
    expect(STYLE_CSP_SOURCE).toBe(`'sha256-${hash}'`);
    expect(root.querySelectorAll('script')).toHaveLength(0);
  });

  it('has one h1, sections under h2 and a h3 per priority', () => {
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelectorAll('h2').map((h) => h.text)).toEqual([
      'Summary',
      'Exceptions',
      'Progress by priority',
      'Performance indicators',
      'Risks',
    ]);
    expect(root.querySelectorAll('h3').map((h) => h.text)).toEqual([
      'Priority 1: Prevention',
      'Priority 2: Productivity',
    ]);
  });

  it('calls the groups by the plan’s own word: capitalised in headings, acronyms kept in sentences', () => {
    const typed = (themeNoun: string) =>
      parse(renderHtml(summarise({ ...data, plan: { ...data.plan, themeNoun } })));
    const lower = typed('outcome');
    expect(lower.querySelectorAll('h3').map((h) => h.text)).toEqual([
      'Outcome 1: Prevention',
      'Outcome 2: Productivity',
    ]);
    expect(lower.querySelectorAll('h2').map((h) => h.text)).toContain('Progress by outcome');
    expect(
      typed('HR priority')
        .querySelectorAll('h2')
        .map((h) => h.text),
    ).toContain('Progress by HR priority');
  });

  it('gives every table a caption and scoped header cells', () => {
    const tables = root.querySelectorAll('table');
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables) {
      expect(t.querySelector('caption')?.text.trim()).not.toBe('');
      const heads = t.querySelectorAll('thead th');
      expect(heads.length).toBeGreaterThan(1);
      for (const th of heads) expect(th.getAttribute('scope')).toBe('col');
      for (const row of t.querySelectorAll('tbody tr'))
        expect(row.querySelector('th')?.getAttribute('scope')).toBe('row');
    }
  });

  it('lists the exceptions with status in words', () => {
    const table = root
      .querySelectorAll('table')
      .find((t) => t.querySelector('caption')?.text.startsWith('Exceptions'))!;
    const rows = table.querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('th')!.text)).toEqual([
      '2.1',
      '3.4',
      'C (5.2)',
      'E (3.1)',
      '3.3',
      '1.1',
    ]);
    expect(rows[0]!.querySelector('.rag')!.text).toBe('Off track (Red)');
    expect(rows[0]!.querySelector('.rag')!.classList.contains('rag-red')).toBe(true);
  });

  it('escapes user text: a script in a narrative arrives as text', () => {
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toContain('<script>');
    expect(html).toContain(esc(SCRIPT_NARRATIVE));
    expect(root.querySelector('main')!.text).toContain(SCRIPT_NARRATIVE);
  });

  it('escapes every field, not just narratives', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const { data: d } = kentBusinessPlan();
    d.plan.title = evil;
    d.council.name = evil;
    d.themes[0]!.title = evil;
    d.actions[1]!.title = evil;
    d.actions[1]!.leads = [{ role: 'accountable', label: evil }];
    d.risks[0]!.description = evil;
    const out = parse(renderHtml(summarise(d)));
    expect(out.querySelectorAll('img')).toHaveLength(0);
    expect(out.querySelector('main')!.text.split(evil).length).toBeGreaterThan(5);
  });

  it('carries a print stylesheet: A4 and a page break before each priority', () => {
    const css = root.querySelector('style')!.text;
    expect(css).toMatch(/@page\{size:A4/);
    expect(css).toMatch(/@media print\{[\s\S]*#progress,section\.theme\+section\.theme\{break-before:page\}/);
    expect(root.querySelectorAll('section.theme')).toHaveLength(2);
  });

  it('heads a row with its title when the action has no ref: no empty row header', () => {
    const [first, ...rest] = data.actions;
    const noRef = { ...data, actions: [{ ...first!, ref: '' }, ...rest] };
    const headers = parse(renderHtml(summarise(noRef))).querySelectorAll('th[scope="row"]');
    expect(headers.filter((h) => h.text.trim() === '')).toEqual([]);
    expect(headers.map((h) => h.text)).toContain(first!.title);
  });
});
