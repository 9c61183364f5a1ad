import { describe, expect, it } from 'vitest';
import { roundCounts, roundStatus } from '../../web/src/lib/round.js';

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
