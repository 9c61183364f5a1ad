import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('table-run-into-paragraph', () => {
  it('reads the actions after a run of column names, one per verb, each repeat once', () => {
    const text =
      'Workforce plan 2025-28 Theme Outcome Action 2025–26 Action 2026–27 Action 2027–28 ' +
      'Review the recruitment process for social workers so that offers are made within four weeks ' +
      'Develop a career path for care staff.Introduce a retention bonus for hard to fill posts. ' +
      'The bonus will be reviewed each year. Continue the apprenticeship programme for all services ' +
      'Continue the apprenticeship programme for all services Continue the apprent';
    const r = readSample(text);
    expect(r.layouts).toEqual(['table-run-into-paragraph']);
    expect(r.data.map((d) => d[0])).toEqual([
      'Review the recruitment process for social workers so that offers are made within four weeks',
      'Develop a career path for care staff.',
      'Introduce a retention bonus for hard to fill posts. The bonus will be reviewed each year.',
      'Continue the apprenticeship programme for all services',
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['columns-run-together']);
    expect(r.warnings[0]!.message).toContain('2 repeats');
  });

  it('leaves a paragraph that only mentions column words alone', () => {
    const text = `${'The lead officer will report the outcome of each action to the board, who will review the progress made. '.repeat(4)}`;
    expect(readSample(text).rows).toEqual([]);
  });

  it("cuts a run-on table at its refs in sequence, reading each row's lead, deadline and RAG from its end", () => {
    const text =
      'Audit follow-up: recruitment Ref Action Action owner Completion date RAG ' +
      'AF1 Check references for every new starter before the offer is confirmed. Head of HR 31/01/2026 Amber ' +
      'AF2 Train all recruiting managers in fair selection and record it. HR Manager 28/02/2026 Green Page 2 of 5 ' +
      'AF3 Keep interview notes for twelve months in the HR system. HR Systems Officer 31/03/2026 Red';
    const r = readSample(text);
    expect(r.layouts).toEqual(['table-run-into-paragraph']);
    expect(r.header).toEqual(['Ref', 'Action', 'Action owner', 'Completion date', 'RAG']);
    expect(r.data).toEqual([
      [
        'AF1',
        'Check references for every new starter before the offer is confirmed.',
        'Head of HR',
        '31/01/2026',
        'Amber',
      ],
      [
        'AF2',
        'Train all recruiting managers in fair selection and record it.',
        'HR Manager',
        '28/02/2026',
        'Green',
      ],
      [
        'AF3',
        'Keep interview notes for twelve months in the HR system.',
        'HR Systems Officer',
        '31/03/2026',
        'Red',
      ],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['columns-run-together']);
    expect(r.warnings[0]!.message).toContain('AF1, AF2, AF3');
  });

  it('keeps a numbered row whole when the columns after its text cannot be told apart', () => {
    const text =
      'Improvement plan No. Area for Improvement Lead Action By When Progress Monitoring and Evaluation ' +
      '1. Caseloads are too high in two teams Head of Service Recruit four social workers and cap caseloads at 18 ' +
      'March 2026 Two posts filled so far Monthly caseload report to the board ' +
      '2. Supervision is not recorded consistently Principal Social Worker Introduce one supervision template ' +
      'June 2026 Template agreed Quarterly audit of ten records';
    const r = readSample(text);
    expect(r.layouts).toEqual(['table-run-into-paragraph']);
    expect(r.data.map((d) => d[0])).toEqual(['1.', '2.']);
    expect(r.data[1]![1]).toBe(
      'Supervision is not recorded consistently Principal Social Worker Introduce one supervision template June 2026 Template agreed Quarterly audit of ten records',
    );
  });
});
