import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * An internal audit recommendations tracker: the audit's name on each of its recommendations' rows is
 * their group, and "Rec No" holds the refs the audit report gave them.
 */
describe('audit recommendations tracker', () => {
  it('groups recommendations by audit and keeps their numbers as refs', async () => {
    const buf = readFileSync(new URL('../test/fixtures/audit-tracker.csv', import.meta.url));
    const plan = await parsePlanFile(buf, { filename: 'audit-tracker.csv', planStart: '2026-04-01' });
    expect(plan.themes.map((t) => t.title)).toEqual([
      'Agency Staff Controls 2025/26',
      'Mandatory Training Compliance',
    ]);
    expect(plan.themes.map((t) => t.actions.map((a) => a.ref))).toEqual([
      ['AG1', 'AG2'],
      ['MT1', 'MT2'],
    ]);
    expect(plan.themes[0]!.actions[0]!.title).toBe(
      'Every agency booking should have an approved business case',
    );
  });
});

/**
 * "Timescale | Next review date" (an IiP or audit action plan): the review date is when the action is
 * next looked at, kept under its name, never the deadline nor joined to it.
 */
describe('a review date beside the deadline', () => {
  it('keeps the timescale as the deadline', async () => {
    const buf = readFileSync(new URL('../test/fixtures/review-date.csv', import.meta.url));
    const plan = await parsePlanFile(buf, { filename: 'review-date.csv', planStart: '2026-04-01' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.due?.text, a.due?.kind])).toEqual([
      ['December 2026', 'date'],
      ['Ongoing', 'ongoing'],
      ['June 2027', 'date'],
    ]);
    expect(actions[0]!.extra).toContainEqual({ label: 'Next review date', text: '15/10/2026' });
  });
});
