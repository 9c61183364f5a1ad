import { describe, expect, it } from 'vitest';
import { changeLines } from '../../web/src/lib/history-words.js';

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
