import { describe, expect, it } from 'vitest';
import { handOverChoices, leftNote, personChoices } from '../../web/src/lib/person-choices.js';

describe('who a lead, a plan’s owner or a hand-over may be', () => {
  const people = [
    { id: 'helen', name: 'Helen Ward', leftOn: '2026-11-30' },
    { id: 'sarah', name: 'Sarah Jones' },
    { id: 'jon', name: 'Jon Smith', mergedInto: 'john' },
    { id: 'john', name: 'John Smith' },
  ];
  const ids = (ps: Array<{ id: string }>) => ps.map((p) => p.id);

  it('offers nobody who has left or was merged away as a lead or owner', () => {
    expect(ids(personChoices(people))).toEqual(['sarah', 'john']);
  });

  it('keeps the one a form already holds, saying they have left', () => {
    const kept = personChoices(people, 'helen');
    expect(ids(kept)).toEqual(['helen', 'sarah', 'john']);
    expect(kept.map((p) => p.name + leftNote(p))).toEqual([
      'Helen Ward (has left)',
      'Sarah Jones',
      'John Smith',
    ]);
  });

  it('hands over to anyone still here but the person themselves', () => {
    expect(ids(handOverChoices(people, 'sarah'))).toEqual(['john']);
    expect(ids(handOverChoices(people, 'helen'))).toEqual(['sarah', 'john']);
  });
});
