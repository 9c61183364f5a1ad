import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { findPeriod } from './period.js';

describe('the plan period from its title', () => {
  it('reads a span of two financial years as from the first one’s start to the second one’s end', () => {
    expect(findPeriod(['Workforce Development Plan 2026/27 to 2027/28'])).toEqual({
      label: '2026/27 to 2027/28',
      start: '2026-04-01',
      end: '2028-03-31',
    });
    expect(findPeriod(['People Plan 2025-26 – 2027-28'])).toMatchObject({
      start: '2025-04-01',
      end: '2028-03-31',
    });
    expect(findPeriod(['Action plan 2026/2027 until 2028/2029'])).toMatchObject({
      start: '2026-04-01',
      end: '2029-03-31',
    });
    // A second year that is not later is no span; one financial year is read as before.
    expect(findPeriod(['Review of 2027/28 to 2026/27'])).toMatchObject({ label: '2027/28' });
    expect(findPeriod(['Business Plan 2013-14'])).toMatchObject({ start: '2013-04-01', end: '2014-03-31' });
  });

  it('reads a span of years joined by "to" as one joined by a dash', () => {
    expect(findPeriod(['People Strategy 2026 to 2030'])).toEqual({
      label: '2026 to 2030',
      start: '2026-04-01',
      end: '2030-03-31',
    });
    // A dash as before; a span too long to be a plan's is none.
    expect(findPeriod(['Strategy 2004 – 2008'])).toMatchObject({ start: '2004-04-01', end: '2008-03-31' });
    expect(findPeriod(['From 1990 to 2030'])).toBeUndefined();
  });
});

describe('the plan start given at import', () => {
  const plan = (title: string, planStart: string) =>
    parsePlanFile(
      Buffer.from(
        `${title}\n\nRef\tAction\tLead\tBy when\n1.1\tReview the pay policy\tHead of HR\tWithin 6 months\n`,
      ),
      { filename: 'plan.txt', planStart },
    );

  it('is kept as the plan’s start, with the end the title gives, and anchors “within 6 months”', async () => {
    const p = await plan('People Plan 2026/27', '2026-05-01');
    expect(p.period).toEqual({ label: '2026/27', start: '2026-05-01', end: '2027-03-31' });
    expect(p.themes[0]!.actions[0]!.due).toMatchObject({ due: '2026-11-01' });
  });

  it('is the whole period when the title gives none, and drops a title span it starts after', async () => {
    expect((await plan('Our People Plan', '2026-04-01')).period).toEqual({ start: '2026-04-01' });
    expect((await plan('People Plan 2024/25', '2026-04-01')).period).toEqual({ start: '2026-04-01' });
  });
});
