import { describe, expect, it } from 'vitest';
import { dateStage } from './stages.js';

const settings = { dueSoonDays: 14, escalateAfterDays: 30, enabled: true };
const today = '2026-03-10';

describe('dateStage', () => {
  it.each([
    ['2026-03-25', undefined],
    ['2026-03-24', 'due-soon'],
    ['2026-03-11', 'due-soon'],
    ['2026-03-10', 'due-today'],
    ['2026-03-09', 'overdue'],
    ['2026-02-09', 'overdue'],
    ['2026-02-08', 'escalated'],
    ['2024-01-01', 'escalated'],
  ])('an item due %s is %s', (due, stage) => {
    expect(dateStage(due, today, settings)).toBe(stage);
  });

  it('follows the council’s own thresholds, across the clocks changing', () => {
    const s = { dueSoonDays: 3, escalateAfterDays: 7, enabled: true };
    expect(dateStage('2026-03-31', '2026-03-28', s)).toBe('due-soon');
    expect(dateStage('2026-04-01', '2026-03-28', s)).toBeUndefined();
    expect(dateStage('2026-03-21', '2026-03-28', s)).toBe('escalated');
    expect(dateStage('2026-03-22', '2026-03-28', s)).toBe('overdue');
  });
});
