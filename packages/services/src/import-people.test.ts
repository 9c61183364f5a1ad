import type { Person } from '@peopleplan/core';
import type { ParsedPlan } from '@peopleplan/importer';
import { describe, expect, it } from 'vitest';
import { checkLeadChoices, directoryOf, labelsToRemember } from './import-people.js';

const person = (id: string, name: string, more: Partial<Person> = {}): Person =>
  ({ id, councilId: 'kent', name, unresolved: false, version: 1, ...more }) as Person;
/** A plan whose actions name these leads (only what the lead matching reads). */
const planLed = (...labels: string[]) =>
  ({
    themes: [{ actions: labels.map((label) => ({ leads: [{ role: 'lead', label }], subActions: [] })) }],
  }) as unknown as ParsedPlan;

const rowan = person('01ROWAN0000000000000000000', 'Rowan Ellery');
const kit = person('01KIT000000000000000000000', 'Kit Marsh');
const gone = person('01GONE00000000000000000000', 'Sam Old', { leftOn: '2026-10-01' });

describe('choices of who leads, and the labels an import remembers', () => {
  it('refuses two different people chosen for one lead written two ways, so no two people are given its label', () => {
    const dir = directoryOf([rowan, kit]);
    const plan = planLed('Head of HR');
    const both = { 'Head of HR': { personId: rowan.id }, 'HEAD OF  HR.': { personId: kit.id } };
    expect(() => checkLeadChoices(plan, dir, both)).toThrow(
      expect.objectContaining({
        code: 'bad-request',
        details: [
          { path: 'people.HEAD OF  HR.', message: expect.stringMatching(/one choice for each lead/) },
        ],
      }),
    );
    // The same person, or the same new lead, chosen under both spellings is one choice.
    const same = { 'Head of HR': { personId: rowan.id }, 'head of hr': { personId: rowan.id } };
    expect(checkLeadChoices(plan, dir, same)).toEqual(same);
    expect(labelsToRemember(dir, same)).toEqual([{ person: rowan, label: 'Head of HR' }]);
  });

  it('remembers no label for a person who has left, is not in the directory, or already answers to it', () => {
    const labelled = person('01LABEL0000000000000000000', 'Ed Ellis', { roleLabel: 'Head of Pay' });
    const dir = directoryOf([rowan, labelled, gone]);
    const plan = planLed('Head of Talent', 'Head of Pay', 'Payroll lead');
    expect(() => checkLeadChoices(plan, dir, { 'Head of Talent': { personId: gone.id } })).toThrow();
    expect(() => checkLeadChoices(plan, dir, { 'Head of Talent': { personId: kit.id } })).toThrow();
    expect(
      labelsToRemember(dir, {
        'Head of Talent': { personId: gone.id },
        'Head of Pay': { personId: rowan.id },
        'Payroll lead': { personId: labelled.id },
      }),
    ).toEqual([]);
  });

  it('gives the successor a leaver’s role, never a leaver’s own name, as their label', () => {
    const dana = person('01DANA00000000000000000000', 'Dana Leaver', {
      roleLabel: 'Head of Talent',
      leftOn: '2026-09-30',
    });
    const dir = directoryOf([rowan, dana]);
    // The preview says "Dana Leaver" has left; the officer chooses who leads instead.
    expect(labelsToRemember(dir, { 'DANA LEAVER': { personId: rowan.id } })).toEqual([]);
    expect(labelsToRemember(dir, { 'Head of Talent': { personId: rowan.id } })).toEqual([
      { person: rowan, label: 'Head of Talent' },
    ]);
  });
});
