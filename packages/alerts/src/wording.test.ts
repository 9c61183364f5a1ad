import { describe, expect, it } from 'vitest';
import type { AlertLine, LineRole } from './model.js';
import type { Stage } from './stages.js';
import { movedLines, plural, routedNote, stageCounts, stageLabel, whyYou } from './wording.js';

const line = (stage: Stage, role: LineRole = 'lead') =>
  ({ stage, role }) satisfies Pick<AlertLine, 'stage' | 'role'>;
const many = (n: number, stage: Stage, role: LineRole = 'lead') =>
  Array.from({ length: n }, () => line(stage, role));

describe('counts in subjects', () => {
  it('agree with their number', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(3, 'day')).toBe('3 days');
    expect(stageCounts(many(1, 'rebaselined', 'owner'))).toBe('1 deadline moved past its baseline');
    expect(stageCounts(many(3, 'rebaselined', 'owner'))).toBe('3 deadlines moved past their baselines');
    expect(stageCounts(many(1, 'stale'))).toBe('1 progress update needed');
    expect(stageCounts(many(2, 'stale'))).toBe('2 progress updates needed');
    expect(stageCounts([...many(2, 'overdue'), ...many(1, 'due-soon'), ...many(2, 'due-today')])).toBe(
      '2 overdue, 2 due today, 1 due soon',
    );
    expect(stageCounts(many(2, 'escalated', 'escalation'))).toBe('2 overdue – escalated');
  });

  it('count a lead’s escalated item as overdue: escalation is news only to whom it goes', () => {
    expect(stageCounts([...many(1, 'escalated'), ...many(1, 'overdue')])).toBe('2 overdue');
    expect(stageLabel(line('escalated'))).toBe('Overdue');
    for (const role of ['escalation', 'owner', 'admin'] as const)
      expect(stageLabel(line('escalated', role))).toBe('Overdue – escalated');
  });
});

describe('why the reader gets the email', () => {
  it('names each part they play, and only those', () => {
    expect(whyYou([line('overdue')])).toBe('You get these emails because you lead these actions.');
    expect(whyYou([line('escalated', 'escalation')])).toBe(
      'You get these emails because these overdue items are escalated to you.',
    );
    expect(whyYou([line('rebaselined', 'owner')])).toBe(
      'You get these emails because you own the plans these items belong to.',
    );
    expect(whyYou([line('overdue', 'admin')])).toBe(
      'You get these emails because you administer the council and no one named on them can be emailed.',
    );
    expect(whyYou([line('overdue'), line('escalated', 'escalation'), line('overdue', 'admin')])).toBe(
      'You get these emails because you lead some of these actions, and because some are overdue and escalated to you, and because you administer the council and no one named on some of them can be emailed.',
    );
  });

  it('says why a line came to someone it was not meant for, and what puts it right', () => {
    const noOwner = { missing: 'this plan has no owner', fix: "set the plan's owner" };
    expect(routedNote([noOwner], 'admin')).toBe(
      "This plan has no owner, so this comes to you as an administrator: set the plan's owner so that the right person hears.",
    );
    expect(
      routedNote(
        [{ missing: 'no lead is named for this action', fix: 'name a lead for it' }, noOwner],
        'admin',
      ),
    ).toBe(
      "No lead is named for this action, and this plan has no owner, so this comes to you as an administrator: name a lead for it, and set the plan's owner, so that the right person hears.",
    );
    expect(
      routedNote(
        [
          {
            missing: 'email to Gone is not being delivered',
            fix: 'check their email address in the people directory',
          },
        ],
        'owner',
      ),
    ).toBe(
      "Email to Gone is not being delivered, so this comes to you as the plan's owner: check their email address in the people directory so that the right person hears.",
    );
  });
});

describe('a re-baseline', () => {
  it('gives the baseline, the date before, the new date, the reason, and who moved it when', () => {
    expect(
      movedLines({
        baseline: '2026-11-30',
        from: '2026-12-31',
        to: '2027-02-28',
        recorded: {
          reason: 'Supplier delayed the contract',
          by: 'Rita Reeve',
          at: '2026-12-01T23:30:00.000Z',
        },
      }),
    ).toEqual([
      'Baseline: 30 November 2026',
      'Moved from: 31 December 2026',
      'New deadline: 28 February 2027',
      'Reason given: Supplier delayed the contract',
      'Moved by: Rita Reeve on 1 December 2026',
    ]);
  });

  it('says no reason was given when none was, and leaves out what is not known', () => {
    const recorded = { by: 'Rita Reeve', at: '2026-07-01T23:30:00.000Z' }; // 2 July in London (BST)
    expect(movedLines({ baseline: '2026-11-30', from: '2026-11-30', to: '2027-01-31', recorded })).toEqual([
      'Baseline: 30 November 2026',
      'New deadline: 31 January 2027',
      'Reason given: none',
      'Moved by: Rita Reeve on 2 July 2026',
    ]);
    expect(movedLines({ from: '2026-11-30', to: '2027-01-31' })).toEqual([
      'Moved from: 30 November 2026',
      'New deadline: 31 January 2027',
    ]);
  });
});
