import { parse } from 'csv-parse/sync';
import { looksLikeFormula } from '../cells.js';
import type { SourceDocument } from '../source.js';

/** Picks the delimiter that splits the first lines most consistently. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const sample = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: ',' | ';' | '\t' = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t'] as const) {
    const counts = sample.map((l) => l.split(d).length - 1);
    const nonZero = counts.filter((c) => c > 0).length;
    if (nonZero > bestScore) {
      best = d;
      bestScore = nonZero;
    }
  }
  return best;
}

export function parseCsvRows(text: string, delimiter = sniffDelimiter(text)): string[][] {
  return parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
}

export function readCsv(text: string, delimiter?: ',' | ';' | '\t'): SourceDocument {
  const rows = parseCsvRows(text, delimiter);
  const formulaCells: SourceDocument['formulaCells'] = [];
  const items: SourceDocument['items'] = [];
  // Lines of one cell above the table are its title and notes ("Workforce Plan 2026/27"), as a sheet's
  // title rows are: the plan's title and period come from them. Below, a lone cell is a row (a group's).
  // A file of one column (a list of actions) has no title lines: every line is a row.
  let tableStarted = !rows.some((cells) => cells.filter((c) => c.trim() !== '').length > 1);
  rows.forEach((cells, i) => {
    cells.forEach((c, col) => {
      if (looksLikeFormula(c)) formulaCells.push({ text: c, where: `row ${i + 1} column ${col + 1}` });
    });
    const filled = cells.filter((c) => c.trim() !== '');
    if (filled.length === 0) return;
    tableStarted ||= filled.length > 1;
    if (!tableStarted) items.push({ type: 'para', text: filled[0]!.trim(), line: i + 1 });
    else items.push({ type: 'row', cells, table: 0, line: i + 1 });
  });
  return { format: 'csv', items, formulaCells };
}
