import { describe, expect, it } from 'vitest';
import {
  addRecentUpdate,
  RECENT_UPDATES,
  type RecentUpdates,
  recentUpdatesOf,
  updatedInPeriod,
} from './recent-updates.js';

const q2 = { names: ['Q2 2026-27'], days: { start: '2026-07-01', end: '2026-09-30' } };
const q3 = { names: ['Q3 2026-27'], days: { start: '2026-10-01', end: '2026-12-31' } };
const id = (n: number) => `01J${String(n).padStart(23, '0')}`;
const at = (day: number) => new Date(Date.UTC(2026, 9, day, 10)).toISOString();

describe('an action’s recent updates: what the update round asks of its history', () => {
  it('keeps a Q3 update after a late Q2 one joins, so the action stays up to date for Q3', () => {
    let summary: RecentUpdates = {};
    summary = addRecentUpdate(summary, { id: id(1), at: at(5), period: 'Q3 2026-27' }).after;
    const late = addRecentUpdate(summary, { id: id(2), at: at(6), period: 'Q2 2026-27' });
    expect(late.remove).toEqual([]);
    expect(late.after).toEqual({
      [id(1)]: { period: 'Q3 2026-27', at: at(5) },
      [id(2)]: { period: 'Q2 2026-27', at: at(6) },
    });
    expect(updatedInPeriod(late.after, q3)).toBe(true);
    expect(updatedInPeriod(late.after, q2)).toBe(true);
    // The latest update alone (the Q2 one) would have said Q3 was still to do.
    expect(updatedInPeriod({ [id(2)]: late.entry }, q3)).toBe(false);
  });

  it('replaces a corrected update with its correction, and removes it even if not read', () => {
    const summary: RecentUpdates = {
      [id(1)]: { period: 'Q3 2026-27', at: at(5) },
      [id(2)]: { period: 'Q2 2026-27', at: at(6) },
    };
    // The Q3 update was filed under the wrong period: corrected to Q2, Q3 has none left.
    const fixed = addRecentUpdate(summary, { id: id(3), at: at(7), period: 'Q2 2026-27', corrects: id(1) });
    expect(fixed.remove).toEqual([id(1)]);
    expect(Object.keys(fixed.after)).toEqual([id(2), id(3)]);
    expect(updatedInPeriod(fixed.after, q3)).toBe(false);
    expect(addRecentUpdate({}, { id: id(4), at: at(8), corrects: id(9) }).remove).toEqual([id(9)]);
  });

  it('keeps the newest RECENT_UPDATES, naming the ones dropped, and never the one added', () => {
    let summary: RecentUpdates = {};
    for (let n = 1; n <= RECENT_UPDATES; n++) {
      const r = addRecentUpdate(summary, { id: id(n), at: at(n), period: 'Q3 2026-27' });
      expect(r.remove).toEqual([]);
      summary = r.after;
    }
    const next = addRecentUpdate(summary, { id: id(20), at: at(20), period: 'Q3 2026-27' });
    expect(next.remove).toEqual([id(1)]);
    expect(Object.keys(next.after)).toHaveLength(RECENT_UPDATES);
    // Writers that raced left two too many: the next trims both.
    const crowded = { ...next.after, [id(30)]: { at: at(1) }, [id(31)]: { at: at(2) } };
    const trimmed = addRecentUpdate(crowded, { id: id(21), at: at(21) });
    expect(trimmed.remove.sort()).toEqual([id(2), id(30), id(31)].sort());
    expect(Object.keys(trimmed.after)).toHaveLength(RECENT_UPDATES);
    // An update written with a clock behind the others is still kept.
    expect(addRecentUpdate(next.after, { id: id(22), at: at(0) }).after[id(22)]).toEqual({ at: at(0) });
  });

  it('places an update filed under no period by the day it was written, where the council is', () => {
    const unfiled = { [id(1)]: { at: '2026-09-30T23:30:00.000Z' } };
    // 00:30 on 1 October in London: Q3's.
    expect(updatedInPeriod(unfiled, q3)).toBe(true);
    expect(updatedInPeriod(unfiled, q2)).toBe(false);
    expect(updatedInPeriod(unfiled, q2, 'UTC')).toBe(true);
    expect(updatedInPeriod({}, q3)).toBe(false);
  });

  it('summarises a whole history: corrections replace what they correct, newest kept', () => {
    const history = [
      { id: id(1), at: at(1), period: 'Q3 2026-27' },
      { id: id(2), at: at(2), period: 'Q2 2026-27', corrects: id(1) },
      { id: id(3), at: at(3), period: 'Q3 2026-27', corrects: id(2) },
      { id: id(4), at: at(4) },
    ];
    expect(recentUpdatesOf(history)).toEqual({
      [id(3)]: { period: 'Q3 2026-27', at: at(3) },
      [id(4)]: { at: at(4) },
    });
    const long = Array.from({ length: 20 }, (_, n) => ({ id: id(n), at: at(n + 1) }));
    expect(Object.keys(recentUpdatesOf(long)).sort()).toEqual(long.slice(-RECENT_UPDATES).map((u) => u.id));
  });
});
