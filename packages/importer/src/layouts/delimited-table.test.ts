import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('pipe-table', () => {
  it('reads rows ending on the separator, a cell running over lines as one cell', () => {
    const r = readSample(
      [
        'Action | Outcome | Deadline | Lead |',
        'P1. Agree a hybrid working policy | Staff know what is expected:',
        '- a policy on the intranet',
        '| June 2025 | Head of HR |',
        'P2. Train managers in hybrid teams | Managers are confident | September 2025 | Learning and Development Manager |',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['pipe-table']);
    expect(r.header).toEqual(['Ref', 'Action', 'Outcome', 'Deadline', 'Lead']);
    expect(r.data).toEqual([
      [
        'P1',
        'Agree a hybrid working policy',
        'Staff know what is expected:\n- a policy on the intranet',
        'June 2025',
        'Head of HR',
      ],
      [
        'P2',
        'Train managers in hybrid teams',
        'Managers are confident',
        'September 2025',
        'Learning and Development Manager',
      ],
    ]);
  });

  it('adds a bulleted line with fewer cells to the row above (a first cell spanning two rows)', () => {
    const r = readSample(
      [
        'Action | Outcome | Deadline | Lead |',
        'P1. Report on the pay gap | We publish our figures:',
        '- on our website',
        '| By 31 March, annually | Head of HR |',
        '- to the staff forum',
        '| April annually |',
        'P2. Review the pay policy | A fair policy | December 2025 | Head of HR |',
      ].join('\n'),
    );
    expect(r.data).toHaveLength(2);
    expect(r.data[0]).toEqual([
      'P1',
      'Report on the pay gap',
      'We publish our figures:\n- on our website\n- to the staff forum',
      'By 31 March, annually\nApril annually',
      'Head of HR',
    ]);
  });
});

describe('slash-separated-table', () => {
  it('reads " / " between cells, and keeps dates and codes with slashes whole', () => {
    const r = readSample(
      [
        'Ref / Action / Officer / Start Date / Finish Date',
        'WF/01 / Run the staff survey / Jane Smith / 1/4/2025 / 30/6/2025',
        'WF/02 / Publish the results / Jane Smith / 1/7/2025 / 31/8/2025',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['slash-separated-table']);
    expect(r.data).toEqual([
      ['WF/01', 'Run the staff survey', 'Jane Smith', '1/4/2025', '30/6/2025'],
      ['WF/02', 'Publish the results', 'Jane Smith', '1/7/2025', '31/8/2025'],
    ]);
  });

  it('joins a pipe row that a line break cut after one of its separators', () => {
    const r = readSample(
      [
        'Action | Timeline | Responsibility |',
        'Agree terms of reference for the working group. | October 2025 |',
        'Head of People |',
        'Publish the first progress report. | March 2026 | Chief Executive |',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['pipe-table']);
    expect(r.data).toEqual([
      ['Agree terms of reference for the working group.', 'October 2025', 'Head of People'],
      ['Publish the first progress report.', 'March 2026', 'Chief Executive'],
    ]);
  });
});
