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
  it('is not, when its latest update is a late one filed under the period before', () => {
    expect(updatedFor(periods, 'Q3 2026-27', { period: 'Q2 2026-27', at: '2026-10-20T10:00:00Z' })).toBe(
      false,
    );
    expect(updatedFor(periods, 'Q3 2026-27', { period: 'Q3 2026-27', at: '2026-10-20T10:00:00Z' })).toBe(
      true,
    );
  });
  it('goes by the day for an update filed under no period, as a report does', () => {
    expect(updatedFor(periods, 'Q3 2026-27', { at: '2026-10-20T10:00:00Z' })).toBe(true);
    expect(updatedFor(periods, 'Q3 2026-27', { at: '2026-09-20T10:00:00Z' })).toBe(false);
    expect(updatedFor(periods, 'Q3 2026-27', undefined)).toBe(false);
  });
});
