import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/** A key to the RAG colours under a plan's table explains the plan: it is kept as its own section. */
const TABLE = [
  'Workforce Plan 2026-27',
  'Ref\tAction\tLead\tDeadline\tRAG',
  '1\tLaunch the apprenticeship scheme\tHead of HR\tMarch 2027\tGreen',
  '2\tRefresh the sickness absence policy\tHR Adviser\tJune 2027\tAmber',
];

const lastAction = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) => t.actions).at(-1)!;

describe('a RAG key under the table', () => {
  it.each([
    [['RAG key: Red – off track; Amber – at risk; Green – on track; Blue – complete']],
    [['Key', 'Red = significant slippage', 'Amber = some slippage', 'Green = on track', 'B – Completed']],
    [['RAG status key', 'R – not on target', 'A – at risk of missing target', 'G – on target']],
    [['Red - behind schedule, Amber - at risk, Green - on schedule']],
  ])('%j is the plan’s RAG key, not a note on the last action', async (key) => {
    const plan = await parsePlanFile([...TABLE, ...key].join('\n'));
    expect(lastAction(plan).unplaced).toEqual([]);
    const section = plan.sections.find((s) => s.title === 'RAG key');
    expect(section?.body).toBe(key.join('\n'));
    expect(plan.warnings.map((w) => w.code)).not.toContain('orphan-text');
  });

  it('ends at the first line that is not part of it', async () => {
    const plan = await parsePlanFile(
      [...TABLE, 'Key', 'Green = on track', 'Next review by the People Board in March.'].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe('Key\nGreen = on track');
    expect(lastAction(plan).unplaced).toEqual(['Next review by the People Board in March.']);
  });

  it('leaves text that only mentions a colour where it was', async () => {
    const plan = await parsePlanFile(
      [...TABLE, 'Green travel plan to be agreed with Red Cross partners.'].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'RAG key')).toBeUndefined();
    expect(lastAction(plan).unplaced).toEqual(['Green travel plan to be agreed with Red Cross partners.']);
  });
});
