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

  it('joins a header cell wrapped onto the next line, starts a row at each ref and skips page footers', () => {
    const text = [
      pad([
        [0, 'Ref'],
        [8, 'Action'],
        [40, 'Lead'],
        [60, 'Target'],
        [72, 'Status'],
      ]),
      pad([[60, 'date']]),
      pad([
        [0, 'R1'],
        [8, 'Train every recruiting'],
        [40, 'Head of'],
        [60, '30/09/2025'],
        [72, 'On track'],
      ]),
      pad([
        [8, 'manager in fair selection'],
        [40, 'Resourcing'],
      ]),
      pad([
        [0, 'R2'],
        [8, 'Publish hiring data by'],
        [40, 'Data Manager'],
        [60, '31/10/2025'],
        [72, 'Not started'],
      ]),
      pad([[8, 'ethnicity each quarter']]),
      pad([
        [0, 'Staff Committee'],
        [72, 'Page 2 of 5'],
      ]),
      pad([
        [0, 'R3'],
        [8, 'Review job adverts'],
        [40, 'Head of HR'],
        [60, '31/12/2025'],
        [72, 'On track'],
      ]),
    ].join('\n');
    const r = readSample(text);
    expect(r.layouts).toEqual(['space-aligned-columns']);
    expect(r.header).toEqual(['Ref', 'Action', 'Lead', 'Target date', 'Status']);
    expect(r.data).toEqual([
      [
        'R1',
        'Train every recruiting manager in fair selection',
        'Head of Resourcing',
        '30/09/2025',
        'On track',
      ],
      ['R2', 'Publish hiring data by ethnicity each quarter', 'Data Manager', '31/10/2025', 'Not started'],
      ['R3', 'Review job adverts', 'Head of HR', '31/12/2025', 'On track'],
    ]);
  });
});
