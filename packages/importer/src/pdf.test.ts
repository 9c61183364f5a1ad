import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_PDF_PAGES, parsePlanFile } from './index.js';

/** PDFs made from Word by LibreOffice (test/fixtures/pdf/make-pdfs.ts; one-line-rows.pdf the same way). */
const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/pdf/${name}`, import.meta.url));

describe('PDF import', () => {
  it('rebuilds an Investors in People table from text positions: areas, actions, leads, dates', async () => {
    const plan = await parsePlanFile(fixture('iip-plan.pdf'), {
      filename: 'iip.pdf',
      planStart: '2014-04-01',
    });
    expect(plan.format).toBe('pdf');
    expect(plan.kind).toBe('iip-assessment');
    expect(plan.title).toBe('Investors in People Action Plan 2014-15');
    expect(plan.themes.map((t) => [t.ref, t.title])).toEqual([
      ['1', 'Managers do not hold regular appraisals'],
      ['2', 'Induction is patchy across services'],
    ]);
    const [a, b] = plan.themes[0]!.actions;
    expect(a).toMatchObject({
      ref: '1.1',
      title: 'Train all managers in appraisal',
      leads: [{ label: 'HR/OD Manager' }],
      due: { text: 'March 2015', due: '2015-03-31' },
      constraints: 'Budget',
      measureOfSuccess: 'All staff appraised',
    });
    // A column too narrow for a word broke it over two lines: "Team/Corpo" + "rate".
    expect(b!.leads.map((l) => l.label)).toEqual(['L&D Team', 'Corporate Communications']);
    expect(plan.themes[1]!.actions[0]!.due).toMatchObject({ kind: 'relative', due: '2014-10-01' });
  });

  it("starts a row where most rows are one line high, so the usual gap is a row's, not a wrapped line's", async () => {
    // one-line-rows.pdf: a Word table (Ref | Action | Lead officer | Target date | RAG | Progress) with a
    // theme row across it, exported by LibreOffice; four of its six rows are one line high.
    const plan = await parsePlanFile(fixture('one-line-rows.pdf'), { filename: 'plan.pdf' });
    expect(plan.themes.map((t) => [t.ref, t.title])).toEqual([['1', 'Recruitment and Retention']]);
    const actions = plan.themes[0]!.actions;
    expect(actions.map((a) => [a.ref, a.leads.map((l) => l.label), a.due?.text, a.status])).toEqual([
      ['1.1', ['Head of HR and OD'], '30/09/2026', 'at-risk'],
      ['1.2', ["Director of Children's Services"], '31/07/2026', 'on-track'],
      ['1.3', ['Recruitment Manager'], '31/03/2027', 'at-risk'],
      ['1.4', ['HR Business Partners'], '31/05/2026', 'on-track'],
      ['1.5', ['Head of Procurement'], '30/11/2026', 'off-track'],
      ['1.6', ['Recruitment Manager'], '30/06/2026', 'on-track'],
    ]);
    // Wrapped cells still join: three lines of an action, two of a progress note.
    expect(actions[0]!.title).toBe(
      'Develop and launch an Employee Value Proposition and refreshed careers pages, including testimonials from apprentices, social workers and refuse crews',
    );
    expect(actions[3]!.progress).toBe('Exit survey live; stay interviews piloted in Waste.');
    expect(actions[2]!.title).toBe('Reduce time to hire from 62 to 45 days');
  });

  it("keeps cells' next paragraphs on one line with the row they belong to; a row with no ref is its own", async () => {
    // cell-paragraphs.pdf: a Word table (Ref | Action | Lead | Deadline | Progress) exported by
    // LibreOffice, as one-line-rows.pdf. Action 1's Lead is "Head of HR⏎OD Manager" and its Progress
    // "Adverts out.⏎Twelve appointed.", their second paragraphs on one line with nothing in the Ref
    // column; "Consult the unions", one line with no ref, is a row of its own below action 2's one line.
    const plan = await parsePlanFile(fixture('cell-paragraphs.pdf'), { filename: 'plan.pdf' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.title, a.leads.map((l) => l.label), a.due?.text])).toEqual([
      ['Recruit apprentices', ['Head of HR', 'OD Manager'], 'March 2026'],
      ['Review pay policy', ['HR Manager'], 'June 2026'],
      ['Consult the unions', ['HR Manager'], 'July 2026'],
      ['Launch mentoring', ['Head of OD', 'L&D Team'], 'June 2026'],
    ]);
    expect(actions.flatMap((a) => a.subActions)).toEqual([]);
    expect(actions[0]!.progress).toMatch(/^Adverts out\.\s+Twelve appointed\.$/);
  });

  it('refuses a scanned PDF (no text layer) with a message saying so', async () => {
    const err = await parsePlanFile(fixture('scanned.pdf')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('empty');
    expect((err as ImportError).message).toMatch(/no text layer.*scanned/);
  });
  it('refuses a PDF of more pages than a plan has, before reading any (a small file can hold thousands)', async () => {
    const err = await parsePlanFile(emptyPagesPdf(MAX_PDF_PAGES + 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('too-large');
    expect((err as ImportError).message).toMatch(
      `has ${MAX_PDF_PAGES + 1} pages; the limit is ${MAX_PDF_PAGES}`,
    );
  });
});

/** A valid PDF of `n` empty pages (objects 1 and 2 the catalogue and page tree, then one per page). */
function emptyPagesPdf(n: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${n} /Kids [${Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`,
    ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
