import { describe, expect, it } from 'vitest';
import { asStart, boundsOf } from './bounds.js';
import { parseTimescale } from './parse.js';

describe('boundsOf', () => {
  it.each([
    ['April 2013', '2013-04-01', '2013-04-30'],
    ['Q4 2013/14', '2014-01-01', '2014-03-31'],
    ['Winter 2015', '2015-12-01', '2016-02-29'],
    ['2013/14', '2013-04-01', '2014-03-31'],
    ['2014', '2014-01-01', '2014-12-31'],
    ['31/03/2014', '2014-03-31', '2014-03-31'],
    ['April 2013 - March 2014', '2013-04-01', '2014-03-31'],
  ])('%s covers %s to %s', (text, from, to) => {
    expect(boundsOf(parseTimescale(text))).toEqual({ from, to });
  });

  it('has nothing to say without a due date', () => {
    expect(boundsOf(parseTimescale('Ongoing'))).toBeUndefined();
    expect(boundsOf(parseTimescale('Post restructuring'))).toBeUndefined();
  });
});

describe('asStart', () => {
  // A start names the first day of what it says; the deadline read of the same words, the last.
  it.each([
    ['June 2026', '2026-06-01', '2026-06-30'],
    ['Jun-26', '2026-06-01', '2026-06-30'],
    ['Q3 2026/27', '2026-10-01', '2026-12-31'],
    ['Spring 2027', '2027-03-01', '2027-05-31'],
    ['2026/27', '2026-04-01', '2027-03-31'],
    ['2027', '2027-01-01', '2027-12-31'],
  ])('%s starts on %s (and runs to %s)', (text, start, due) => {
    const read = asStart(parseTimescale(text));
    expect(read).toMatchObject({ text, start, due });
  });

  it('leaves a day, a range and what has no date as they were read', () => {
    for (const text of [
      '01/09/2026',
      'April 2026 - March 2027',
      'Ongoing',
      'From October 2026',
      'TBC',
      'Quarterly',
      'late 2014',
    ])
      expect(asStart(parseTimescale(text)), text).toEqual(parseTimescale(text));
  });
});
