import { describe, expect, it } from 'vitest';
import { roundCounts, roundStatus, updatedFor } from '../../web/src/lib/round.js';

const actions = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const counts = (done: string[], saved: string[] = []) =>
  roundCounts(actions, (a) => done.includes(a.id), saved);

describe('the update round’s counts agree: the status, “Action n of m” and the list', () => {
  it('counts in the round the actions still to update, and lists those already up to date after them', () => {
    const c = counts(['b']);
    expect(c.inRound.map((a) => a.id)).toEqual(['a', 'c', 'd']);
    expect(c.already.map((a) => a.id)).toEqual(['b']);
    expect(c.left).toBe(3);
    expect(roundStatus(c)).toBe('3 actions left to update, of 3. 1 other action is already up to date.');
  });

  it('keeps an action updated in this round in it, so the count goes down and “of m” stays', () => {
    const c = counts(['b', 'a'], ['a']);
    expect(c.inRound.map((a) => a.id)).toEqual(['a', 'c', 'd']);
    expect(c.left).toBe(2);
    expect(roundStatus(c)).toBe('2 actions left to update, of 3. 1 other action is already up to date.');
    const all = counts(['a', 'b', 'c', 'd'], ['a', 'c', 'd']);
    expect(roundStatus(all)).toBe('All 3 actions updated. 1 other action is already up to date.');
    // A round of one: "the action", never "All 1 action".
    expect(roundStatus(roundCounts([{ id: 'a' }], () => true, ['a']))).toBe('The action is updated.');
  });

  it('says so when nothing was left to update, and says nothing of others when there are none', () => {
    expect(roundStatus(counts(['a', 'b', 'c', 'd']))).toBe('All 4 actions are already up to date.');
    expect(roundStatus(roundCounts([{ id: 'a' }], () => true, []))).toBe(
      'The only action is already up to date.',
    );
    expect(roundStatus(counts([]))).toBe('4 actions left to update, of 4.');
    expect(roundStatus(counts(['a', 'b', 'c'], ['a']))).toBe(
      '1 action left to update, of 2. 2 other actions are already up to date.',
    );
  });
});

describe('an action already updated for the period chosen (core updatesFor, as the reports count)', () => {
  const periods = {
    items: [
      { value: 'Q2 2026-27', label: 'Q2 2026-27', date: '2026-09-30', fromPlan: true, closed: true },
      { value: 'Q3 2026-27', label: 'Q3 2026-27', date: '2026-12-31', fromPlan: true, closed: false },
    ],
    current: 'Q3 2026-27',
  };
  type Filing = { period?: string; at: string };
  const q3 = { period: 'Q3 2026-27', at: '2026-10-20T10:00:00Z' };
  const lateQ2 = { period: 'Q2 2026-27', at: '2026-10-21T10:00:00Z' };

  it('is, when a late update for the period before was filed after this period’s', () => {
    const action = { latestUpdate: lateQ2, recentUpdates: { a: q3, b: lateQ2 } };
    expect(updatedFor(periods, 'Q3 2026-27', action)).toBe(true);
    expect(updatedFor(periods, 'Q2 2026-27', action)).toBe(true);
    // Only the late one: Q3 is still to do.
    expect(updatedFor(periods, 'Q3 2026-27', { latestUpdate: lateQ2, recentUpdates: { b: lateQ2 } })).toBe(
      false,
    );
  });

  it('is not, once this period’s update was corrected to another period', () => {
    // The correction replaced the Q3 update in the recent updates: the latest update alone would say Q3.
    const corrected = { period: 'Q2 2026-27', at: '2026-10-22T10:00:00Z' };
    const action = { latestUpdate: q3, recentUpdates: { b: lateQ2, c: corrected } };
    expect(updatedFor(periods, 'Q3 2026-27', action)).toBe(false);
  });

  it('goes by its latest update alone when it has no recent updates (kept before they were)', () => {
    expect(updatedFor(periods, 'Q3 2026-27', { latestUpdate: lateQ2 })).toBe(false);
    expect(updatedFor(periods, 'Q3 2026-27', { latestUpdate: q3 })).toBe(true);
    expect(updatedFor(periods, 'Q3 2026-27', {})).toBe(false);
    expect(updatedFor(periods, '', { latestUpdate: q3 })).toBe(false);
  });

  it('goes by the day for an update filed under no period, as a report does', () => {
    const oct = { at: '2026-10-20T10:00:00Z' };
    const sep = { at: '2026-09-20T10:00:00Z' };
    expect(updatedFor(periods, 'Q3 2026-27', { recentUpdates: { a: sep, b: oct } })).toBe(true);
    expect(updatedFor(periods, 'Q3 2026-27', { recentUpdates: { a: sep } })).toBe(false);
    expect(updatedFor(periods, 'Q3 2026-27', { latestUpdate: oct })).toBe(true);
  });

  it('keeps the round’s count, list and status agreeing when a late update came after this period’s', () => {
    const actions: Array<{ id: string; latestUpdate: Filing; recentUpdates: Record<string, Filing> }> = [
      { id: 'a', latestUpdate: lateQ2, recentUpdates: { x: q3, y: lateQ2 } },
      { id: 'b', latestUpdate: lateQ2, recentUpdates: { y: lateQ2 } },
    ];
    const c = roundCounts(actions, (a) => updatedFor(periods, 'Q3 2026-27', a), []);
    expect(c.already.map((a) => a.id)).toEqual(['a']);
    expect(roundStatus(c)).toBe('1 action left to update, of 1. 1 other action is already up to date.');
  });
});
