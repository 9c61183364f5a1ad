import { describe, expect, it } from 'vitest';
import type { Milestone } from './entities.js';
import { closedWithActions, milestonesWithAction, movesMilestones } from './milestones-with-action.js';

const DAY = '2026-11-16';
const at = '2026-01-01T00:00:00.000Z';
const ms = (id: string, fields: Partial<Milestone>): Milestone => ({
  id,
  planId: 'p',
  actionId: 'a',
  linkedActionIds: [],
  ref: id,
  title: `Milestone ${id}`,
  status: 'on-track',
  version: 3,
  createdAt: at,
  updatedAt: at,
  ...fields,
});

const open = ms('open', { status: 'at-risk' });
const done = ms('done', { status: 'completed', completedOn: '2026-03-04' });
const dropped = ms('dropped', { status: 'cancelled' });

describe('milestonesWithAction', () => {
  it('closes the open milestones of a completed action on the day, keeping what each was', () => {
    const out = milestonesWithAction('on-track', 'completed', [open, done, dropped], DAY);
    expect(out).toEqual([
      { ...open, status: 'completed', completedOn: DAY, closedWithAction: { status: 'at-risk' } },
    ]);
  });

  it('gives a deferred or cancelled action’s open milestones its status, with no completion day', () => {
    const out = milestonesWithAction('not-started', 'deferred', [open], DAY);
    expect(out).toEqual([{ ...open, status: 'deferred', closedWithAction: { status: 'at-risk' } }]);
    expect(out[0]).not.toHaveProperty('completedOn');
  });

  it('reopens exactly the milestones closed with the action, as they were', () => {
    const [closed] = milestonesWithAction('on-track', 'completed', [open], DAY);
    const out = milestonesWithAction('completed', 'on-track', [closed!, done, dropped], DAY);
    expect(out).toEqual([open]);
    expect(out[0]).not.toHaveProperty('closedWithAction');
    expect(out[0]).not.toHaveProperty('completedOn');
  });

  it('moves the ones closed with it to another closed status, keeping the first marker', () => {
    const [closed] = milestonesWithAction('on-track', 'completed', [open], DAY);
    const out = milestonesWithAction('completed', 'cancelled', [closed!, done], '2026-11-20');
    expect(out).toEqual([{ ...open, status: 'cancelled', closedWithAction: { status: 'at-risk' } }]);
    const back = milestonesWithAction('cancelled', 'completed', out, '2026-11-21');
    expect(back).toEqual([
      { ...open, status: 'completed', completedOn: '2026-11-21', closedWithAction: { status: 'at-risk' } },
    ]);
  });

  it('changes nothing when the action stays open, or keeps its closed status', () => {
    expect(movesMilestones('on-track', 'at-risk')).toBe(false);
    expect(movesMilestones('completed', 'completed')).toBe(false);
    expect(milestonesWithAction('on-track', 'off-track', [open], DAY)).toEqual([]);
    expect(milestonesWithAction('completed', 'completed', [open], DAY)).toEqual([]);
  });
});

describe('closedWithActions', () => {
  it('closes the open milestones an import brings under a closed action, and only those', () => {
    const other = ms('other', { actionId: 'b' });
    const out = closedWithActions(
      [
        { id: 'a', status: 'cancelled' },
        { id: 'b', status: 'on-track' },
      ],
      [open, done, other],
      DAY,
    );
    expect(out).toEqual([
      { ...open, status: 'cancelled', closedWithAction: { status: 'at-risk' } },
      done,
      other,
    ]);
  });
});
