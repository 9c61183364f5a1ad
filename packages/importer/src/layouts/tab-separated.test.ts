import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('tab-separated', () => {
  it('reads lines with tabs as rows, across a page break, up to the next paragraph', () => {
    const r = readSample(
      [
        'Action\tLead\tDeadline',
        'Run the staff survey\tHead of HR\tMay 2025',
        '',
        'Publish the results\tComms Manager\tJuly 2025',
        'Next steps will follow.',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['tab-separated']);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['Action', 'Lead', 'Deadline'],
      ['Run the staff survey', 'Head of HR', 'May 2025'],
      ['Publish the results', 'Comms Manager', 'July 2025'],
    ]);
    expect(r.items.at(-1)).toMatchObject({ type: 'para', text: 'Next steps will follow.' });
  });
});

describe('tab-separated: a cell of several paragraphs', () => {
  it('carries the row on over the lines it took, bullets and all, to the table’s width', () => {
    const r = readSample(
      [
        'Ref\tAction\tLead\tDeadline\tProgress\tRAG',
        '1.1\tLaunch the careers site\tHead of People\tSept 2025\tLaunched in October.\tComplete',
        '1.2\tIntroduce a market supplement\tReward Lead\tDec 2025\tApproved by Cabinet.',
        'First payments made in January.\tComplete',
        '1.3\tDevelop a care academy',
        '(adult social care)\tHead of Adult Social Care\tJune 2026\tCurriculum agreed.',
        '• 12 learners enrolled',
        '• 4 offered jobs\tGreen',
        '1.4\tReview relocation\tReward Lead\tMarch 2026\tDeferred.\tAmber',
      ].join('\n'),
    );
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['Ref', 'Action', 'Lead', 'Deadline', 'Progress', 'RAG'],
      ['1.1', 'Launch the careers site', 'Head of People', 'Sept 2025', 'Launched in October.', 'Complete'],
      [
        '1.2',
        'Introduce a market supplement',
        'Reward Lead',
        'Dec 2025',
        'Approved by Cabinet.\nFirst payments made in January.',
        'Complete',
      ],
      [
        '1.3',
        'Develop a care academy\n(adult social care)',
        'Head of Adult Social Care',
        'June 2026',
        'Curriculum agreed.\n• 12 learners enrolled\n• 4 offered jobs',
        'Green',
      ],
      ['1.4', 'Review relocation', 'Reward Lead', 'March 2026', 'Deferred.', 'Amber'],
    ]);
  });

  it('leaves a row short in its own right: a smaller table below, rows that start with a ref, a heading', () => {
    const r = readSample(
      [
        'Ref\tAction\tLead\tStart\tEnd',
        '17\tEnhance commissioning skills\t\t\t',
        '17.1\tTrain contract managers\tRob Semens\tApril 2013\tMarch 2014',
        '',
        'KEY MILESTONES\t\tDATE',
        'A\tCommission the training (17.1)\tJune 2013',
        'B\tEvaluate the training (17.1)\tJanuary 2014',
        '1\tN/A\t',
        '18\tRun the staff survey\tHR\tMay 2013\tJuly 2013',
      ].join('\n'),
    );
    expect(r.rows.map((x) => x.cells.length)).toEqual([5, 5, 5, 3, 3, 3, 3, 5]);
  });
});
