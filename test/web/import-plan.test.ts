import { DEFAULT_RAG_RULES } from '@peopleplan/core';
import { parsePlanFile } from '@peopleplan/importer';
import { describe, expect, it } from 'vitest';
import { previewContents } from '../../web/src/lib/import-plan.js';

const TEXT = [
  'Workforce Plan 2026-27',
  'Objective 1: Pay',
  'Ref\tAction\tLead\tDeadline\tStatus',
  '1.1\tReview pay bands\tHR Manager\tMarch 2027\tGreen',
  '1.2\tAgency spend review\tHR Manager\tMay 2026\tGreen',
  'Objective 2: Recruitment',
  'Ref\tAction\tLead\tDeadline\tStatus',
  '2.1\tNew careers site\tHR Manager\tJune 2026\tRed',
  '2.2\tOpen days\tHR Manager\tJune 2027\tAmber',
].join('\n');

describe('the import preview’s ratings', () => {
  it('rates each action as the plan page will, by the council’s rules on the day, not grey', async () => {
    const plan = await parsePlanFile(TEXT);
    const rated = previewContents(plan, { today: '2026-12-06', rules: DEFAULT_RAG_RULES });
    const rag = Object.fromEntries(rated.actions.map((a) => [a.title, a.rag.rag]));
    // On track and in time; on track but its deadline has passed; off track; at risk.
    expect(rag).toEqual({
      'Review pay bands': 'green',
      'Agency spend review': 'red',
      'New careers site': 'red',
      'Open days': 'amber',
    });
    const late = rated.actions.find((a) => a.title === 'Agency spend review')!;
    expect(late.status).toBe('on-track');
    expect(late.rag.reasons.join(' ')).toMatch(/late|overdue/i);
  });

  it('says it is not yet judged only while the council’s rules are not known', async () => {
    const plan = await parsePlanFile(TEXT);
    const unrated = previewContents(plan);
    expect(unrated.actions).toHaveLength(4);
    expect(new Set(unrated.actions.map((a) => a.rag.rag))).toEqual(new Set(['grey']));
  });
});
