import { describe, expect, it } from 'vitest';
import type { ImportPreview } from './api-narrowings.js';
import { carryEdits } from './import-carry.js';

/** A reading of a plan: its title, one action per deadline text, and its leads (a person: matched). */
function reading(title: string, dues: string[], leads: Array<[string, string?]>): ImportPreview {
  const actions = dues.map((text, i) => ({
    ref: String(i + 1),
    title: `Action ${i + 1}`,
    leads: [],
    due: { kind: 'unparsed', text },
    milestones: [],
    subActions: [],
  }));
  return {
    plan: { title, themes: [{ ref: '1', title: 'Theme', actions }], milestones: [] },
    people: {
      leads: leads.map(([label, person]) => ({
        label,
        actions: 1,
        ...(person ? { person: { id: person, name: person, via: 'directory' } } : {}),
      })),
      suggestions: [],
    },
  } as unknown as ImportPreview;
}

describe('carryEdits: reading the same plan again', () => {
  const first = reading('tracker-statuses', ['Post restructuring'], [['Head of HR'], ['Reward Lead']]);

  it('keeps a title the person typed, and the document’s title when they had not changed it', () => {
    const again = reading('tracker-statuses', ['Post restructuring'], [['Head of HR'], ['Reward Lead']]);
    const edits = { title: 'Wyvern HR Tracker 2026/27', answers: {}, fixes: {} };
    expect(carryEdits(first, edits, again).title).toBe('Wyvern HR Tracker 2026/27');
    const renamed = reading('HR Tracker', ['Post restructuring'], [['Head of HR']]);
    expect(carryEdits(first, { ...edits, title: 'tracker-statuses' }, renamed).title).toBe('HR Tracker');
    // Emptied: the new reading's title, not a blank one.
    expect(carryEdits(first, { ...edits, title: '  ' }, renamed).title).toBe('HR Tracker');
  });

  it('keeps lead answers for leads still new, and drops those the new reading no longer asks about', () => {
    const again = reading(
      'tracker-statuses',
      ['Post restructuring'],
      [['Head of HR'], ['Reward Lead', 'p2']],
    );
    const edits = {
      title: 'tracker-statuses',
      answers: { 'Head of HR': 'person:p1', 'Reward Lead': 'new', 'Gone Lead': 'person:p3' } as const,
      fixes: {},
    };
    expect(carryEdits(first, edits, again).answers).toEqual({ 'Head of HR': 'person:p1' });
    // "The same as" another new lead: only while that lead is still new.
    const same = { ...edits, answers: { 'Head of HR': 'same:Reward Lead' } as const };
    expect(carryEdits(first, same, again).answers).toEqual({});
    const both = reading('t', ['Post restructuring'], [['Head of HR'], ['Reward Lead']]);
    expect(carryEdits(first, same, both).answers).toEqual({ 'Head of HR': 'same:Reward Lead' });
  });

  it('keeps a deadline correction only while the same words are still to check at the same place', () => {
    const edits = {
      title: 'tracker-statuses',
      answers: {},
      fixes: { 'themes-0-actions-0-due': 'March 2027' },
    };
    const same = reading('tracker-statuses', ['Post restructuring'], []);
    expect(carryEdits(first, edits, same).fixes).toEqual({ 'themes-0-actions-0-due': 'March 2027' });
    const other = reading('tracker-statuses', ['After the election'], []);
    expect(carryEdits(first, edits, other).fixes).toEqual({});
  });

  it('starts a first reading from the document', () => {
    const edits = { title: 'x', answers: { 'Head of HR': 'new' } as const, fixes: { a: 'b' } };
    expect(carryEdits(undefined, edits, first)).toEqual({
      title: 'tracker-statuses',
      answers: {},
      fixes: {},
    });
  });
});
