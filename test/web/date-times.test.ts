import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../web/src/lib/format.js';

/** Times as GOV.UK writes them, where the council is: "9:05am", "midday", "midnight". */
describe('a moment as the pages show it', () => {
  it('gives the time on a 12-hour clock with am or pm, in UK time', () => {
    expect(formatDateTime('2026-12-07T00:26:00Z')).toBe('7 December 2026 at 12:26am');
    expect(formatDateTime('2026-12-07T09:05:00Z')).toBe('7 December 2026 at 9:05am');
    // British Summer Time: 13:05 UTC is 2:05pm in London.
    expect(formatDateTime('2026-07-07T13:05:00Z')).toBe('7 July 2026 at 2:05pm');
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(formatDateTime('2026-06-30T23:30:00Z')).toBe('1 July 2026 at 12:30am');
  });

  it('says midday and midnight rather than 12:00', () => {
    expect(formatDateTime('2026-12-07T12:00:00Z')).toBe('7 December 2026 at midday');
    expect(formatDateTime('2026-12-07T00:00:00Z')).toBe('7 December 2026 at midnight');
    expect(formatDateTime(undefined)).toBe('');
  });
});
