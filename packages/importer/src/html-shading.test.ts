import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A committee paper published as a web page (Word's "Save as Web Page", as ModernGov serves appendices):
 * its RAG column is rated by the cells' shading alone, written as CSS (`background:#00B050`,
 * `background-color: rgb(…)`) or the old `bgcolor`. Read as a Word table's shading is.
 */
describe('web page table cells rated by shading', () => {
  it('reads an empty shaded RAG cell as its colour', async () => {
    const buf = readFileSync(new URL('../test/fixtures/shaded-rag.htm', import.meta.url));
    const plan = await parsePlanFile(buf, { filename: 'shaded-rag.htm', planStart: '2026-04-01' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.status])).toEqual([
      ['A1', 'on-track'],
      ['A2', 'at-risk'],
      ['A3', 'off-track'],
      ['A4', 'completed'],
    ]);
  });
});
