import { DEFAULT_RAG_RULES } from '@peopleplan/core';
import { parsePlanFile } from '@peopleplan/importer';
import { describe, expect, it } from 'vitest';
import { previewContents } from '../../web/src/lib/import-plan.js';
import { objectivesPlan } from '../support/pasted-plans.js';

const TEXT = objectivesPlan('Workforce Plan 2026-27', 2026);

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
