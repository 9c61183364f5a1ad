import { readFileSync } from 'node:fs';
import type { Timescale } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { contextForLine } from '../test/deadline-contexts.js';
import { parseTimescale } from './index.js';

/**
 * Every deadline string of the corpus (test/fixtures/deadlines.tsv, copied from shared/corpus), with
 * what a careful UK reader takes it to mean in its plan (test/deadline-contexts.ts), by the rules at
 * the top of index.ts. There is no answer key: these expectations are ours, and each non-obvious one
 * says why.
 */
interface Expect {
  kind: Timescale['kind'];
  start?: string;
  due?: string;
  recurrence?: Timescale['recurrence'];
  /** For `unparsed`: what the note must say. */
  why?: RegExp;
  reason?: string;
}

const EXPECTED: [line: number, text: string, expected: Expect][] = [
  [
    2,
    '31 August (annually)',
    {
      kind: 'recurring',
      due: '2023-08-31',
      recurrence: 'annual',
      reason: 'a day each year: the first on or after the plan starts (1 April 2023)',
    },
  ],
  [3, 'April 2023 – June 2023', { kind: 'range', start: '2023-04-01', due: '2023-06-30' }],
  [4, 'September 2023', { kind: 'date', due: '2023-09-30' }],
  [
    5,
    'Every August in line with annual progress report',
    { kind: 'recurring', due: '2023-08-31', recurrence: 'annual' },
  ],
  [6, 'January – March 2023', { kind: 'range', start: '2023-01-01', due: '2023-03-31' }],
  [7, 'April – June 2023', { kind: 'range', start: '2023-04-01', due: '2023-06-30' }],
  [
    8,
    'March (annually)',
    {
      kind: 'recurring',
      due: '2024-03-31',
      recurrence: 'annual',
      reason: 'March each year: the first March end after the plan starts is March 2024',
    },
  ],
  [
    9,
    'August (annually) as part of the Progress Report',
    { kind: 'recurring', due: '2023-08-31', recurrence: 'annual' },
  ],
  [
    10,
    'Within three months of the Equality Commission approval of the scheme.',
    { kind: 'relative', reason: 'counted from an approval whose date the plan does not give' },
  ],
  [
    11,
    'Within six months of new Council.',
    { kind: 'relative', reason: 'counted from the new Council, whose date the plan does not give' },
  ],
  [12, 'August (annually)', { kind: 'recurring', due: '2023-08-31', recurrence: 'annual' }],
  [13, '1 April 2017', { kind: 'date', due: '2017-04-01' }],
  [14, '31 March\\n2019', { kind: 'date', due: '2019-03-31' }],
  [15, 'TBC', { kind: 'tbc' }],
  [16, 'December 2021', { kind: 'date', due: '2021-12-31' }],
  [17, 'March 2022', { kind: 'date', due: '2022-03-31' }],
  [18, 'January 2022', { kind: 'date', due: '2022-01-31' }],
  [
    19,
    'Drafted November - February',
    {
      kind: 'range',
      start: '2014-11-01',
      due: '2015-02-28',
      reason: "November to February inside the plan's year 2014-15",
    },
  ],
  [20, 'March 2015', { kind: 'date', due: '2015-03-31' }],
  // A repeat with no date: its first period end from the plan's start (repeat-start.ts).
  [21, 'quarterly', { kind: 'recurring', recurrence: 'quarterly', due: '2014-06-30' }],
  [22, 'every six months', { kind: 'recurring', recurrence: 'six-monthly', due: '2014-09-30' }],
  [
    23,
    'the next eighteen months',
    {
      kind: 'relative',
      start: '2014-04-01',
      due: '2015-10-01',
      reason: "eighteen months from the plan's start",
    },
  ],
  [24, '2021-12-31', { kind: 'date', due: '2021-12-31' }],
  [25, '2022-02-01', { kind: 'date', due: '2022-02-01' }],
  [26, '2022-03-01', { kind: 'date', due: '2022-03-01' }],
  [27, '2022-04-01', { kind: 'date', due: '2022-04-01' }],
  [28, '2022-05-01', { kind: 'date', due: '2022-05-01' }],
  [29, '2022-06-01', { kind: 'date', due: '2022-06-01' }],
  [30, '2022-08-01', { kind: 'date', due: '2022-08-01' }],
  [31, '2022-12-01', { kind: 'date', due: '2022-12-01' }],
  [32, '2023-02-01', { kind: 'date', due: '2023-02-01' }],
  [33, '2023-03-01', { kind: 'date', due: '2023-03-01' }],
  [34, '2023-04-01', { kind: 'date', due: '2023-04-01' }],
  [35, '2023-05-01', { kind: 'date', due: '2023-05-01' }],
  [36, '2023-06-01', { kind: 'date', due: '2023-06-01' }],
  [37, '2023-08-01', { kind: 'date', due: '2023-08-01' }],
  [38, '2023-12-01', { kind: 'date', due: '2023-12-01' }],
  [39, '2024-02-01', { kind: 'date', due: '2024-02-01' }],
  [40, '2021-11-30', { kind: 'date', due: '2021-11-30' }],
  [41, '2022-01-31', { kind: 'date', due: '2022-01-31' }],
  [42, '2022-02-28', { kind: 'date', due: '2022-02-28' }],
  [43, '2022-03-31', { kind: 'date', due: '2022-03-31' }],
  [44, '2022-04-30', { kind: 'date', due: '2022-04-30' }],
  [45, '2022-05-31', { kind: 'date', due: '2022-05-31' }],
  [46, '2022-06-30', { kind: 'date', due: '2022-06-30' }],
  [47, '2022-11-30', { kind: 'date', due: '2022-11-30' }],
  [48, '2022-12-31', { kind: 'date', due: '2022-12-31' }],
  [49, '2023-01-31', { kind: 'date', due: '2023-01-31' }],
  [50, '2023-02-28', { kind: 'date', due: '2023-02-28' }],
  [51, '2023-03-31', { kind: 'date', due: '2023-03-31' }],
  [52, '2023-04-30', { kind: 'date', due: '2023-04-30' }],
  [53, '2023-05-31', { kind: 'date', due: '2023-05-31' }],
  [54, '2023-06-30', { kind: 'date', due: '2023-06-30' }],
  [55, '2021-10-30', { kind: 'date', due: '2021-10-30' }],
  [56, '2022-06-31', { kind: 'unparsed', why: /not a real date/, reason: '30 June is the last day of June' }],
  [57, '2021-12-01', { kind: 'date', due: '2021-12-01' }],
  [58, 'Sept 02', { kind: 'date', due: '2002-09-30' }],
  [59, 'Oct 02', { kind: 'date', due: '2002-10-31' }],
  [60, 'Oct 04', { kind: 'date', due: '2004-10-31' }],
  [
    61,
    'by October 03',
    { kind: 'date', due: '2003-10-31', reason: "a two-digit year read in the plan's period 2002-2007" },
  ],
  [62, '1/4/2012', { kind: 'date', due: '2012-04-01' }],
  [63, '31/3/2013', { kind: 'date', due: '2013-03-31' }],
  [64, '1/6/2012', { kind: 'date', due: '2012-06-01' }],
  [65, '1/8/2012', { kind: 'date', due: '2012-08-01' }],
  [66, '10.05.2023', { kind: 'date', due: '2023-05-10' }],
  [67, 'for next BAF update April 2018', { kind: 'date', due: '2018-04-30' }],
  [68, 'April 2018', { kind: 'date', due: '2018-04-30' }],
  [69, '01/09/07', { kind: 'date', due: '2007-09-01', reason: "day first, in the plan's period" }],
  [70, '28/02/08', { kind: 'date', due: '2008-02-28' }],
  [
    71,
    '03/01/07',
    {
      kind: 'date',
      due: '2007-01-03',
      reason: "day first: 3 January 2007, a start just before the period's dated rows",
    },
  ],
  [72, '31/03/08', { kind: 'date', due: '2008-03-31' }],
  [73, 'Nov 2020', { kind: 'date', due: '2020-11-30' }],
  [74, 'June 2021', { kind: 'date', due: '2021-06-30' }],
  [75, 'Dec 2020', { kind: 'date', due: '2020-12-31' }],
  [76, 'Sept 2020', { kind: 'date', due: '2020-09-30' }],
  [77, 'July 2020', { kind: 'date', due: '2020-07-31' }],
  [78, 'April 2021', { kind: 'date', due: '2021-04-30' }],
  [79, '2017–18', { kind: 'date', due: '2018-03-31', reason: 'a financial year ends on 31 March' }],
  [80, '2018–19', { kind: 'date', due: '2019-03-31' }],
  [81, '2019–20', { kind: 'date', due: '2020-03-31' }],
  [82, '2020–21', { kind: 'date', due: '2021-03-31' }],
  [
    83,
    'by the end of\\n\\n2019',
    { kind: 'date', due: '2019-12-31', reason: 'a line break inside the cell' },
  ],
  [
    84,
    'Reported bi-monthly',
    {
      kind: 'recurring',
      reason: 'bi-monthly is twice a month or every two months: the repeat is not guessed',
    },
  ],
  [85, 'Ongoing', { kind: 'ongoing' }],
  [86, 'To be reviewed on annual basis', { kind: 'recurring', recurrence: 'annual' }],
  [87, 'Quarterly Board update', { kind: 'recurring', recurrence: 'quarterly' }],
  [
    88,
    'FY 17 Q3',
    {
      kind: 'unparsed',
      why: /could mean 2016-17 or 2017-18/,
      reason: 'FY 17 could be 2016-17 or 2017-18, and Q3 comes twice in the period',
    },
  ],
  [89, '30/06/2017', { kind: 'date', due: '2017-06-30' }],
  [
    90,
    'FY 17 Q3 30/06/2017',
    {
      kind: 'date',
      due: '2017-06-30',
      reason: 'the exact day is the deadline; the quarter is named in the note',
    },
  ],
  [91, 'April 2024', { kind: 'date', due: '2024-04-30' }],
  [92, 'December 2025', { kind: 'date', due: '2025-12-31' }],
  [93, 'September 2028', { kind: 'date', due: '2028-09-30' }],
  [94, 'September 2026', { kind: 'date', due: '2026-09-30' }],
  [95, 'February 2024', { kind: 'date', due: '2024-02-29' }],
  [96, 'by June 2006', { kind: 'date', due: '2006-06-30' }],
  [
    97,
    'Achievable within 6 months ie, by June 2006',
    {
      kind: 'date',
      due: '2006-06-30',
      reason: "'ie' says the six months and June 2006 are the same deadline",
    },
  ],
  [98, 'Nov 2009', { kind: 'date', due: '2009-11-30' }],
  [99, 'by April 2023', { kind: 'date', due: '2023-04-30' }],
  [100, 'by mid-2023', { kind: 'date', due: '2023-06-30', reason: 'the middle of 2023 is the end of June' }],
  [101, 'By 30 September, annually', { kind: 'recurring', due: '2018-09-30', recurrence: 'annual' }],
  [
    102,
    'Biennially, August 2018 and August 2020',
    {
      kind: 'recurring',
      due: '2018-08-31',
      recurrence: 'biennial',
      reason: 'the first date written is the next due; the second is kept in the note',
    },
  ],
  [103, 'September annually', { kind: 'recurring', due: '2018-09-30', recurrence: 'annual' }],
  [
    104,
    '6 months prior to RAP expiry',
    { kind: 'relative', reason: "counted from the plan's expiry, which the string does not date" },
  ],
  [
    105,
    'over the next year',
    { kind: 'relative', start: '2015-04-01', due: '2016-04-01', reason: "one year from the plan's start" },
  ],
  [106, 'As of 31/03/2012', { kind: 'date', due: '2012-03-31' }],
  [107, 'On going', { kind: 'ongoing' }],
  [108, 'Year 1', { kind: 'date', due: '2023-03-31', reason: "the plan's first financial year" }],
];

const lines = readFileSync(new URL('../test/fixtures/deadlines.tsv', import.meta.url), 'utf8').split('\n');
/** The file's strings as written, with their line numbers. */
const strings = lines.flatMap((raw, i) => (i === 0 || raw === '' ? [] : [{ line: i + 1, raw }]));

describe('the corpus deadlines, read by the UK rules', () => {
  it('has an expectation for every string in the file, in order', () => {
    expect(strings).toHaveLength(107);
    expect(EXPECTED.map(([line, text]) => [line, text])).toEqual(strings.map((s) => [s.line, s.raw]));
  });

  it.each(EXPECTED)('line %i: %s', (line, raw, e) => {
    // A literal "\\n" in the file is the line break the cell had.
    const t = parseTimescale(raw.replace(/\\n/g, '\n'), contextForLine(line));
    expect(t.kind, e.reason).toBe(e.kind);
    expect(t.start, e.reason).toBe(e.start);
    expect(t.due, e.reason).toBe(e.due);
    expect(t.recurrence, e.reason).toBe(e.recurrence);
    if (e.why) expect(t.note).toMatch(e.why);
  });

  it('leaves fewer than 5% unparsed, each with a reason', () => {
    const unparsed = EXPECTED.filter(([, , e]) => e.kind === 'unparsed');
    expect(unparsed.length / EXPECTED.length).toBeLessThan(0.05);
    for (const [, , e] of unparsed) expect(e.why).toBeDefined();
  });
});
