/**
 * Every deadline, start/end, milestone and year form found in the four seed plans, with the plan
 * context it appears in and what it must parse to. Used by the tests and the benchmark.
 */
import type { Timescale } from '@peopleplan/core';
import type { TimescaleContext } from './parse.js';

/** The seed plans' periods and anchors (approval or start dates). */
export const SEED_CONTEXTS = {
  /** 000: Harrow "Strategy for managing and developing people" 2004–2008. */
  harrow: { anchor: '2004-04-01', period: { start: '2004-04-01', end: '2008-03-31' } },
  /** 001: East Herts HR peer review action plan, 2007-08. */
  eastHerts: { anchor: '2007-09-01', period: { start: '2007-04-01', end: '2008-03-31' } },
  /** 002: Oxfordshire HR best value review, Best Value Committee 26 February 2003. */
  oxfordshire: { anchor: '2003-02-26', period: { start: '2003-04-01', end: '2004-03-31' } },
  /** 003: Kent divisional business plan 2013-14. */
  kent: { anchor: '2013-04-01', period: { start: '2013-04-01', end: '2014-03-31' } },
} satisfies Record<string, TimescaleContext>;

export type SeedContext = keyof typeof SEED_CONTEXTS;
type Expected = Omit<Timescale, 'text' | 'note'> & { note?: string | RegExp };

export interface SeedForm {
  seed: '000' | '001' | '002' | '003';
  text: string;
  ctx: SeedContext;
  /** Exact kind and dates; `note`, when given, is a substring or pattern the note must match. */
  expect: Expected;
}

const month = (due: string): Expected => ({ kind: 'date', due, precision: 'month' });
const fy = (due: string): Expected => ({ kind: 'date', due, precision: 'financial-year' });
const range = (start: string, due: string, precision: Timescale['precision'] = 'month'): Expected => ({
  kind: 'range',
  start,
  due,
  precision,
});
const unparsed = (note: string | RegExp): Expected => ({ kind: 'unparsed', note });

export const SEED_FORMS: SeedForm[] = [
  // 000: year rows of the corporate actions and bracketed progress dates.
  { seed: '000', ctx: 'harrow', text: '2004 –05', expect: fy('2005-03-31') },
  { seed: '000', ctx: 'harrow', text: '2004-05', expect: fy('2005-03-31') },
  { seed: '000', ctx: 'harrow', text: '2005-06', expect: fy('2006-03-31') },
  { seed: '000', ctx: 'harrow', text: '2006 07', expect: fy('2007-03-31') },
  { seed: '000', ctx: 'harrow', text: '2006-07', expect: fy('2007-03-31') },
  { seed: '000', ctx: 'harrow', text: '2007-08', expect: fy('2008-03-31') },
  { seed: '000', ctx: 'harrow', text: '2005/6', expect: fy('2006-03-31') },
  { seed: '000', ctx: 'harrow', text: 'in 2005-06', expect: fy('2006-03-31') },
  {
    seed: '000',
    ctx: 'harrow',
    text: '2004 –05 Negotiate flexible benefits scheme',
    expect: { ...fy('2005-03-31'), note: 'Negotiate flexible benefits scheme' },
  },
  {
    seed: '000',
    ctx: 'harrow',
    text: '2004 – 2008',
    expect: { ...range('2004-04-01', '2008-03-31', 'financial-year'), note: /financial years/ },
  },
  { seed: '000', ctx: 'harrow', text: '[April 2005]', expect: month('2005-04-30') },
  { seed: '000', ctx: 'harrow', text: '[March 2005]', expect: month('2005-03-31') },
  { seed: '000', ctx: 'harrow', text: '[June 2005]', expect: month('2005-06-30') },
  { seed: '000', ctx: 'harrow', text: '[July 2005]', expect: month('2005-07-31') },
  { seed: '000', ctx: 'harrow', text: '[April/May/June 2005]', expect: range('2005-04-01', '2005-06-30') },
  { seed: '000', ctx: 'harrow', text: '[May – August 2005]', expect: range('2005-05-01', '2005-08-31') },
  { seed: '000', ctx: 'harrow', text: 'March/April 2005', expect: range('2005-03-01', '2005-04-30') },
  { seed: '000', ctx: 'harrow', text: 'May 2004', expect: month('2004-05-31') },
  { seed: '000', ctx: 'harrow', text: 'Jan 2005', expect: month('2005-01-31') },
  { seed: '000', ctx: 'harrow', text: 'Nov 2004', expect: month('2004-11-30') },
  { seed: '000', ctx: 'harrow', text: 'Apr 05', expect: month('2005-04-30') },
  { seed: '000', ctx: 'harrow', text: 'by January 2005', expect: month('2005-01-31') },
  {
    seed: '000',
    ctx: 'harrow',
    text: 'due to be implemented by mid April 2005',
    expect: { ...month('2005-04-30'), note: /mid April 2005/ },
  },
  { seed: '000', ctx: 'harrow', text: 'end year one', expect: fy('2005-03-31') },
  {
    seed: '000',
    ctx: 'harrow',
    text: 'Plans for 2005/6 in place',
    expect: { ...fy('2006-03-31'), note: /Plans/ },
  },

  // 001: the Deadline column, every cell.
  { seed: '001', ctx: 'eastHerts', text: 'Completed', expect: { kind: 'completed' } },
  { seed: '001', ctx: 'eastHerts', text: 'Completed-', expect: { kind: 'completed' } },
  { seed: '001', ctx: 'eastHerts', text: 'Completed.', expect: { kind: 'completed' } },
  { seed: '001', ctx: 'eastHerts', text: 'completed', expect: { kind: 'completed' } },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Training Plan completed and distributed',
    expect: { kind: 'completed', note: 'Training Plan completed and distributed' },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Management development programme run .2 nd Tranche now in process. Competencies to be reviewed and relaunched March 08.',
    expect: { ...month('2008-03-31'), note: /Competencies to be reviewed and relaunched$/ },
  },
  { seed: '001', ctx: 'eastHerts', text: 'Ongoing', expect: { kind: 'ongoing' } },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Ongoing Staff Briefings',
    expect: { kind: 'ongoing', note: 'Staff Briefings' },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Measures taken to plug gaps. Review of shared service',
    expect: unparsed(/no date/),
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Review December 07',
    expect: { ...month('2007-12-31'), note: 'Review' },
  },
  { seed: '001', ctx: 'eastHerts', text: 'None specific', expect: unparsed(/no timescale/) },
  { seed: '001', ctx: 'eastHerts', text: '', expect: unparsed('blank') },
  { seed: '001', ctx: 'eastHerts', text: 'April 08', expect: month('2008-04-30') },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'In Progress April 08',
    expect: { ...month('2008-04-30'), note: 'In Progress' },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Forward Policy Development agreed October HR Committee',
    expect: { ...month('2007-10-31'), note: /Forward Policy Development agreed; HR Committee/ },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: '1 st Programme run 2 nd Tranche now taking place',
    expect: unparsed(/no date/),
  },
  { seed: '001', ctx: 'eastHerts', text: 'Look at Mori and Staff Survey', expect: unparsed(/no date/) },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Spring 09',
    expect: { kind: 'date', due: '2009-05-31', precision: 'season' },
  },
  { seed: '001', ctx: 'eastHerts', text: 'Spring 08 Immediate', expect: unparsed(/both a date .*Immediate/) },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'To be finalised by Mar 08',
    expect: { ...month('2008-03-31'), note: 'To be finalised' },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'PDRS to be in place by Mar 08. Training plan to be in place Feb 08',
    expect: { ...month('2008-03-31'), note: /also "Feb 08" \(2008-02-29\)/ },
  },
  { seed: '001', ctx: 'eastHerts', text: 'Immediate', expect: { kind: 'relative', start: '2007-09-01' } },
  { seed: '001', ctx: 'eastHerts', text: 'Ongoing Completed', expect: unparsed(/says both/) },
  { seed: '001', ctx: 'eastHerts', text: 'New Occupation Health Provider', expect: unparsed(/no date/) },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Statement of service to be produced by Feb 08',
    expect: { ...month('2008-02-29'), note: 'Statement of service to be produced' },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Advice and Training given on Employee Relations',
    expect: unparsed(/no date/),
  },
  { seed: '001', ctx: 'eastHerts', text: 'March 08', expect: month('2008-03-31') },
  { seed: '001', ctx: 'eastHerts', text: 'June 08', expect: month('2008-06-30') },
  { seed: '001', ctx: 'eastHerts', text: 'November 07', expect: month('2007-11-30') },
  { seed: '001', ctx: 'eastHerts', text: 'June 07', expect: month('2007-06-30') },
  { seed: '001', ctx: 'eastHerts', text: 'January 08', expect: month('2008-01-31') },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Review at year end and plan for improvement for next financial year',
    expect: { ...fy('2008-03-31'), note: /^Review; plan for improvement/ },
  },
  { seed: '001', ctx: 'eastHerts', text: 'Benchmarking to be sent to HOS', expect: unparsed(/no date/) },
  { seed: '001', ctx: 'eastHerts', text: 'Early 07', expect: unparsed(/vague/) },
  { seed: '001', ctx: 'eastHerts', text: 'As Above', expect: unparsed(/another row/) },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Post restructuring Immediate',
    expect: { kind: 'event', note: /Immediate/ },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Ongoing Immediate',
    expect: { kind: 'ongoing', start: '2007-09-01' },
  },
  {
    seed: '001',
    ctx: 'eastHerts',
    text: 'Need to review summer 07',
    expect: { kind: 'date', due: '2007-08-31', precision: 'season' },
  },

  // 002: dates in the review narrative.
  {
    seed: '002',
    ctx: 'oxfordshire',
    text: '26 FEBRUARY 2003',
    expect: { kind: 'date', due: '2003-02-26', precision: 'day' },
  },
  { seed: '002', ctx: 'oxfordshire', text: '2001/2002', expect: fy('2002-03-31') },
  { seed: '002', ctx: 'oxfordshire', text: '2003/4', expect: fy('2004-03-31') },
  {
    seed: '002',
    ctx: 'oxfordshire',
    text: 'to start in May 2003',
    expect: { kind: 'ongoing', start: '2003-05-01' },
  },
  { seed: '002', ctx: 'oxfordshire', text: 'September 2002', expect: month('2002-09-30') },
  {
    seed: '002',
    ctx: 'oxfordshire',
    text: 'between 10th September and 7th October',
    expect: range('2003-09-10', '2003-10-07', 'day'),
  },
  {
    seed: '002',
    ctx: 'oxfordshire',
    text: 'over the next 3-5 years',
    expect: { kind: 'relative', start: '2003-02-26', note: /no single end date/ },
  },
  { seed: '002', ctx: 'oxfordshire', text: 'Phase 1', expect: { kind: 'event' } },
  {
    seed: '002',
    ctx: 'oxfordshire',
    text: 'in the short and medium term',
    expect: { kind: 'relative', start: '2003-02-26' },
  },

  // 003: start/end columns, key milestones, forward dates, continuity timescales, indicator years.
  {
    seed: '003',
    ctx: 'kent',
    text: 'To be agreed – subject to directorate Business Plans',
    expect: { kind: 'tbc', note: /subject to/ },
  },
  { seed: '003', ctx: 'kent', text: '2014', expect: { kind: 'date', due: '2014-12-31', precision: 'year' } },
  { seed: '003', ctx: 'kent', text: 'January 2012', expect: month('2012-01-31') },
  {
    seed: '003',
    ctx: 'kent',
    text: 'On-going to March 2015',
    expect: { ...month('2015-03-31'), note: 'On-going' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'January 2013 (Phase 2)',
    expect: { ...month('2013-01-31'), note: '(Phase 2)' },
  },
  { seed: '003', ctx: 'kent', text: 'Ongoing into 2014', expect: { kind: 'ongoing', note: 'into 2014' } },
  { seed: '003', ctx: 'kent', text: 'April 2013', expect: month('2013-04-30') },
  { seed: '003', ctx: 'kent', text: 'May 2013', expect: month('2013-05-31') },
  { seed: '003', ctx: 'kent', text: 'June 2013', expect: month('2013-06-30') },
  { seed: '003', ctx: 'kent', text: 'July 2013', expect: month('2013-07-31') },
  { seed: '003', ctx: 'kent', text: 'August 2013', expect: month('2013-08-31') },
  { seed: '003', ctx: 'kent', text: 'September 2013', expect: month('2013-09-30') },
  { seed: '003', ctx: 'kent', text: 'October 2013', expect: month('2013-10-31') },
  { seed: '003', ctx: 'kent', text: 'December 2013', expect: month('2013-12-31') },
  { seed: '003', ctx: 'kent', text: 'January 2014', expect: month('2014-01-31') },
  { seed: '003', ctx: 'kent', text: 'February 2014', expect: month('2014-02-28') },
  { seed: '003', ctx: 'kent', text: 'March 2014', expect: month('2014-03-31') },
  { seed: '003', ctx: 'kent', text: 'June 2014', expect: month('2014-06-30') },
  { seed: '003', ctx: 'kent', text: 'May 2015', expect: month('2015-05-31') },
  { seed: '003', ctx: 'kent', text: 'Oct 2012', expect: month('2012-10-31') },
  { seed: '003', ctx: 'kent', text: 'April13', expect: month('2013-04-30') },
  {
    seed: '003',
    ctx: 'kent',
    text: 'March 2014 and ongoing',
    expect: { ...month('2014-03-31'), note: 'ongoing' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'March 2014 and onwards',
    expect: { ...month('2014-03-31'), note: 'onwards' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'March 2014 and into 2014/15',
    expect: { ...month('2014-03-31'), note: 'into 2014/15' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'March 2014 & continuing into 14/15',
    expect: { ...month('2014-03-31'), note: 'continuing into 14/15' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Incremental application through year as determined by restructures to March 2014',
    expect: { ...month('2014-03-31'), note: /^Incremental application/ },
  },
  { seed: '003', ctx: 'kent', text: 'Various into 2014', expect: unparsed(/runs into "2014"/) },
  { seed: '003', ctx: 'kent', text: 'Various 2013-14', expect: { ...fy('2014-03-31'), note: 'Various' } },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Q1, Q2, Q3, Q4',
    expect: { kind: 'recurring', recurrence: 'quarterly', due: '2013-06-30', precision: 'quarter' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Quarterly',
    expect: { kind: 'recurring', recurrence: 'quarterly', due: '2013-06-30', precision: 'quarter' },
  },
  { seed: '003', ctx: 'kent', text: 'As defined by each restructuring agenda', expect: { kind: 'event' } },
  { seed: '003', ctx: 'kent', text: 'In line with OD & People Plan', expect: { kind: 'event' } },
  { seed: '003', ctx: 'kent', text: 'April 2013 to March 2014', expect: range('2013-04-01', '2014-03-31') },
  { seed: '003', ctx: 'kent', text: 'April 2013 – March 2014', expect: range('2013-04-01', '2014-03-31') },
  { seed: '003', ctx: 'kent', text: 'April to August 2013', expect: range('2013-04-01', '2013-08-31') },
  {
    seed: '003',
    ctx: 'kent',
    text: 'September 2013 to January 2014',
    expect: range('2013-09-01', '2014-01-31'),
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'April 2013 TBC (subject to event planning)',
    expect: { kind: 'tbc', due: '2013-04-30', precision: 'month', note: '(subject to event planning)' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'TBC – Feb 2013',
    expect: { kind: 'tbc', due: '2013-02-28', precision: 'month' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Ongoing through year',
    expect: { kind: 'ongoing', note: 'through year' },
  },
  { seed: '003', ctx: 'kent', text: 'By March 2014', expect: month('2014-03-31') },
  { seed: '003', ctx: 'kent', text: 'From October 2013', expect: { kind: 'ongoing', start: '2013-10-01' } },
  {
    seed: '003',
    ctx: 'kent',
    text: '31 March 2013',
    expect: { kind: 'date', due: '2013-03-31', precision: 'day' },
  },
  { seed: '003', ctx: 'kent', text: '2012/2013 Outturn', expect: { ...fy('2013-03-31'), note: 'Outturn' } },
  { seed: '003', ctx: 'kent', text: '2012/13', expect: fy('2013-03-31') },
  { seed: '003', ctx: 'kent', text: 'Target 2013/14', expect: fy('2014-03-31') },
  { seed: '003', ctx: 'kent', text: 'Target 2014/15', expect: fy('2015-03-31') },
  { seed: '003', ctx: 'kent', text: 'for 13/14', expect: fy('2014-03-31') },
  { seed: '003', ctx: 'kent', text: 'Q1', expect: { kind: 'date', due: '2013-06-30', precision: 'quarter' } },
  { seed: '003', ctx: 'kent', text: 'Q4', expect: { kind: 'date', due: '2014-03-31', precision: 'quarter' } },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Monthly progress',
    expect: {
      kind: 'recurring',
      recurrence: 'monthly',
      due: '2013-04-30',
      precision: 'month',
      note: /^progress;/,
    },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'twice a year',
    expect: { kind: 'recurring', recurrence: 'six-monthly', due: '2013-09-30', precision: 'month' },
  },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Between 48 hours and 2 weeks dependent on when disruption occurs',
    expect: { kind: 'relative', note: /no stated start/ },
  },
  { seed: '003', ctx: 'kent', text: '3 days', expect: { kind: 'relative', note: /no stated start/ } },
  { seed: '003', ctx: 'kent', text: '4 hours', expect: { kind: 'relative', note: /no stated start/ } },
  {
    seed: '003',
    ctx: 'kent',
    text: 'Non-conformances followed-up within 6 months of the visit',
    expect: { kind: 'relative', note: /the visit/ },
  },
];
