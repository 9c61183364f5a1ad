import { describe, expect, it } from 'vitest';
import { refusal, summaryFrom } from '../../web/src/components/form.js';
import { closedMeanwhile } from '../../web/src/components/period-select.js';
import { ApiError } from '../../web/src/lib/api.js';

const refused = (message: string, details?: Array<{ path: string; message: string }>) =>
  new ApiError(400, 'bad-request', message, details);

describe('refusal: a save the API refused, shown as the form’s own checks are', () => {
  it('puts the API’s sentence beside the one field it names, by the form’s id, with its date in words', () => {
    const r = refusal(
      refused('A milestone cannot be completed before its plan began (2004-04-01)', [
        { path: 'completedOn', message: 'give a day on or after 2004-04-01' },
      ]),
      { completedOn: 'ms-done-day' },
    );
    expect(r.errors).toEqual({
      'ms-done-day': 'A milestone cannot be completed before its plan began (1 April 2004)',
    });
    // Said once, linked to the field: not again unlinked above it.
    expect(r.message).toBeUndefined();
    expect(summaryFrom(r.errors)).toEqual([
      { href: '#ms-done-day', text: 'A milestone cannot be completed before its plan began (1 April 2004)' },
    ]);
  });

  it('gives each of several fields its own message, as a sentence, nested paths by their first part', () => {
    const r = refusal(
      refused('The request is not valid', [
        { path: 'title', message: 'too long: 200 characters at most' },
        { path: 'leads.0.label', message: 'enter who leads it' },
        { path: 'leads.1.label', message: 'enter who leads it too' },
      ]),
      { title: 'new-title', leads: 'leads' },
    );
    expect(r.errors).toEqual({
      'new-title': 'Too long: 200 characters at most',
      leads: 'Enter who leads it',
    });
    expect(r.message).toBeUndefined();
  });

  it('finds a field by the longest part of its path the form names, or by a function of the path', () => {
    const r = refusal(
      refused('The request is not valid', [
        { path: 'period.start', message: 'must be a real date' },
        { path: 'period.label', message: 'too long' },
        { path: 'reportingPoints.1.date', message: 'after the plan ends' },
      ]),
      { 'period.start': 'periodStart-day', period: 'periodLabel', reportingPoints: 'points' },
    );
    expect(r.errors).toEqual({
      'periodStart-day': 'Must be a real date',
      periodLabel: 'Too long',
      points: 'After the plan ends',
    });
    const byPath = refusal(refused('Bad', [{ path: 'reportingPoints.1.date', message: 'no' }]), (path) =>
      path.replace(/^reportingPoints\.(\d+)\.date$/, (_, n) => `point-${Number(n) + 1}-date-day`),
    );
    expect(byPath.errors).toEqual({ 'point-2-date-day': 'Bad' });
  });

  it('keeps in the summary, in words, what names no field of the form', () => {
    const r = refusal(
      refused('Someone else changed this on 2026-11-30', [{ path: 'version', message: 'stale' }]),
      { title: 'new-title' },
    );
    expect(r.errors).toEqual({});
    expect(r.message).toBe('Someone else changed this on 30 November 2026');
    expect(refusal(refused('A 2026-02-30 is no date, left as it is'), {}).message).toBe(
      'A 2026-02-30 is no date, left as it is',
    );
    expect(refusal(new Error('PeoplePlan could not be reached'), {}).message).toBe(
      'PeoplePlan could not be reached',
    );
  });

  it('says a period closed in another tab on the period field, and knows the list of periods is stale', () => {
    const message =
      'Q1 2026-27 (April–June 2026) is closed and its report is frozen: add this update to the current period, or ask an administrator to reopen Q1 2026-27 (April–June 2026).';
    const closed = new ApiError(409, 'conflict', message, [{ path: 'period', message }]);
    const r = refusal(closed, { narrative: 'narrative', period: 'period' });
    expect(r.errors).toEqual({ period: message });
    expect(r.message).toBeUndefined();
    expect(summaryFrom(r.errors, { period: 'round-period' })).toEqual([
      { href: '#round-period', text: message },
    ]);
    expect(closedMeanwhile(closed)).toBe(true);
    // Another conflict (a correction corrected meanwhile) or a refused field says nothing of the periods.
    expect(closedMeanwhile(new ApiError(409, 'conflict', 'That update has already been corrected'))).toBe(
      false,
    );
    expect(closedMeanwhile(refused('Choose one', [{ path: 'period', message: 'not one' }]))).toBe(false);
  });
});
