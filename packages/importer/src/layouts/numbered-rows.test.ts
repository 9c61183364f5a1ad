import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('numbered-rows', () => {
  it('reads rows from ref to ref under a header line: the first sentence is the action, the rest the last column', () => {
    const r = readSample(
      [
        'Ref: Action: Progress:',
        '',
        'W1.1 Every manager will complete the new absence',
        '',
        'training by the end of 2025.',
        '',
        'Course written',
        '',
        'First cohort booked',
        '',
        'W1.2',
        '',
        'Return-to-work interviews will be recorded in the HR system.',
        '',
        'System change requested',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['numbered-rows']);
    expect(r.header).toEqual(['Ref', 'Action', 'Progress']);
    expect(r.data).toEqual([
      [
        'W1.1',
        'Every manager will complete the new absence training by the end of 2025.',
        'Course written\nFirst cohort booked',
      ],
      ['W1.2', 'Return-to-work interviews will be recorded in the HR system.', 'System change requested'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('keeps a row whose columns ran together whole and says so', () => {
    const long = `${'The council should publish its pay gap every year and explain it to staff. '.repeat(4)}HR agreed to publish it by March 2025.`;
    const r = readSample(
      [
        'Recommendation Management Response Target date',
        `1. ${long}`,
        '',
        'Update at June 2024:',
        'Draft report written.',
      ].join('\n'),
    );
    expect(r.header).toEqual(['Ref', 'Recommendation', 'Management Response', 'Target date']);
    expect(r.data[0]![0]).toBe('1');
    expect(r.data[0]![2]).toBe('Update at June 2024:\nDraft report written.');
    expect(r.warnings.map((w) => [w.code, w.where])).toEqual([['columns-run-together', 'lines 2–5']]);
  });

  it('is not a table when no ref follows the header line', () => {
    expect(
      readSample('Action Lead Deadline\n\nWe met twice and will meet again in spring.').layouts,
    ).not.toContain('numbered-rows');
  });

  it('reads numbered actions over their deliverables, a cell a line, as groups of deliverables', () => {
    const r = readSample(
      [
        'ActionResponsibilityTimelineDeliverable',
        '',
        '4 Build relationships with local communities.',
        '',
        'Meet local community organisations to agree how we work together.',
        '',
        'March 2027',
        '',
        'Head of Engagement',
        '',
        'Share our engagement principles with the community panel.',
        '',
        'September 2026',
        '',
        'Director, Communities and Culture',
        '',
        '5 Mark significant dates.',
        '',
        'Publish a calendar of significant dates for staff.',
        '',
        '30 June 2026 and then annually',
        '',
        'People Director',
      ].join('\n'),
    );
    expect(r.header).toEqual(['Deliverable', 'Timeline', 'Responsibility']);
    expect(r.headings).toEqual([
      '4. Build relationships with local communities.',
      '5. Mark significant dates.',
    ]);
    expect(r.data).toEqual([
      [
        'Meet local community organisations to agree how we work together.',
        'March 2027',
        'Head of Engagement',
      ],
      [
        'Share our engagement principles with the community panel.',
        'September 2026',
        'Director, Communities and Culture',
      ],
      [
        'Publish a calendar of significant dates for staff.',
        '30 June 2026 and then annually',
        'People Director',
      ],
    ]);
  });
});
