import type { ReactNode } from 'react';

/**
 * One column of a table's head: its words, or an object for the variants our tables use. False, null
 * or undefined leave the column out, so a conditional column can be written inline.
 */
type HeadColumn = string | HeadCell | false | null | undefined;

interface HeadCell {
  label: ReactNode;
  /** Heard only by screen readers: a column of buttons still needs a name, but not a visible one. */
  hidden?: boolean;
  /** Right-aligned, over figures. */
  numeric?: boolean;
  /** Further classes, after GOV.UK's: widths (`app-col-text`), `app-no-print`. */
  className?: string;
}

/**
 * A GOV.UK table's head: one row of column headers, each `scope="col"`. Written once so every table
 * gives screen readers and axe the same markup. Heads that differ (two rows, spanning cells) are not
 * for this; write those out.
 */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((col, i) => {
          if (col === false || col == null) return null;
          const { label, hidden, numeric, className }: HeadCell =
            typeof col === 'string' ? { label: col } : col;
          const classes = ['govuk-table__header', numeric && 'govuk-table__header--numeric', className];
          return (
            // The position, counting left-out columns, is stable for a table, and header cells hold no state.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <th key={i} scope="col" className={classes.filter(Boolean).join(' ')}>
              {hidden ? <span className="govuk-visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
