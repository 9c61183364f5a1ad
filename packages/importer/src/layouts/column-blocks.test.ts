import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

/**
 * A made-up partnership plan whose PDF came out column by column: a page's numbered actions, then the
 * other columns' names and cells, then the next page's actions (its page number glued on) and cells.
 */
const SAMPLE = [
  'Priority three: Early help',
  'Actions',
  '1. Set up a single front door for early help',
  'requests from schools and health visitors.',
  '2. Train family support workers in the new',
  'assessment and publish a practice guide.',
  'Target date',
  'Front door open by',
  'June 2026',
  'Training complete',
  'by October 2026',
  'Lead officer',
  'Early Help Manager',
  'Principal Social',
  'Worker',
  '3 3. Review how families are stepped down',
  'from social care and agree a shared plan.',
  'Audit reported in',
  'March 2027',
  'Quality Assurance',
  'Sub Group',
  '',
  'Our partners will report progress each quarter.',
].join('\n');

describe('column-blocks', () => {
  it('reads each numbered action whole and keeps the other columns as text with a warning', () => {
    const r = readSample(SAMPLE);
    expect(r.layouts).toEqual(['column-blocks']);
    expect(r.data).toEqual([
      ['1', 'Set up a single front door for early help requests from schools and health visitors.'],
      ['2', 'Train family support workers in the new assessment and publish a practice guide.'],
      ['3', 'Review how families are stepped down from social care and agree a shared plan.'],
    ]);
    expect(r.warnings.map((w) => [w.code, w.where])).toEqual([['columns-out-of-order', 'lines 7–21']]);
  });

  it('is not this layout when no column of leads or dates follows the actions', () => {
    const r = readSample(
      ['1. Agree the plan.', '2. Publish it.', 'We will report on it each year.'].join('\n'),
    );
    expect(r.layouts).not.toContain('column-blocks');
  });
});
