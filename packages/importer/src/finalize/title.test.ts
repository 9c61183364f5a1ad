import { describe, expect, it } from 'vitest';
import { readCover } from './title.js';

const cover = (...lines: string[]) => readCover(lines.map((text, i) => ({ text, where: `line ${i + 1}` })));

describe('readCover: the plan’s title', () => {
  it('takes the plan’s own name over the organisation’s above it', () => {
    const c = cover(
      'Testshire County Council',
      'Workforce Strategy Action Plan 2026–2029',
      'Our people, our future.',
    );
    expect(c.title).toBe('Workforce Strategy Action Plan 2026–2029');
    // The organisation's name is kept with the cover.
    expect(c.rest).toContain('Testshire County Council');
  });

  it('keeps the first line when nothing after it names a plan', () => {
    expect(cover('London Borough of Harrow', 'Introduction by the Chief Executive').title).toBe(
      'London Borough of Harrow',
    );
    expect(cover('HR Business Plan 2013-14', 'Kent County Council').title).toBe('HR Business Plan 2013-14');
  });
});

describe('readCover: a committee paper’s own labels are not the plan’s title', () => {
  it.each([
    [
      ['Agenda Item 6(b) – Appendix 2', 'Workforce Strategy Action Plan 2025-28'],
      'Workforce Strategy Action Plan 2025-28',
    ],
    [
      ['AGENDA ITEM NO. 7', 'Workforce Strategy Action Plan 2025-28'],
      'Workforce Strategy Action Plan 2025-28',
    ],
    [['Agenda item 5 – Workforce Strategy Action Plan 2025-28'], 'Workforce Strategy Action Plan 2025-28'],
    [['Appendix B – People Strategy Action Plan 2025-2028'], 'People Strategy Action Plan 2025-2028'],
  ])('%j is titled "%s"', (lines, title) => expect(cover(...lines).title).toBe(title));
});
