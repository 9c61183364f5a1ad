import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import type { ReportUpdate } from './report-data.js';
import { summarise } from './summarise.js';

/** A correction is a new update naming the one it corrects: reports use it in the corrected one's place. */
describe('corrections in reports', () => {
  const { data } = kentBusinessPlan();
  const action = data.actions.find((a) => a.ref === '1.2')!;
  const update = (id: string, at: string, narrative: string, extra: Partial<ReportUpdate> = {}) => ({
    id,
    actionId: action.id,
    at,
    authorName: 'Officer',
    narrative,
    status: 'on-track' as const,
    ...extra,
  });
  const latestOf = (updates: ReportUpdate[]) =>
    summarise({ ...data, updates: [...data.updates.filter((u) => u.actionId !== action.id), ...updates] })
      .themes.flatMap((t) => t.actions)
      .find((a) => a.id === action.id)!.latest?.narrative;

  it('uses the correction of the latest update, not the update it corrects', () => {
    const first = update('U1', '2013-08-01T10:00:00Z', 'Wrong figures sent');
    const fix = update('U2', '2013-08-02T10:00:00Z', 'Right figures', { corrects: 'U1' });
    expect(latestOf([first, fix])).toBe('Right figures');
  });

  it('keeps a later update latest when an earlier one is corrected after it', () => {
    const first = update('U1', '2013-07-01T10:00:00Z', 'July, wrong');
    const second = update('U2', '2013-08-01T10:00:00Z', 'August');
    const fix = update('U3', '2013-09-01T10:00:00Z', 'July, corrected', { corrects: 'U1' });
    expect(latestOf([first, second, fix])).toBe('August');
  });
});
