import { describe, expect, it } from 'vitest';
import { changeLines, eventHeadline, type HistoryNames } from './history-words.js';
import type { HistoryEventRow } from './responses.js';

const event = (changes: Array<{ field: string; before?: unknown; after?: unknown }>) =>
  ({ id: 'e1', entityType: 'council', operation: 'update', changes }) as unknown as HistoryEventRow;

describe('changeLines', () => {
  it('names a person’s label as the person form does', () => {
    expect(changeLines(event([{ field: 'roleLabel', before: undefined, after: 'OD Manager' }]))).toEqual([
      { field: 'Label in plans', before: 'none', after: 'OD Manager' },
    ]);
  });

  it('says only which settings inside a group of settings changed, each under its group', () => {
    const before = {
      overdue: 'red',
      dueSoonDays: 30,
      byStatus: { 'not-started': 'grey', 'on-track': 'green' },
    };
    const after = {
      overdue: 'red',
      dueSoonDays: 21,
      byStatus: { 'not-started': 'amber', 'on-track': 'green' },
    };
    expect(changeLines(event([{ field: 'ragRules', before, after }]))).toEqual([
      { field: 'RAG rules: Due soon days', before: '30', after: '21' },
      { field: 'RAG rules: By status: Not started', before: 'grey', after: 'amber' },
    ]);
  });

  it('keeps a value with words of its own (a deadline, a rating) as one line', () => {
    const due = (text: string, d: string) => ({ text, kind: 'date', due: d });
    expect(
      changeLines(
        event([
          { field: 'due', before: due('March 2027', '2027-03-31'), after: due('June 2027', '2027-06-30') },
        ]),
      ),
    ).toEqual([{ field: 'Due', before: 'March 2027 (31 March 2027)', after: 'June 2027 (30 June 2027)' }]);
  });
});

describe('eventHeadline', () => {
  const changed = (entityType: string, entityId: string) =>
    ({
      id: 'e2',
      entityType,
      entityId,
      operation: 'update',
      after: { leads: [] },
      changes: [{ field: 'leads' }],
    }) as unknown as HistoryEventRow;
  const known = new Map([
    ['action:a1', '1.3 Review market supplements'],
    ['person:p1', 'Sam Lee'],
  ]);
  const names = { itemName: (type: string, id: string) => known.get(`${type}:${id}`) };

  it('says which item a change was made to, where the audit trail knows it', () => {
    // Two handovers of one leaver's actions read "Changed an action" twice, with nothing to tell them apart.
    expect(eventHeadline(changed('action', 'a1'), names)).toBe(
      'Changed an action: 1.3 Review market supplements',
    );
    expect(eventHeadline(changed('person', 'p1'), names)).toBe('Changed a person: Sam Lee');
  });

  it('says what happened alone where the item is unknown, or the history is the item’s own', () => {
    expect(eventHeadline(changed('action', 'gone'), names)).toBe('Changed an action');
    expect(eventHeadline(changed('action', 'a1'))).toBe('Changed an action');
  });
});

describe('changeLines: the order of a plan’s groups', () => {
  it('names the order in the plan’s word for its groups, not “Theme order”', () => {
    const e = {
      ...event([{ field: 'themeOrder', before: ['1', '2', '3'], after: ['1', '3', '2'] }]),
      planId: 'p1',
    } as HistoryEventRow;
    const themeWords = () => ({ noun: 'Priority' }) as ReturnType<NonNullable<HistoryNames['themeWords']>>;
    expect(changeLines(e, { themeWords })).toEqual([
      { field: 'Priority order', before: '1; 2; 3', after: '1; 3; 2' },
    ]);
  });
});
