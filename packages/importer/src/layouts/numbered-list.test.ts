import { describe, expect, it } from 'vitest';
import { embeddedDeadline } from './numbered-list.js';
import { readSample } from './test-helpers.js';

describe('numbered-list', () => {
  it('reads numbered items with their lead and date lines, a heading restarting the numbers', () => {
    const r = readSample(
      [
        '1. Recruitment',
        '1. Shorten time to hire to six weeks',
        'Head of HR',
        'March 2025',
        '2. Offer guaranteed interviews to care leavers',
        'Resourcing Manager',
        'June 2025',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['numbered-list']);
    expect(r.headings).toEqual(['1. Recruitment']);
    expect(r.data).toEqual([
      ['1', 'Shorten time to hire to six weeks', '', 'Head of HR', 'March 2025'],
      ['2', 'Offer guaranteed interviews to care leavers', '', 'Resourcing Manager', 'June 2025'],
    ]);
  });

  it('finds a deadline written in the item’s text', () => {
    expect(embeddedDeadline('Milestone 2 - by April 2026 every team has a workforce plan')).toBe(
      'by April 2026',
    );
    expect(embeddedDeadline('We will do it by working together')).toBeUndefined();
  });

  it('does not read dates at the start of a line as numbered items', () => {
    expect(readSample(['1 April 2025', '31 March 2026'].join('\n')).rows).toEqual([]);
  });
});
