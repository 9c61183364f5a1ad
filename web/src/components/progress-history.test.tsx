import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProgressUpdateRow } from '../lib/responses.js';
import { ProgressHistory } from './progress-history.js';

const update = (over: Partial<ProgressUpdateRow>) =>
  ({
    id: 'u1',
    actionId: 'a1',
    authorName: 'Ed Ellis',
    at: '2026-12-07T11:43:00.000Z',
    narrative: 'Survey closed',
    status: 'on-track',
    period: 'Year-end 2026-27',
    ...over,
  }) as unknown as ProgressUpdateRow;
/** The history's text, tags dropped. */
const text = (items: ProgressUpdateRow[]) =>
  renderToStaticMarkup(<ProgressHistory items={items} />)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

describe('ProgressHistory', () => {
  it('says when an update was written and the period it is filed under', () => {
    expect(text([update({})])).toContain('Ed Ellis, 7 December 2026 at 11:43am · period Year-end 2026-27');
  });

  it('gives an imported progress entry its day alone, from the imported plan, not "period imported"', () => {
    // The importer files a dated log entry ("15/06/26 – supplier chosen") at midday under "imported".
    const t = text([
      update({ at: '2026-06-15T12:00:00.000Z', period: 'imported', authorName: 'Ed (imported)' }),
    ]);
    expect(t).toContain('Ed (imported), 15 June 2026 · from the imported plan');
    expect(t).not.toContain('1:00pm');
    expect(t).not.toContain('period imported');
  });
});
