import { describe, expect, it } from 'vitest';
import { themeHeading } from '../../web/src/components/plan-view.js';

describe('a group’s heading on the plan page', () => {
  const plan = { kind: 'people-strategy' as const, themeNoun: 'Priority' };
  const theme = (ref: string, title: string) => ({
    id: 't',
    planId: 'p',
    ref,
    title,
    order: 0,
    version: 1,
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
  });

  it('is the plan’s word, its number and its title', () => {
    expect(themeHeading(plan, theme('2', 'Pay and reward'))).toBe('Priority 2: Pay and reward');
  });

  it('is the title alone for an unnumbered group, never "Priority: Actions"', () => {
    expect(themeHeading(plan, theme('', 'Actions'))).toBe('Actions');
  });

  it('names actions in no group', () => {
    expect(themeHeading(plan, undefined)).toBe('Other actions');
  });
});
