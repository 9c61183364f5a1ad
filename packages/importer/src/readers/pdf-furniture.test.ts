import { describe, expect, it } from 'vitest';
import { type PageLine, pageFurniture } from './pdf-furniture.js';

/** A line of a page: its height on the page (y, from the foot), and its cells' words. */
const line = (page: number, y: number, ...cells: string[]): PageLine => ({
  page,
  y,
  height: 10,
  chunks: cells.map((text) => ({ text })),
});
const left = (lines: PageLine[]) => {
  const { furniture } = pageFurniture(lines);
  return lines.filter((l) => !furniture.has(l)).map((l) => l.chunks.map((c) => c.text).join(' | '));
};

describe("a PDF's running header and footer", () => {
  it('are the words at the same height at the top or bottom of every page, page numbers aside', () => {
    const pages = [1, 2].flatMap((p) => [
      line(p, 550, 'Thornbury Vale DC – Workforce Plan'),
      // A heading atop each page, numbered as the pages are: the plan's.
      line(p, 500, `Objective ${p}`),
      // The same words at the same height on both pages, but amid the page's body: the plan's.
      line(p, 300, 'Head of HR'),
      line(p, 250, `The rest of objective ${p}`),
      line(p, 49, `Page ${p} of 2`),
    ]);
    expect(left(pages)).toEqual([
      'Objective 1',
      'Head of HR',
      'The rest of objective 1',
      'Objective 2',
      'Head of HR',
      'The rest of objective 2',
    ]);
  });

  it('leave the header row a table repeats on each page to the table', () => {
    const pages = [1, 2].flatMap((p) => [
      line(p, 550, 'Ref', 'Action', 'Lead', 'Deadline'),
      line(p, 530, `${p}.1`, `Action ${p}`, 'Head of HR', 'March 2027'),
    ]);
    expect(left(pages)).toHaveLength(4);
  });

  it('include a page number or protective marking alone at a page’s edge, on one page only', () => {
    const page = [
      line(1, 550, 'OFFICIAL'),
      line(1, 520, 'People Plan 2026-2028'),
      line(1, 400, 'Page 3 is about pay'),
      line(1, 49, 'Page 1'),
    ];
    expect(left(page)).toEqual(['People Plan 2026-2028', 'Page 3 is about pay']);
  });

  it('include, at a page break, the rest of a header that differs on the first page', () => {
    const lines = [
      line(1, 550, 'OFFICIAL'),
      line(1, 500, 'People Plan 2026-2028'),
      line(1, 300, 'The end of page 1'),
      line(2, 550, 'OFFICIAL'),
      // Close under the marking, in text of its size: the rest of page 2's header.
      line(2, 538.5, 'Thornbury Vale DC – Workforce Plan'),
      line(2, 500, 'The start of page 2'),
    ];
    expect(left(lines)).toEqual(['People Plan 2026-2028', 'The end of page 1', 'The start of page 2']);
  });

  it("keep the first page's header when a table starts straight under it: the only cover there is", () => {
    const lines = [1, 2].flatMap((p) => [
      line(p, 550, 'OFFICIAL'),
      line(p, 538.5, 'Workforce Strategy Action Plan 2026-2028'),
      line(p, 500, 'Ref', 'Action', 'Lead', 'Deadline'),
      line(p, 480, `${p}.1`, `Action ${p}`, 'Head of HR', 'March 2027'),
    ]);
    expect(left(lines)[0]).toBe('Workforce Strategy Action Plan 2026-2028');
    expect(left(lines)).not.toContain('OFFICIAL');
    expect(left(lines).filter((t) => t.startsWith('Workforce'))).toHaveLength(1);
  });

  it('are named in one note, each once', () => {
    const pages = [1, 2, 3].flatMap((p) => [
      line(p, 550, 'OFFICIAL'),
      line(p, 500, `Action ${p}.1`),
      line(p, 49, `Page ${p} of 3`),
    ]);
    const { warnings } = pageFurniture(pages);
    expect(warnings).toEqual([
      {
        code: 'page-furniture',
        message: expect.stringContaining('"OFFICIAL", "Page 1 of 3".'),
        where: 'pages 1–3',
      },
    ]);
  });
});
