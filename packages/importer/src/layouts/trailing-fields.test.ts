import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

/** A made-up workforce plan whose table lost its borders: each row's lead and date end its line. */
const SAMPLE = `KEY ACTIONS RESPONSIBLE OFFICERDEADLINE

We will grow our own talent

Launch a graduate scheme for hard-to-fill posts Head of Workforce March 2025
Agree apprenticeship targets with each directorate Head of Workforce June 2025
Refresh the induction course for new starters

Learning and Development Manager Sept 2024

We will look after our people

Publish a wellbeing offer for all staff HR Business Partner December 2024
Review the flexible working policy

HR Business Partner

January 2025`;

describe('trailing-fields', () => {
  it('reads each line’s tail as the lead and the date, a recurring lead whole', () => {
    const r = readSample(SAMPLE);
    expect(r.layouts).toEqual(['trailing-fields']);
    expect(r.header).toEqual(['KEY ACTIONS', 'RESPONSIBLE OFFICER', 'DEADLINE']);
    expect(r.data).toEqual([
      ['Launch a graduate scheme for hard-to-fill posts', 'Head of Workforce', 'March 2025'],
      ['Agree apprenticeship targets with each directorate', 'Head of Workforce', 'June 2025'],
      ['Refresh the induction course for new starters', 'Learning and Development Manager', 'Sept 2024'],
      ['Publish a wellbeing offer for all staff', 'HR Business Partner', 'December 2024'],
      ['Review the flexible working policy', 'HR Business Partner', 'January 2025'],
    ]);
  });

  it('reads the text lines before a full row as the group headings', () => {
    expect(readSample(SAMPLE).headings).toEqual([
      'We will grow our own talent',
      'We will look after our people',
    ]);
  });

  it('splits a role from a body that follows it, and moves leading numbers to a ref column', () => {
    const r = readSample(
      [
        'Safe staffing',
        'Objective Executive lead Governance forum',
        '1 Cut agency spend by a tenth Director of Finance People Committee',
        '2 Fill nine in ten vacancies within 12 weeks Director of Finance People Committee',
      ].join('\n'),
    );
    expect(r.header).toEqual(['Ref', 'Objective', 'Executive lead', 'Governance forum']);
    expect(r.data).toEqual([
      ['1', 'Cut agency spend by a tenth', 'Director of Finance', 'People Committee'],
      ['2', 'Fill nine in ten vacancies within 12 weeks', 'Director of Finance', 'People Committee'],
    ]);
    expect(r.headings).toEqual(['Safe staffing']);
  });

  it('keeps a deadline inside the last sentence only', () => {
    const r = readSample(
      [
        'Target Target date',
        'Managers are trained in coaching. This is part of our ongoing learning. March 2025',
        'Exit interviews are offered to every leaver. April 2025',
      ].join('\n'),
    );
    expect(r.data.map((d) => d[1])).toEqual(['March 2025', 'April 2025']);
  });

  it('is not a table when no line ends in the header’s fields', () => {
    const r = readSample(
      'Action Lead Deadline\nWe met twice this year and will meet again.\nMore text follows here.',
    );
    expect(r.layouts).not.toContain('trailing-fields');
  });

  it('keeps a numbered row the text stops in the middle of, and says its columns are missing', () => {
    const r = readSample(
      [
        'Look after our people',
        '  Indicator Executive lead Governance forum',
        '1 Keep staff turnover below 10% Chief People Officer People Committee',
        '2 Raise appraisal completion to 90% Chief People Officer People Committee',
        '3 Cut agency spend by a fifth Chief Finance Officer Finance Committee',
        '4 Increase the share of staff who would recommend us as a pla',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['trailing-fields']);
    expect(r.data.at(-1)).toEqual([
      '4',
      'Increase the share of staff who would recommend us as a pla',
      '',
      '',
    ]);
    expect(r.data.map((d) => d[0])).toEqual(['1', '2', '3', '4']);
    expect(r.warnings.map((w) => `${w.code}@${w.where}`)).toEqual(['partly-unread@line 6']);
  });

  it('reads a header whose column name holds a spaced slash ("Person / body responsible") as its columns', () => {
    const r = readSample(
      [
        'Action Target date Person / body responsible',
        'Publish a statement on equal pay September 2026 Director of People',
        'Complete an equal pay audit of every grade March 2027',
        'Director of People / Director of Student Services',
        'Brief line managers on the new policy December 2026',
        'Director of People / Director of Student Services',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['trailing-fields']);
    expect(r.header).toEqual(['Action', 'Target date', 'Person / body responsible']);
    expect(r.data).toEqual([
      ['Publish a statement on equal pay', 'September 2026', 'Director of People'],
      [
        'Complete an equal pay audit of every grade',
        'March 2027',
        'Director of People / Director of Student Services',
      ],
      [
        'Brief line managers on the new policy',
        'December 2026',
        'Director of People / Director of Student Services',
      ],
    ]);
  });

  it('leaves the words before a deadline that the date does not take with the title', () => {
    const r = readSample(
      [
        'Action Target date Lead',
        'Train contacts drawn from every campus November 2026 Director of People',
        'Publish the pay policy statement March 2027 Director of People',
      ].join('\n'),
    );
    expect(r.data).toEqual([
      ['Train contacts drawn from every campus', 'November 2026', 'Director of People'],
      ['Publish the pay policy statement', 'March 2027', 'Director of People'],
    ]);
  });

  it('keeps a cell of two paragraphs whole when its fields come on lines of their own', () => {
    const r = readSample(
      [
        'Action Target date Lead',
        'Publish the pay policy statement March 2027 Director of People',
        '',
        'Staff networks',
        '',
        'Find which teams have the widest gaps',
        '',
        'Agree measures to close them',
        '',
        'January 2027',
        '',
        'Director of People',
      ].join('\n'),
    );
    expect(r.headings).toEqual(['Staff networks']);
    expect(r.data.at(-1)).toEqual([
      'Find which teams have the widest gaps\nAgree measures to close them',
      'January 2027',
      'Director of People',
    ]);
  });
});
