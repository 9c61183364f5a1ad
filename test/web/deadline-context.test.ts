import { describe, expect, it } from 'vitest';
import { planDeadlineContext } from '../../web/src/components/timescale-input.js';
import { timescaleMeaning } from '../../web/src/lib/format.js';

describe('what a plan’s deadlines count from in the forms', () => {
  it('is the plan’s start, as at import; the approval date only when no start is known', () => {
    const period = { start: '2026-04-01', end: '2027-03-31' };
    expect(planDeadlineContext({ period, approval: { date: '2026-03-17' } })).toEqual({
      anchor: '2026-04-01',
      period,
    });
    expect(planDeadlineContext({ period: {}, approval: { date: '2026-03-17' } }).anchor).toBe('2026-03-17');
    expect(planDeadlineContext(undefined)).toEqual({});
  });

  it('says which date a relative deadline was counted from', () => {
    const within = {
      text: 'Within 6 months',
      kind: 'relative',
      start: '2026-04-01',
      due: '2026-10-01',
    } as const;
    expect(timescaleMeaning(within)).toBe('by 1 October 2026 (counted from 1 April 2026)');
    expect(timescaleMeaning({ ...within, start: undefined })).toBe('by 1 October 2026 (relative)');
  });
});
