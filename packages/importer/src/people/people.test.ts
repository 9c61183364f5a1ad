import { describe, expect, it } from 'vitest';
import { duplicateGroups, normaliseName, normaliseRoleLabel } from './index.js';
import { newPersonName } from './name-title.js';

describe('normalising names and role labels', () => {
  it.each([
    ['HOP OS', 'HOPOS'],
    ['Clir Jackson', 'Cllr Jackson'],
    ['Councillor Jackson', 'Cllr. Jackson'],
    ['Turner-Robinson', 'Turner Robinson'],
    ['L & D Team', 'L and D team'],
    ['GM (HR)', 'gm hr'],
  ])('%s is %s', (a, b) => {
    expect(normaliseRoleLabel(a)).toBe(normaliseRoleLabel(b));
  });

  it('keeps what tells labels apart', () => {
    expect(normaliseRoleLabel('GM (HR)')).not.toBe(normaliseRoleLabel('GM (OD)'));
    expect(normaliseRoleLabel('Cllr Jackson')).not.toBe(normaliseRoleLabel('Cllr Jacks'));
  });

  it('reads a name as its words, titles and punctuation aside', () => {
    expect(normaliseName('Cllr. J. Turner-Robinson')).toBe('cllr j turner robinson');
    expect(normaliseName('Dr Jackie  Turner Robinson')).toBe('jackie turner robinson');
  });
});

describe('likely duplicates (the Kent import of the issue)', () => {
  const people = [
    { id: 'p1', name: 'HOP OS' },
    { id: 'p2', name: 'HOPOS' },
    { id: 'p3', name: 'Clir Jackson' },
    { id: 'p4', name: 'Cllr Jackson' },
    { id: 'p5', name: 'Jackie Turner Robinson' },
    { id: 'p6', name: 'Turner-Robinson' },
    { id: 'p7', name: 'J. Turner-Robinson' },
    { id: 'p8', name: 'Policy Officer' },
    { id: 'p9', name: 'Paul Royel' },
  ];

  it('groups each pair the issue names, with a reason each', () => {
    const groups = duplicateGroups(people);
    const byIds = Object.fromEntries(groups.map((g) => [g.ids.join(','), g.reason]));
    expect(byIds).toEqual({ 'p1,p2': 'spelling', 'p3,p4': 'typo', 'p5,p6,p7': 'surname' });
    for (const g of groups) expect(g.explanation.length).toBeGreaterThan(10);
  });

  it('names an initial as the reason where that is the link', () => {
    expect(duplicateGroups(['J. Turner-Robinson', 'Jackie Turner Robinson'])).toEqual([
      {
        labels: ['J. Turner-Robinson', 'Jackie Turner Robinson'],
        ids: [],
        reason: 'initial',
        explanation: expect.stringContaining('initial'),
      },
    ]);
  });

  it('does not group different people, nor a surname two people share, nor roles by their last word', () => {
    expect(duplicateGroups(['Jackie Turner', 'John Turner', 'Turner'])).toEqual([]);
    expect(duplicateGroups(['J. Smith', 'Jane Smith', 'Jo Smith'])).toEqual([]);
    expect(duplicateGroups(['Policy Officer', 'Senior Policy Officer'])).toEqual([]);
    expect(duplicateGroups(['Paul Royel', 'Paula Royel'])).toEqual([]);
  });
});

describe('first names a letter apart', () => {
  it('are offered as one person, with the same surname and title', () => {
    const groups = duplicateGroups([
      'Jon Smith, OD Manager',
      'John Smith, OD Manager',
      'Philip Ward',
      'Phillip Ward',
      'Rachel Green (Head of HR)',
      'Rachael Green',
    ]);
    expect(groups.map((g) => [g.labels, g.reason])).toEqual([
      [['Jon Smith, OD Manager', 'John Smith, OD Manager'], 'first-name'],
      [['Philip Ward', 'Phillip Ward'], 'first-name'],
      [['Rachel Green (Head of HR)', 'Rachael Green'], 'first-name'],
    ]);
  });

  it('are not, a letter at the end or in place of another, with another title, or another surname', () => {
    expect(duplicateGroups(['Paul Royel', 'Paula Royel'])).toEqual([]);
    expect(duplicateGroups(['Louis Martin', 'Louise Martin'])).toEqual([]);
    expect(duplicateGroups(['Mark Evans', 'Mary Evans'])).toEqual([]);
    expect(duplicateGroups(['Jon Smith (Head of Highways)', 'John Smith (HR Business Partner)'])).toEqual([]);
    expect(duplicateGroups(['Jon Smith', 'John Smyth'])).toEqual([]);
  });
});

describe('a name with the job title after it', () => {
  it('is offered as the same person as the name alone, never a different name with that title', () => {
    const groups = duplicateGroups([
      'Mark Bennett (Head of OD)',
      'Mark Bennett',
      'Aisha Khan, Head of HR',
      'Aisha Khan',
      'Head of OD',
    ]);
    expect(groups.map((g) => [g.labels, g.reason])).toEqual([
      [['Mark Bennett (Head of OD)', 'Mark Bennett'], 'role'],
      [['Aisha Khan, Head of HR', 'Aisha Khan'], 'role'],
    ]);
    expect(duplicateGroups(['Mark Bennett (Head of OD)', 'Mark Benson'])).toEqual([]);
    // The title first, the name in brackets.
    expect(duplicateGroups(['Head of HR (Jane Smith)', 'Jane Smith', 'Head of HR (interim)'])).toEqual([
      expect.objectContaining({ labels: ['Head of HR (Jane Smith)', 'Jane Smith'], reason: 'role' }),
    ]);
    expect(newPersonName('Head of HR (Jane Smith)')).toEqual({ name: 'Jane Smith', jobTitle: 'Head of HR' });
    // Two job titles: perhaps two people of one name, so not offered as one.
    expect(duplicateGroups(['David Jones (Head of Highways)', 'David Jones (HR Business Partner)'])).toEqual(
      [],
    );
  });
});

describe('initials', () => {
  it('are offered as the one person they fit', () => {
    const groups = duplicateGroups([
      'JS',
      'Jane Smith',
      'J.T.R.',
      'Jackie Turner-Robinson',
      'MB',
      'Head of OD',
    ]);
    expect(groups.map((g) => [g.labels, g.reason])).toEqual([
      [['JS', 'Jane Smith'], 'initials'],
      [['J.T.R.', 'Jackie Turner-Robinson'], 'initials'],
    ]);
    expect(groups[0]!.explanation).toContain('initials');
    // With the job title after the name, and first and last initials of a three-word name.
    expect(duplicateGroups(['Mark Bennett (Head of OD)', 'MB']).map((g) => g.reason)).toEqual(['initials']);
    expect(duplicateGroups(['JR', 'Jackie Turner Robinson']).map((g) => g.reason)).toEqual(['initials']);
  });

  it('are not, when two people fit, for a role acronym, or for a role', () => {
    expect(duplicateGroups(['JS', 'Jane Smith', 'John Smith'])).toEqual([]);
    expect(duplicateGroups(['HR', 'Helen Roberts'])).toEqual([]);
    expect(duplicateGroups(['OD', 'Olivia Dean'])).toEqual([]);
    expect(duplicateGroups(['HO', 'Head of OD'])).toEqual([]);
  });
});
