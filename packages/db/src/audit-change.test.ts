import { describe, expect, it } from 'vitest';
import { auditChange } from './audit-change.js';

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
});
