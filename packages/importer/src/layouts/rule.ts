import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import type { Line } from './lines.js';

/** What layout rules share while reading one document. */
export interface LayoutContext {
  /** Lead labels known so far (lower case): the directory's, and those the document showed alone in a cell. */
  known: Set<string>;
}

export interface LayoutMatch {
  items: SourceItem[];
  /** Index of the first line the rule did not read. */
  next: number;
  warnings?: ImportWarning[];
}

/**
 * A rule reads one layout councils' text comes in (a pipe table, one cell per line, a numbered list)
 * starting at line `i`, or answers undefined when the text there is not in its layout.
 */
export interface LayoutRule {
  name: string;
  read(lines: Line[], i: number, ctx: LayoutContext): LayoutMatch | undefined;
}

export const row = (cells: string[], line: number, layout: string, header = false): SourceItem => ({
  type: 'row',
  cells,
  table: 0,
  line,
  layout,
  ...(header ? { header: true } : {}),
});
