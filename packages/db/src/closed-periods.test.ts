import { describe, expect, it } from 'vitest';
import { samePeriodName } from './updates.js';

describe('samePeriodName: an update’s period against a closed one', () => {
  it.each([
    ['Q1 2026-27 (April–June 2026)', 'Q1 2026-27'],
    ['Q1 2026-27 (April–June 2026)', '2026-27 Q1'],
    ['mid-year:2026-27', 'Mid-year 2026-27'],
    ['Year-end 2026-27', 'year end 2026-27'],
  ])('%s is %s', (closed, asked) => expect(samePeriodName(closed, asked)).toBe(true));

  it.each([
    ['Q1 2026-27 (April–June 2026)', 'Q2 2026-27'],
    ['Mid-year 2026-27', 'Mid-year 2027-28'],
  ])('%s is not %s', (closed, asked) => expect(samePeriodName(closed, asked)).toBe(false));
});
