import type { SourceFormat } from './parsed-plan.js';

/**
 * Every reader turns its format into the same flat stream: paragraphs and table rows in document
 * order. `table` numbers the tables so that readers can say where a table ends.
 */
export type SourceItem =
  | { type: 'para'; text: string; line: number }
  | { type: 'row'; cells: string[]; table: number; line: number };

export interface SourceDocument {
  format: SourceFormat;
  items: SourceItem[];
  /** Cells that would run as formulas in a spreadsheet, with where they were. */
  formulaCells: { text: string; where: string }[];
}
