import { describe, expect, it } from 'vitest';
import { joinHeaderRows } from './build/header-rows.js';
import { parsePlanFile } from './index.js';

const actions = async (text: string) => (await parsePlanFile(text)).themes.flatMap((t) => t.actions);

describe('a header written over two rows', () => {
  it.each([
    [
      'a cell spanning two names them under it',
      ['Ref', 'Timescale', '', 'Lead'],
      ['', 'Start', 'End', ''],
      ['Ref', 'Start (Timescale)', 'End (Timescale)', 'Lead'],
    ],
    [
      'a financial year over its months dates each, January to March in its second year',
      ['Action', '2026/27', '', '', '2027/28', ''],
      ['', 'Dec', 'Jan', 'Mar', 'Apr', 'May'],
      ['Action', 'Dec 2026', 'Jan 2027', 'Mar 2027', 'Apr 2027', 'May 2027'],
    ],
    [
      'a calendar year over quarters names them',
      ['Action', '2027', ''],
      ['', 'Q1', 'Q2'],
      ['Action', 'Q1 2027', 'Q2 2027'],
    ],
    [
      'a name wrapped over two rows is one name',
      ['ACTIONS NEEDED OR', 'LEAD'],
      ['PLANNED', 'OFFICER'],
      ['ACTIONS NEEDED OR PLANNED', 'LEAD OFFICER'],
    ],
  ])('%s', (_, top, below, want) => expect(joinHeaderRows(top, below)).toEqual(want));

  it('reads "Timescale" over "Start | End" as the start and the deadline, not two deadlines', async () => {
    const plan = await actions(
      [
        'People Plan Action Plan 2026/27',
        'Theme\tRef\tAction\tLead officer\tTimescale\t\tResources',
        '\t\t\t\tStart\tEnd\t',
        'Pay and reward\t1.1\tComplete the pay and grading review\tHead of HR\tApril 2026\tMarch 2027\t£45,000',
        '\t1.2\tIntroduce a salary sacrifice scheme\tPayroll Manager\tOct 2026\tQ3 2026/27\tExisting budget',
      ].join('\n'),
    );
    expect(plan.map((a) => [a.ref, a.start?.text, a.due?.text, a.due?.due])).toEqual([
      ['1.1', 'April 2026', 'March 2027', '2027-03-31'],
      ['1.2', 'Oct 2026', 'Q3 2026/27', '2026-12-31'],
    ]);
  });

  it('reads a two-year Gantt chart, its months repeated under each year', async () => {
    const months = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
    const blank = (n: number) => Array.from({ length: n }, () => '');
    const row = (ref: string, title: string, from: number, to: number) =>
      [ref, title, 'Head of HR', ...blank(24).map((_, i) => (i >= from && i <= to ? 'X' : ''))].join('\t');
    const plan = await actions(
      [
        'Workforce Plan 2026–2028: delivery timeline',
        ['Ref', 'Action', 'Lead', '2026/27', ...blank(11), '2027/28', ...blank(11)].join('\t'),
        ['', '', '', ...months, ...months].join('\t'),
        row('1', 'Launch the apprenticeship academy', 6, 11),
        row('2', 'Review the pay and grading structure', 9, 17),
      ].join('\n'),
    );
    expect(plan.map((a) => [a.ref, a.due?.text, a.due?.start, a.due?.due])).toEqual([
      ['1', 'Oct 2026 – Mar 2027', '2026-10-01', '2027-03-31'],
      ['2', 'Jan 2027 – Sep 2027', '2027-01-01', '2027-09-30'],
    ]);
  });
});
