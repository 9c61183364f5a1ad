import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../period.js';
import type { ReportAction, ReportUpdate } from '../report-data.js';
import { UpdateIndex } from './updates.js';

const q3 = resolvePeriod('2026-Q3', '2026-12-07');
const action = { id: 'a1' } as ReportAction;
const update = (over: Partial<ReportUpdate>): ReportUpdate => ({
  id: 'u1',
  actionId: 'a1',
  at: '2026-10-20T10:00:00Z',
  authorName: 'Sam Jones',
  narrative: 'Done',
  status: 'on-track',
  ...over,
});
const counted = (u: ReportUpdate, points: string[] = []) =>
  new UpdateIndex([u], q3, 'Europe/London', points).updatedInPeriod(action);

describe('which updates speak for a period (core updatesFor: the update round counts the same)', () => {
  it('never counts an update filed under another period, though written in this one’s dates', () => {
    // A late Q2 return written in October is Q2's: Q3 still lacks an update, as the round says.
    expect(counted(update({ period: 'Q2 2026-27' }), ['Q3 2026-27'])).toBe(false);
    expect(counted(update({ period: 'Mid-year 2026-27' }))).toBe(false);
  });

  it('counts one filed under the period, by any of its names, and an unfiled one by its date', () => {
    expect(counted(update({ period: 'Q3 2026-27' }))).toBe(true);
    expect(counted(update({ period: 'Q3 2026-27', at: '2027-01-10T10:00:00Z' }))).toBe(true);
    expect(counted(update({ period: 'Autumn return' }), ['Autumn return'])).toBe(true);
    expect(counted(update({}))).toBe(true);
    expect(counted(update({ at: '2026-09-30T22:30:00Z' }))).toBe(false);
    // 1 October in London: the day where the council is.
    expect(counted(update({ at: '2026-09-30T23:30:00Z' }))).toBe(true);
  });

  it('counts a year-end or mid-year return for the quarter or month it was written in', () => {
    // Harrow files under "Year-end 2026-27" (its round offers no quarters); Q3's committee reads Q3.
    expect(counted(update({ period: 'Year-end 2026-27', at: '2026-12-07T10:00:00Z' }))).toBe(true);
    const q4 = resolvePeriod('2026-Q4', '2026-12-07');
    const inQ4 = (u: ReportUpdate) => new UpdateIndex([u], q4, 'Europe/London').updatedInPeriod(action);
    expect(inQ4(update({ period: 'Year-end 2026-27', at: '2026-12-07T10:00:00Z' }))).toBe(false);
    // A late year-end return (April) is the last quarter's.
    expect(inQ4(update({ period: 'Year-end 2026-27', at: '2027-04-20T10:00:00Z' }))).toBe(true);
    const december = resolvePeriod('2026-12', '2026-12-07');
    const inDec = (u: ReportUpdate) =>
      new UpdateIndex([u], december, 'Europe/London').updatedInPeriod(action);
    expect(inDec(update({ period: 'Year-end 2026-27', at: '2026-12-07T10:00:00Z' }))).toBe(true);
    expect(inDec(update({ period: 'Q3 2026-27', at: '2026-12-07T10:00:00Z' }))).toBe(true);
    expect(inDec(update({ period: 'Year-end 2025-26', at: '2026-12-07T10:00:00Z' }))).toBe(false);
  });

  it('counts the plan’s imported progress log by the date of each entry', () => {
    // The importer files the plan's own progress column under "imported" (no reporting period).
    expect(counted(update({ period: 'imported', at: '2026-11-15T12:00:00Z' }))).toBe(true);
    expect(counted(update({ period: 'imported', at: '2026-06-15T12:00:00Z' }))).toBe(false);
  });
});
