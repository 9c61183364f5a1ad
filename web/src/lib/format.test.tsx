import { describe, expect, it } from 'vitest';
import { updateWhen } from './format.js';

describe('updateWhen', () => {
  it('gives an update its day and time where the council is', () => {
    expect(updateWhen({ at: '2026-12-07T11:43:00.000Z', period: 'Q3' })).toBe('7 December 2026 at 11:43am');
  });

  it('gives an entry of the imported plan’s log its day alone: the plan gave no time', () => {
    // The importer stamps such an entry at midday UTC, which reads "1:00pm" in a London summer.
    expect(updateWhen({ at: '2026-06-15T12:00:00.000Z', period: 'imported' })).toBe('15 June 2026');
  });
});
