import { nounWords } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { changeLines, eventHeadline } from '../../web/src/lib/history-words.js';

const update = (changes: Array<{ field: string; before?: unknown; after?: unknown }>) =>
  ({
    id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    councilId: 'harrow',
    at: '2026-12-06T10:00:00.000Z',
    actorSub: 'someone',
    operation: 'update',
    entityType: 'plan',
    entityId: 'p1',
    changes,
  }) as Parameters<typeof changeLines>[0];

describe('a plan’s changes in words', () => {
  it('names the plan’s details as its form does, and its kind by its label', () => {
    expect(
      changeLines(
        update([
          { field: 'kind', before: 'peer-review', after: 'business-plan' },
          { field: 'ownerLabel', after: 'Director of People' },
          { field: 'themeNoun', before: 'Theme' },
        ]),
      ),
    ).toEqual([
      { field: 'Kind of plan', before: 'Peer review action plan', after: 'Business plan' },
      { field: 'Owner as the plan names them', before: 'none', after: 'Director of People' },
      { field: 'What the plan calls its groups', before: 'Theme', after: 'none' },
    ]);
  });
});

const event = (e: Partial<Parameters<typeof eventHeadline>[0]>) =>
  ({
    id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    councilId: 'harrow',
    at: '2026-12-06T10:00:00.000Z',
    actorSub: 'someone',
    operation: 'create',
    entityType: 'plan',
    entityId: 'x',
    planId: 'p1',
    ...e,
  }) as Parameters<typeof eventHeadline>[0];

describe('changes in the plan’s own words', () => {
  const names = {
    themeWords: (planId: string | undefined) => (planId === 'p1' ? nounWords('objective') : undefined),
    themeHeading: (id: string) => ({ t1: 'Objective 1: Pay', t2: 'Objective 2: Recruitment' })[id],
  };

  it('names a group by the word its plan uses, else "a group"', () => {
    const added = event({ entityType: 'theme', after: { title: 'Pay' } });
    expect(eventHeadline(added, names)).toBe('Added an objective: Pay');
    expect(eventHeadline({ ...added, operation: 'delete', before: { title: 'Pay' } }, names)).toBe(
      'Removed an objective: Pay',
    );
    expect(eventHeadline({ ...added, planId: 'elsewhere' }, names)).toBe('Added a group: Pay');
    expect(eventHeadline(added)).toBe('Added a group: Pay');
  });

  it('says where an action moved between groups, by their names', () => {
    const moved = event({
      operation: 'update',
      entityType: 'action',
      changes: [{ field: 'themeId', before: 't1', after: 't2' }],
    });
    expect(changeLines(moved, names)).toEqual([
      { field: 'Objective', before: 'Objective 1: Pay', after: 'Objective 2: Recruitment' },
    ]);
  });

  it('calls a correction of a progress update a correction', () => {
    const update = { narrative: 'Done', status: 'completed' };
    expect(eventHeadline(event({ operation: 'append', entityType: 'update', after: update }))).toBe(
      'Added a progress update: Done',
    );
    expect(
      eventHeadline(
        event({
          operation: 'append',
          entityType: 'update',
          after: { ...update, corrects: '01ARZ3NDEKTSV4RRFFQ69G5FAW' },
        }),
      ),
    ).toBe('Corrected a progress update: Done');
  });
});

describe('people named in a change', () => {
  it('are named from the directory, not "another item"', () => {
    const names = { personName: (id: string) => ({ '01ARZ3NDEKTSV4RRFFQ69G5FAA': 'Helen Price' })[id] };
    expect(
      changeLines(
        update([
          {
            field: 'ownerPersonId',
            before: '01ARZ3NDEKTSV4RRFFQ69G5FAA',
            after: '01ARZ3NDEKTSV4RRFFQ69G5FZZ',
          },
          { field: 'personId', after: '01ARZ3NDEKTSV4RRFFQ69G5FAA' },
          { field: 'mergedInto', after: '01ARZ3NDEKTSV4RRFFQ69G5FAA' },
        ]),
        names,
      ),
    ).toEqual([
      // One the directory does not list (merged away) is said so, never as its id.
      { field: 'Owner', before: 'Helen Price', after: 'someone no longer listed' },
      { field: 'Person', before: 'none', after: 'Helen Price' },
      { field: 'Merged into', before: 'none', after: 'Helen Price' },
    ]);
  });
});
