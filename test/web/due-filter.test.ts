import { describe, expect, it } from 'vitest';
import { DUE_CHOICES, matches } from '../../web/src/components/plan-filters.js';

type Row = Parameters<typeof matches>[0];
type Plan = Parameters<typeof matches>[2];
type Milestone = Parameters<typeof matches>[4][number];

const TODAY = '2026-12-06';
const plan = { status: 'active', reviewCadence: 'quarterly', createdAt: '2026-04-01T09:00:00Z' } as Plan;
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });
const action = (id: string, status: string, due?: string) =>
  ({
    id,
    status,
    leads: [],
    createdAt: '2026-04-01T09:00:00Z',
    ...(due ? { due: date(due) } : {}),
  }) as unknown as Row;
const milestone = (id: string, actionId: string, status: string, due: string) =>
  ({ id, actionId, status, due: date(due) }) as unknown as Milestone;
const filter = (due: string) => ({ status: '', lead: '', theme: '', due });

// Each action with its milestones, and where "my actions" puts it on 6 December 2026 (core's timeliness).
const cases: Array<[string, Row, Milestone[], 'late' | 'due-soon' | 'later' | 'closed']> = [
  ['its own date has passed', action('a', 'on-track', '2026-11-30'), [], 'late'],
  [
    'a milestone is past due, its own date is to come',
    action('b', 'on-track', '2027-03-31'),
    [milestone('b1', 'b', 'not-started', '2026-11-01')],
    'late',
  ],
  [
    'an undated action with a milestone past due',
    action('c', 'not-started'),
    [milestone('c1', 'c', 'on-track', '2026-10-31')],
    'late',
  ],
  [
    'a milestone is due in two weeks',
    action('d', 'on-track', '2027-06-30'),
    [milestone('d1', 'd', 'on-track', '2026-12-20')],
    'due-soon',
  ],
  [
    'late itself, with a milestone due soon: late',
    action('e', 'at-risk', '2026-12-01'),
    [milestone('e1', 'e', 'on-track', '2026-12-20')],
    'late',
  ],
  [
    'its past-due milestone is done',
    action('f', 'on-track', '2027-06-30'),
    [milestone('f1', 'f', 'completed', '2026-11-01')],
    'later',
  ],
  [
    'completed, though a milestone was left open and past due',
    action('g', 'completed', '2026-11-01'),
    [milestone('g1', 'g', 'not-started', '2026-10-01')],
    'closed',
  ],
];

describe('the plan page’s due filter: the action itself or one of its milestones, as “my actions” judges it', () => {
  it.each(cases)('%s', (_, row, milestones, expected) => {
    const shown = (due: string) => matches(row, filter(due), plan, TODAY, milestones);
    expect(shown('overdue')).toBe(expected === 'late');
    expect(shown('30')).toBe(expected === 'due-soon');
    expect(shown('90')).toBe(expected === 'due-soon');
  });

  it('counts only the action’s own milestones', () => {
    const other = [milestone('x1', 'someone-else', 'on-track', '2026-11-01')];
    expect(matches(action('h', 'on-track', '2027-06-30'), filter('overdue'), plan, TODAY, other)).toBe(false);
  });

  it('says in its options that an action is late or due soon through its milestones too', () => {
    expect(DUE_CHOICES.map((c) => c.text)).toEqual([
      'Late (the action or one of its milestones)',
      'Due in the next 30 days (the action or one of its milestones)',
      'Due in the next 90 days (the action or one of its milestones)',
      'No date',
    ]);
  });
});
