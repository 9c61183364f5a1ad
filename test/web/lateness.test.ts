import { describe, expect, it } from 'vitest';
import { lateWords } from '../../web/src/lib/partnerships.js';

/** Lateness is said one way everywhere: the dashboard, the partnership milestones and the reports (core). */
describe('a shared milestone’s lateness, as the dashboard says it', () => {
  it('says years, months or weeks when days would be a long number', () => {
    expect(lateWords({ overdue: true, daysLate: 7921, slipping: false })).toEqual(['21 years late']);
    expect(lateWords({ overdue: true, daysLate: 30, slipping: false })).toEqual(['4 weeks late']);
    expect(lateWords({ overdue: true, daysLate: 3, slipping: false })).toEqual(['3 days late']);
  });

  it('still says how far a re-baselined milestone moved', () => {
    expect(lateWords({ overdue: false, slipping: true, slippedDays: 28 })).toEqual([
      'moved 28 days later than first agreed',
    ]);
  });
});
