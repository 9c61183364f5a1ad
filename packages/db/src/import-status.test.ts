import { describe, expect, it } from 'vitest';
import { abandonedCommit, stillCommitting } from './import-status.js';

const now = Date.parse('2026-12-07T15:00:00Z');
const started = (minutesAgo: number) => ({
  status: 'committing',
  startedAt: new Date(now - minutesAgo * 60_000).toISOString(),
});

describe('an import commit under way', () => {
  it('holds its people for minutes, not an hour: the API stops any request after 28 s', () => {
    expect(stillCommitting(started(1), now)).toBe(true);
    expect(stillCommitting(started(9), now)).toBe(true);
    // Abandoned: a person it named can be marked as left again.
    expect(stillCommitting(started(11), now)).toBe(false);
    expect(stillCommitting(started(45), now)).toBe(false);
  });

  it('is only a record that is committing', () => {
    expect(stillCommitting({ ...started(1), status: 'committed' }, now)).toBe(false);
    expect(stillCommitting({ ...started(1), status: 'preview' }, now)).toBe(false);
    expect(stillCommitting(undefined, now)).toBe(false);
    // Refused part way: not running, so its people are not waited for.
    expect(stillCommitting({ ...started(1), failedAt: new Date(now).toISOString() }, now)).toBe(false);
  });
});

describe('an abandoned import commit', () => {
  it('is one begun longer ago than any commit runs, failed or not; a record without a start is neither', () => {
    expect(abandonedCommit(started(11), now)).toBe(true);
    expect(abandonedCommit({ ...started(11), failedAt: new Date(now).toISOString() }, now)).toBe(true);
    expect(abandonedCommit(started(9), now)).toBe(false);
    expect(abandonedCommit({ ...started(11), status: 'committed' }, now)).toBe(false);
    expect(abandonedCommit({ status: 'committing' }, now)).toBe(false);
    expect(stillCommitting({ status: 'committing' }, now)).toBe(false);
  });
});
