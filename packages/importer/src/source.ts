import type { ImportWarning, SourceFormat } from './parsed-plan.js';

/**
 * Every reader turns its format into the same flat stream: paragraphs and table rows in document
 * order. `table` numbers the tables so that readers can say where a table ends. Layout rules
 * (layouts/) add `heading` items for the group headings they find ("Objective one", "Goal 3") and
 * mark the header rows they built with `header`, so the rest of the importer reads every layout alike.
 */
export type SourceItem =
  | { type: 'para'; text: string; line: number; sheetRow?: SheetRow }
  | {
      type: 'heading';
      text: string;
      line: number;
      /** The heading as written, when `text` is its name alone ("Priority: Pay" named "Pay"). */
      label?: string;
    }
  | {
      type: 'row';
      cells: string[];
      /** Each cell's fill colour (RRGGBB) where it has one (readers/cell-colours.ts). */
      fills?: (string | undefined)[];
      table: number;
      line: number;
      sheetRow?: SheetRow;
      /** A header row a layout rule recognised by its shape: read with a lower bar for known names. */
      header?: boolean;
      /** The layout rule that built the row (layouts/), for the preview's mapping notes. */
      layout?: string;
      /** Dated steps the row lists as records of their own (a YAML plan's "milestones:"). */
      milestones?: RowMilestone[];
      /**
       * A workbook row's outline level (Excel's Group rows: 0 the sheet's top, 1 grouped once…), set
       * only on sheets that group rows: how deep the row sits in the plan (build/outline-rows.ts).
       */
      outline?: number;
      /**
       * Cells a merge from a row above covers, by column: Excel keeps a merged cell's text (and fill) in
       * its top row alone, the rows below it empty (build/merged-down.ts).
       */
      mergedDown?: { cells: string[]; fills: (string | undefined)[] };
      /**
       * Columns whose cell is a formula counting or adding up rows of its sheet (`=COUNTIF(F4:F18,…)`,
       * `=SUM(E:E)`): a total about the table, not an action's value (build/tally-rows.ts).
       */
      aggregates?: number[];
      /** Columns whose cell is struck through, every word (readers/struck-cells.ts): a dropped action's. */
      struck?: number[];
    };

/**
 * Where a spreadsheet row is, as Excel numbers it. An item's `line` counts through the whole workbook
 * (so it names one row even when sheets repeat row numbers); this is what a person can find.
 */
export interface SheetRow {
  sheet: string;
  row: number;
}

/** A milestone a row carries, as written: its date is read later with the plan's period. */
export interface RowMilestone {
  title: string;
  due?: string;
  completed?: boolean;
  line: number;
}

export interface SourceDocument {
  format: SourceFormat;
  items: SourceItem[];
  /** Cells that would run as formulas in a spreadsheet, with where they were. */
  formulaCells: { text: string; where: string }[];
  /** What the reader or a layout rule noticed (a commented-out block, a paragraph it could not split). */
  warnings?: ImportWarning[];
  /** A workbook's hidden sheets: left out, unless no sheet in view holds the plan. */
  hidden?: { items: SourceItem[]; sheets: string[]; warnings?: ImportWarning[] };
}

type Row = Extract<SourceItem, { type: 'row' }>;

/** Whether the row at `i` starts a table: the item before it is not a row of the same table. */
export function startsTable(items: readonly SourceItem[], i: number): boolean {
  const prev = items[i - 1];
  return prev?.type !== 'row' || prev.table !== (items[i] as Row).table;
}

/**
 * The rows of the table whose row is at `index`, from there on: at most `limit` and one more, so that a
 * caller can tell a table longer than it takes.
 */
export function tableRows(
  items: readonly SourceItem[],
  index: number,
  limit = Number.POSITIVE_INFINITY,
): Row[] {
  const first = items[index];
  const rows: Row[] = [];
  for (let i = index; i < items.length && rows.length <= limit; i++) {
    const it = items[i]!;
    if (it.type !== 'row' || first?.type !== 'row' || it.table !== first.table) break;
    rows.push(it);
  }
  return rows;
}
