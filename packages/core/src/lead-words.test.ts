import { describe, expect, it } from 'vitest';
import { LEAD_ROLE_LABELS, leadsWords } from './lead-words.js';

describe('leads in words, as the pages and the reports say them', () => {
  it('calls an action’s lead "Lead", never "Responsible", and says no role a "Lead" heading already says', () => {
    expect(LEAD_ROLE_LABELS.responsible).toBe('Lead');
    expect(leadsWords([{ role: 'responsible', label: 'Sam Jones' }])).toBe('Sam Jones');
    expect(leadsWords([])).toBe('');
  });

  it('names each other role with its leads, in the plan’s order', () => {
    expect(
      leadsWords([
        { role: 'member', label: 'Cllr Ann Lee' },
        { role: 'responsible', label: 'Sam Jones' },
        { role: 'responsible', label: 'Jo Bloggs' },
      ]),
    ).toBe('Member lead: Cllr Ann Lee; Lead: Sam Jones, Jo Bloggs');
    expect(leadsWords([{ role: 'accountable', label: 'Helen Bale' }])).toBe(
      'Accountable officer: Helen Bale',
    );
  });
});
