import { looksLikeFormula } from '../cells.js';
import { readLayouts } from '../layouts/index.js';
import { toLines } from '../layouts/lines.js';
import type { SourceDocument } from '../source.js';
import { readYamlPlan } from './yaml-plan.js';

/**
 * Pasted or extracted text: the layout rules (layouts/) find the tables, lists and headings in it;
 * every other line is a paragraph.
 */
export function readText(text: string): SourceDocument {
  const { items, warnings } = readYamlPlan(text) ?? readLayouts(toLines(text));
  const formulaCells: SourceDocument['formulaCells'] = [];
  for (const it of items) {
    if (it.type !== 'row') continue;
    it.cells.forEach((c, col) => {
      if (looksLikeFormula(c)) formulaCells.push({ text: c, where: `line ${it.line} column ${col + 1}` });
    });
  }
  return { format: 'text', items, formulaCells, warnings };
}
