import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TableHead } from './table-head.js';

// Pages' browser tests and axe checks rely on this markup, so it is pinned exactly.
const html = (columns: Parameters<typeof TableHead>[0]['columns']) =>
  renderToStaticMarkup(<TableHead columns={columns} />);

describe('TableHead', () => {
  it('writes one row of column headers', () => {
    expect(html(['Milestone', 'Status'])).toBe(
      '<thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Milestone</th>' +
        '<th scope="col" class="govuk-table__header">Status</th>' +
        '</tr></thead>',
    );
  });

  it('leaves out false, null and undefined columns', () => {
    expect(html([false, 'Item', null, undefined])).toBe(html(['Item']));
  });

  it('writes the variants: hidden words, numeric, extra classes, any node as the label', () => {
    expect(
      html([
        { label: 'Change', hidden: true, className: 'app-no-print' },
        { label: 'Total', numeric: true },
        { label: 'Plan', className: 'app-col-text' },
        { label: <>Due in {3} days</>, numeric: true, className: 'app-col-narrow' },
      ]),
    ).toBe(
      '<thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header app-no-print"><span class="govuk-visually-hidden">Change</span></th>' +
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Total</th>' +
        '<th scope="col" class="govuk-table__header app-col-text">Plan</th>' +
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric app-col-narrow">Due in 3 days</th>' +
        '</tr></thead>',
    );
  });
});
