import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('one-cell-per-line', () => {
  it('reads text cells then a lead and a date as one row, the next text starting the next', () => {
    const r = readSample(
      [
        'Issue',
        'Action update',
        'By when',
        'By whom',
        '',
        'Sickness absence is above target',
        'Return-to-work interviews now held within three days.',
        'March 2025',
        'Head of HR',
        '',
        'Too few apprentices',
        'A new scheme was agreed in January.',
        'September 2025',
        'Learning and Development Manager',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['one-cell-per-line']);
    expect(r.data).toEqual([
      [
        'Sickness absence is above target',
        'Return-to-work interviews now held within three days.',
        'March 2025',
        'Head of HR',
      ],
      [
        'Too few apprentices',
        'A new scheme was agreed in January.',
        'September 2025',
        'Learning and Development Manager',
      ],
    ]);
  });

  it('zips a group written column by column: three actions, three leads, three dates', () => {
    const r = readSample(
      [
        'Lead responsibility',
        'Workforce data',
        'Publish the pay gap',
        'Publish ethnicity data',
        'Publish disability data',
        'HR Manager',
        'HR Manager',
        'HR Manager',
        'March 2025',
        'June 2025',
        'September 2025',
      ].join('\n'),
    );
    expect(r.headings).toEqual(['Workforce data']);
    expect(r.data.map((d) => d.filter(Boolean))).toEqual([
      ['Publish the pay gap', 'HR Manager', 'March 2025'],
      ['Publish ethnicity data', 'HR Manager', 'June 2025'],
      ['Publish disability data', 'HR Manager', 'September 2025'],
    ]);
  });

  it('does not start at a role that merely ends like a column name', () => {
    const r = readSample(['Policy Officer', 'Policy Officer', 'March 2025'].join('\n'));
    expect(r.layouts).not.toContain('one-cell-per-line');
  });

  it('reads a row a ref when text columns follow the date, leaving the page’s links after the table', () => {
    // A committee report's table copied from the web page: Progress and RAG come after the target date.
    const r = readSample(
      [
        'Ref',
        'Action',
        'Lead officer',
        'Target date',
        'Progress',
        'RAG',
        '1.1',
        'Introduce a workforce dashboard',
        'Head of HR',
        'December 2026',
        'Dashboard built; testing with two DMTs',
        'Green',
        '1.2',
        'Agree a workforce plan for each directorate',
        'HR Business Partners',
        'March 2027',
        'Three of five plans drafted',
        'Amber',
        'Back to agenda',
      ].join('\n'),
    );
    expect(r.data).toEqual([
      [
        '1.1',
        'Introduce a workforce dashboard',
        'Head of HR',
        'December 2026',
        'Dashboard built; testing with two DMTs',
        'Green',
      ],
      [
        '1.2',
        'Agree a workforce plan for each directorate',
        'HR Business Partners',
        'March 2027',
        'Three of five plans drafted',
        'Amber',
      ],
    ]);
  });

  it('reads numbered rows whose cells a narrow column wrapped over several lines, under header names wrapped too', () => {
    const r = readSample(
      [
        'No.',
        'Finding',
        'Rating',
        'Agreed',
        'action',
        'Responsible',
        'officer',
        'Target',
        'date',
        '1',
        'Leavers are not always removed',
        'from the payroll system on time.',
        'High',
        'Payroll will get a weekly list',
        'of leavers from each service.',
        'Payroll Manager',
        '30 November 2025',
        '2',
        'Overtime claims are approved by',
        'the claimant in some teams.',
        'Medium',
        'The claims form will block',
        'self-approval.',
        'Head of Finance',
        '31 January 2026',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['one-cell-per-line']);
    expect(r.header).toEqual([
      'No.',
      'Finding',
      'Rating',
      'Agreed action',
      'Responsible officer',
      'Target date',
    ]);
    expect(r.data).toEqual([
      [
        '1',
        'Leavers are not always removed from the payroll system on time.',
        'High',
        'Payroll will get a weekly list of leavers from each service.',
        'Payroll Manager',
        '30 November 2025',
      ],
      [
        '2',
        'Overtime claims are approved by the claimant in some teams.',
        'Medium',
        'The claims form will block self-approval.',
        'Head of Finance',
        '31 January 2026',
      ],
    ]);
  });

  it('leaves wrapped lines that no ref parts into rows to the other rules', () => {
    const r = readSample(
      [
        'Action',
        'Lead',
        'Timescale',
        'we will talk to',
        'staff about how',
        'the plan is going',
        'and what to do',
        'next in the year',
      ].join('\n'),
    );
    expect(r.layouts).not.toContain('one-cell-per-line');
  });
});
