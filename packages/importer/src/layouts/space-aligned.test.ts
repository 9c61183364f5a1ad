import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

const pad = (cells: [number, string][]) => cells.reduce((line, [at, text]) => line.padEnd(at) + text, '');

describe('space-aligned-columns', () => {
  it('puts each word under the column it starts in, rows wrapping over lines', () => {
    const text = [
      pad([
        [0, 'Ref'],
        [6, 'Objective'],
        [30, 'Tasks'],
        [56, 'Owner'],
        [68, 'End Date'],
        [80, 'Progress'],
      ]),
      pad([
        [6, 'Staff feel'],
        [30, 'Run a pulse'],
        [80, 'Survey drafted'],
      ]),
      pad([
        [6, 'listened to'],
        [30, 'survey'],
        [56, 'HR'],
        [68, '31/03/26'],
        [80, 'and tested'],
      ]),
      pad([[0, '2.1']]),
      pad([
        [30, 'Publish the results'],
        [56, 'Comms'],
        [68, '30/06/26'],
        [80, 'Not started'],
      ]),
    ].join('\n');
    const r = readSample(text);
    expect(r.layouts).toEqual(['space-aligned-columns']);
    expect(r.header).toEqual(['Ref', 'Objective', 'Tasks', 'Owner', 'End Date', 'Progress']);
    expect(r.data).toEqual([
      ['2.1', 'Staff feel listened to', 'Run a pulse survey', 'HR', '31/03/26', 'Survey drafted and tested'],
      ['', '', 'Publish the results', 'Comms', '30/06/26', 'Not started'],
    ]);
  });

  it('is not a table when the lines below have no columns', () => {
    const r = readSample(
      [
        pad([
          [0, 'Action'],
          [20, 'Owner'],
          [32, 'Deadline'],
        ]),
        'We will write to every member of staff about it.',
      ].join('\n'),
    );
    expect(r.layouts).not.toContain('space-aligned-columns');
  });
});
