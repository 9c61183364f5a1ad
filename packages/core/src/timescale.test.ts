import { describe, expect, it } from 'vitest';
import { Timescale, unparsedTimescale } from './timescale.js';

describe('Timescale schema', () => {
  it('keeps the text as written and accepts a parsed form', () => {
    const t = Timescale.parse({ text: 'April 08', kind: 'date', due: '2008-04-30', precision: 'month' });
    expect(t.text).toBe('April 08');
  });

  it('refuses start after due, a date kind without a due, and unknown fields', () => {
    expect(
      Timescale.safeParse({ text: 'x', kind: 'range', start: '2014-01-01', due: '2013-01-01' }).success,
    ).toBe(false);
    expect(Timescale.safeParse({ text: 'x', kind: 'date' }).success).toBe(false);
    expect(Timescale.safeParse({ text: 'x', kind: 'tbc', colour: 'red' }).success).toBe(false);
  });

  it('unparsed keeps the text for a person to fix', () => {
    expect(unparsedTimescale('Post restructuring', 'depends on an event')).toEqual({
      text: 'Post restructuring',
      kind: 'unparsed',
      note: 'depends on an event',
    });
  });
});
