import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('pdf-columns-out-of-order', () => {
  const SAMPLE = [
    'Objective',
    'Action',
    'Timeframe',
    'Lead',
    '2.1',
    'To support staff wellbeing across the service. Rationale: absence rose last year. Staff asked for more support. We want to respond.',
    'Launch a wellbeing hub on the intranet',
    'May 2025',
    'Head of HR',
    'Offer mental health first aid training. Run a menopause awareness campaign for managers.',
    'October 2025',
    'Head of HR, OD Lead',
    'March 2026',
    'OD Lead',
    'Review the employee assistance contract',
    'June 2026',
    'Head of Procurement',
  ].join('\n');

  it('reads each timeframe and lead with the action just before it, and does not guess the others', () => {
    const r = readSample(SAMPLE);
    expect(r.layouts).toEqual(['pdf-columns-out-of-order']);
    expect(r.data.map((d) => [d[1], d[2], d[3]])).toEqual([
      ['Launch a wellbeing hub on the intranet', 'May 2025', 'Head of HR'],
      ['Review the employee assistance contract', 'June 2026', 'Head of Procurement'],
    ]);
    expect(r.headings).toEqual(['2.1']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'columns-out-of-order', where: 'lines 11, 13' });
  });

  it('does not read lines a PDF wrapped mid-sentence as one cell a line', () => {
    const r = readSample(
      [
        'Action',
        'Lead Officer',
        'Deadline',
        'Review the way we',
        'recruit to hard to',
        'fill posts and',
        'report back',
        'Head of HR',
        'May 2025',
      ].join('\n'),
    );
    expect(r.rows).toEqual([]);
  });
});
