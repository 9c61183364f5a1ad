import { describe, expect, it } from 'vitest';
import { momentWords } from './words.js';

describe('momentWords: a moment as GOV.UK writes it, where the council is', () => {
  it('gives the day in full and the time on a 12-hour clock, in the time zone asked', () => {
    expect(momentWords('2026-12-07T03:15:00Z')).toBe('7 December 2026 at 3:15am');
    expect(momentWords(new Date('2026-07-07T13:05:00Z'))).toBe('7 July 2026 at 2:05pm');
    expect(momentWords('2026-12-07T12:00:00Z', 'Europe/London')).toBe('7 December 2026 at midday');
    expect(momentWords('2026-12-07T00:00:00Z', 'America/New_York')).toBe('6 December 2026 at 7:00pm');
  });
});
