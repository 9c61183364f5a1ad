import { ProgressUpdate } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { toEntities } from './to-entities.js';

/**
 * A progress column whose cell is a dated log ("12/05/26 – recruited 3 posts; 01/07/26 – on hold") is
 * the action's history: one imported update a dated entry, each at its own date, oldest first, the
 * latest the action's latest update (docs/architecture.md: progress updates are append-only history).
 */

const ctx = {
  councilId: 'kent',
  importId: '01JD0000000000000000000000',
  actor: { sub: 'u', name: 'Editor' },
  now: '2026-11-23T10:00:00.000Z',
  people: [],
};

const plan = (progress: string[]) =>
  parsePlanFile(
    [
      'Ref,Action,Lead,Deadline,Progress update',
      ...progress.map(
        (p, i) => `${i + 1},Action number ${i + 1},Head of HR,March 2027,"${p.replace(/"/g, '""')}"`,
      ),
    ].join('\r\n'),
    { filename: 'plan.csv' },
  );

const updatesOf = async (progress: string[]) => {
  const e = toEntities(await plan(progress), ctx);
  for (const u of e.updates) expect(ProgressUpdate.safeParse(u).success, u.narrative).toBe(true);
  return e;
};

describe('a dated progress log', () => {
  it('becomes one update a dated entry, each at its date, oldest first; the latest is the action’s', async () => {
    const e = await updatesOf([
      'Agreed by CMT. 01/07/26 – on hold pending budget; 12/05/26 – recruited 3 posts',
    ]);
    const [action] = e.actions;
    const mine = e.updates.filter((u) => u.actionId === action!.id);
    expect(mine.map((u) => [u.at.slice(0, 10), u.narrative])).toEqual([
      ['2026-05-12', '12/05/26 – recruited 3 posts'],
      ['2026-07-01', 'Agreed by CMT. 01/07/26 – on hold pending budget'],
    ]);
    // Their ids sort as their dates do: the history lists by id.
    expect([...mine].sort((a, b) => a.id.localeCompare(b.id))).toEqual(mine);
    expect(new Set(mine.map((u) => u.id)).size).toBe(2);
    expect(action!.latestUpdate).toMatchObject({ id: mine[1]!.id, at: mine[1]!.at, period: 'imported' });
  });

  it('reads an entry a line, dated by month ("May 2026: …") or by day', async () => {
    const e = await updatesOf([
      'May 2026: advert out\nJune 2026: interviews held\n3 September 2026 - two appointed',
    ]);
    expect(e.updates.map((u) => [u.at.slice(0, 7), u.narrative])).toEqual([
      ['2026-05', 'May 2026: advert out'],
      ['2026-06', 'June 2026: interviews held'],
      ['2026-09', '3 September 2026 - two appointed'],
    ]);
    expect(e.updates[2]!.at.slice(0, 10)).toBe('2026-09-03');
  });

  it('reads entries opened by a bullet, or by the writer’s initials and the date in brackets', async () => {
    const e = await updatesOf([
      '[JS 20/05/26] 2 cohorts booked\n[AB 30/06/26] 58 of 60 trained',
      '• 02/05/26: benchmarking\n• 15/06/26: draft to DMT',
    ]);
    expect(e.updates.map((u) => [u.at.slice(0, 10), u.narrative])).toEqual([
      ['2026-05-20', '[JS 20/05/26] 2 cohorts booked'],
      ['2026-06-30', '[AB 30/06/26] 58 of 60 trained'],
      ['2026-05-02', '02/05/26: benchmarking'],
      ['2026-06-15', '15/06/26: draft to DMT'],
    ]);
  });

  it('keeps a cell with no dated entry as one update on the import day, as before', async () => {
    const e = await updatesOf([
      'Recruited 3 posts by 01/07/26, on hold since',
      'Work started in May 2026 and is on track',
    ]);
    expect(e.updates.map((u) => [u.at, u.narrative])).toEqual([
      [ctx.now, 'Recruited 3 posts by 01/07/26, on hold since'],
      [ctx.now, 'Work started in May 2026 and is on track'],
    ]);
  });

  it('never dates an entry after the import day: its words stay with the entry before', async () => {
    const e = await updatesOf(['12/05/26 – recruited 3 posts; 01/02/27 – review planned']);
    expect(e.updates.map((u) => [u.at.slice(0, 10), u.narrative])).toEqual([
      ['2026-05-12', '12/05/26 – recruited 3 posts; 01/02/27 – review planned'],
    ]);
  });

  it('dates an update a quarter wrote at the quarter’s end in the plan’s year', async () => {
    const parsed = await parsePlanFile(
      [
        'People Plan 2026/27',
        '',
        [
          'Ref',
          'Action',
          'Lead',
          'Due',
          'Q1 update',
          'Q1 RAG',
          'Q2 update',
          'Q2 RAG',
          'Q3 update',
          'Q3 RAG',
        ].join('\t'),
        [
          '1',
          'Reduce time to hire',
          'Head of Resourcing',
          'Mar 2027',
          'Baseline agreed',
          'G',
          'Now 49 days',
          'A',
          '',
          '',
        ].join('\t'),
      ].join('\n'),
    );
    const e = toEntities(parsed, ctx);
    expect(e.updates.map((u) => [u.at.slice(0, 10), u.narrative])).toEqual([
      ['2026-06-30', 'Q1 update: Baseline agreed'],
      ['2026-09-30', 'Q2 update: Now 49 days'],
    ]);
    expect(e.actions[0]!.status).toBe('at-risk');
  });
});
