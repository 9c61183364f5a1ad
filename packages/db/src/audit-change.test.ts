import { describe, expect, it } from 'vitest';
import { auditChange, historySubject } from './audit-change.js';

describe('auditChange: what an update’s event keeps', () => {
  it('keeps only fields whose meaning changed, not a period with its keys reordered or empty form fields', () => {
    const before = {
      id: 'p1',
      version: 3,
      title: 'Workforce plan',
      period: { start: '2025-04-01', end: '2028-03-31', label: '2025–2028' },
      themeNoun: 'Theme',
    };
    const after = {
      id: 'p1',
      version: 4,
      title: 'Workforce plan',
      period: { label: '2025–2028', start: '2025-04-01', end: '2028-03-31' },
      approval: {},
      ownerLabel: '',
      directorate: '',
      division: '',
      reportingPoints: [],
      owner: null,
    };
    expect(auditChange({ operation: 'update', entityType: 'plan', entityId: 'p1', before, after })).toEqual({
      operation: 'update',
      entityType: 'plan',
      entityId: 'p1',
      before: { themeNoun: 'Theme' },
      after: {},
    });
  });

  it('fits an item when many texts, each short enough to keep, are replaced together', () => {
    const lines = (c: string) => Array.from({ length: 120 }, (_, i) => `${i} ${c.repeat(1_000)}`);
    const event = auditChange({
      operation: 'update',
      entityType: 'action',
      entityId: 'a1',
      before: { title: 'Recruit', unplaced: lines('€') },
      after: { title: 'Recruit social workers', unplaced: lines('£') },
    });
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(200_000);
    // The small change is kept as it was; the large one is said in words, on both sides.
    expect(event.before).toMatchObject({
      title: 'Recruit',
      unplaced: expect.stringMatching(/too long to keep/),
    });
    expect(event.after).toMatchObject({ title: 'Recruit social workers', unplaced: expect.any(String) });
  });
});

describe('historySubject: whose history an event is in', () => {
  it('puts an action’s or milestone’s removal in its plan’s history (its own page is gone), other events in its own', () => {
    const removed = (entityType: string) =>
      historySubject({ operation: 'delete', entityType, entityId: 'x1', planId: 'p1', before: {} });
    expect(removed('action')).toBe('p1');
    expect(removed('milestone')).toBe('p1');
    expect(historySubject({ operation: 'update', entityType: 'action', entityId: 'x1', planId: 'p1' })).toBe(
      'x1',
    );
    expect(historySubject({ operation: 'delete', entityType: 'member', entityId: 'm1' })).toBe('m1');
  });
});
