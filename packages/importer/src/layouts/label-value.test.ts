import { describe, expect, it } from 'vitest';
import { labelValue } from './label-value.js';
import { readSample } from './test-helpers.js';

const FORM = `Objective 1: Recruit and keep the staff we need

Action 1.1: Run a recruitment campaign for care workers
By when?: September 2024
Lead: Head of HR

Action 1.2: Introduce stay interviews for staff
in their first year
By when?: December 2024
Lead: HR Business Partner

Objective 2: Grow our leaders

Action 2.1: Launch a management development programme
Lead: Learning and Development Manager`;

describe('label-value-blocks', () => {
  it('reads a label as the column it names', () => {
    expect(labelValue('By when?: March 2025')).toMatchObject({ field: 'due', value: 'March 2025' });
    expect(labelValue('Action 3.2: Do it')).toMatchObject({ field: 'title', ref: '3.2', value: 'Do it' });
    expect(labelValue('Note to self: do it')).toBeUndefined();
  });

  it('reads each record under the labels as columns, objectives as headings', () => {
    const r = readSample(FORM);
    expect(r.layouts).toEqual(['label-value-blocks']);
    expect(r.header).toEqual(['Ref', 'Action', 'By when', 'Lead']);
    expect(r.data).toEqual([
      ['1.1', 'Run a recruitment campaign for care workers', 'September 2024', 'Head of HR'],
      [
        '1.2',
        'Introduce stay interviews for staff\nin their first year',
        'December 2024',
        'HR Business Partner',
      ],
      ['2.1', 'Launch a management development programme', '', 'Learning and Development Manager'],
    ]);
    expect(r.headings).toEqual([
      'Objective 1: Recruit and keep the staff we need',
      'Objective 2: Grow our leaders',
    ]);
  });

  it('is not a form when only one label names a column', () => {
    expect(readSample('Action: see the minutes\nThe meeting closed at 4pm.').layouts).not.toContain(
      'label-value-blocks',
    );
  });
});
