import { londonToday } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { timescaleShown } from '../../web/src/components/timescale.js';
import { planDeadlineContext, readTimescale } from '../../web/src/components/timescale-input.js';
import { startMeaning, timescaleMeaning } from '../../web/src/lib/format.js';

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

  it('gives a repeating deadline’s next occurrence, and the first one when that has passed', () => {
    const quarterly = { text: 'Quarterly', kind: 'recurring', recurrence: 'quarterly' } as const;
    expect(timescaleMeaning({ ...quarterly, due: '2190-06-30' })).toBe(
      'recurring (quarterly), next by 30 June 2190',
    );
    const since2010 = timescaleMeaning({ ...quarterly, due: '2010-03-31' });
    const m = /^recurring \(quarterly\), next by (\d+) (\w+) (\d{4}) \(first 31 March 2010\)$/.exec(
      since2010,
    );
    expect(m, since2010).not.toBeNull();
    const next = new Date(`${m![2]} ${m![1]}, ${m![3]} 12:00 UTC`);
    // A quarter's end, still to come (or today), and within the next three months.
    expect(['March 31', 'June 30', 'September 30', 'December 31']).toContain(`${m![2]} ${m![1]}`);
    const today = new Date(`${londonToday()}T12:00:00Z`);
    expect(next.getTime()).toBeGreaterThanOrEqual(today.getTime());
    expect(next.getTime() - today.getTime()).toBeLessThan(93 * 86_400_000);
  });

  it('shows a repeating deadline by its next occurrence, as the report does, not its first past date', () => {
    const quarterly = {
      text: 'Quarterly',
      kind: 'recurring',
      recurrence: 'quarterly',
      due: '2026-06-30',
    } as const;
    // The plan page, action page and update round on 7 December 2026: the report says "next 31 Dec 2026".
    expect(timescaleShown(quarterly, '2026-12-07')).toBe('next 31 December 2026');
    expect(timescaleShown(quarterly, '2026-06-30')).toBe('next 30 June 2026');
    expect(timescaleShown(quarterly, '2027-01-01')).toBe('next 31 March 2027');
    // A baseline or start keeps the date the plan gave; a deadline that does not repeat is unchanged.
    expect(timescaleShown(quarterly, '2026-12-07', true)).toBe('30 June 2026');
    expect(timescaleShown({ text: 'June 2026', kind: 'date', due: '2026-06-30' }, '2026-12-07')).toBe(
      '30 June 2026',
    );
  });

  it('reads a start from the first day of what it names, as the importer does', async () => {
    const start = await readTimescale('June 2026', undefined, { asStart: true });
    expect(start).toMatchObject({ kind: 'date', start: '2026-06-01', due: '2026-06-30' });
    expect(startMeaning(start!)).toBe('from 1 June 2026');
    const due = await readTimescale('June 2026', undefined, {});
    expect(due?.start).toBeUndefined();
    expect(timescaleMeaning(due!)).toBe('by 30 June 2026');
    expect(
      startMeaning((await readTimescale('1 June 2026', undefined, { asStart: true })) ?? undefined),
    ).toBe('from 1 June 2026');
  });
});
