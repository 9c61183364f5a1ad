import { looksLikeFormula } from '../cells.js';
import type { SourceDocument, SourceItem } from '../source.js';

/**
 * Text pasted from Word: a line with tabs is a table row, any other line a paragraph. Blank lines
 * inside a run of rows (Word's page breaks) do not end the table; a paragraph does.
 */
export function readText(text: string): SourceDocument {
  const items: SourceItem[] = [];
  const formulaCells: SourceDocument['formulaCells'] = [];
  let table = -1;
  let inTable = false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (line.includes('\t')) {
      if (!inTable) table++;
      inTable = true;
      const cells = line.split('\t');
      cells.forEach((c, col) => {
        if (looksLikeFormula(c)) formulaCells.push({ text: c, where: `line ${i + 1} column ${col + 1}` });
      });
      items.push({ type: 'row', cells, table, line: i + 1 });
    } else {
      inTable = false;
      items.push({ type: 'para', text: line, line: i + 1 });
    }
  });
  return { format: 'text', items, formulaCells };
}
