import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('tab-separated', () => {
  it('reads lines with tabs as rows, across a page break, up to the next paragraph', () => {
    const r = readSample(
      [
        'Action\tLead\tDeadline',
        'Run the staff survey\tHead of HR\tMay 2025',
        '',
        'Publish the results\tComms Manager\tJuly 2025',
        'Next steps will follow.',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['tab-separated']);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['Action', 'Lead', 'Deadline'],
      ['Run the staff survey', 'Head of HR', 'May 2025'],
      ['Publish the results', 'Comms Manager', 'July 2025'],
    ]);
    expect(r.items.at(-1)).toMatchObject({ type: 'para', text: 'Next steps will follow.' });
  });
});
