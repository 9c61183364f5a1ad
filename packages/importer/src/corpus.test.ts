import { describe, expect, it } from 'vitest';
import { recovered, saysWhatItCouldNotRead, topLevelActions } from '../test/corpus-score.js';
import { corpusPlans } from '../test/helpers.js';
import { parsePlanFile } from './index.js';
import { ParsedPlan } from './parsed-plan.js';

/**
 * Real plans from other public bodies (packages/importer/corpus): each import recovers at least 80% of
 * the actions a careful reader counts, or says what it could not read and where; never a silent empty
 * import, and never a silently inflated one.
 */
describe('the corpus of real plans', () => {
  const plans = corpusPlans();

  it('holds the 26 plans, each with a count', () => {
    expect(plans).toHaveLength(26);
  });

  it.each(plans.map((p) => [p.file, p] as const))('%s', async (_file, p) => {
    const plan = await parsePlanFile(p.text, { filename: p.file });
    expect(ParsedPlan.safeParse(plan).success).toBe(true);
    const found = topLevelActions(plan);
    const share = recovered(found, p.counted);
    const summary = `${found} of ${p.counted} actions; warnings: ${plan.warnings.map((w) => `${w.code}@${w.where}`).join(', ')}`;
    if (share < 0.8) expect(saysWhatItCouldNotRead(plan.warnings), summary).toBe(true);
    if (found === 0)
      expect(
        plan.warnings.some((w) => w.requiresAcknowledgement),
        summary,
      ).toBe(true);
    // Reading far more actions than there are is as wrong as reading none.
    expect(found, summary).toBeLessThanOrEqual(p.counted * 2 + 2);
    for (const w of plan.warnings)
      expect(w.where, w.code).toMatch(/\b(?:lines?|rows?|action|plan|table|sheet|theme|page)\b/);
  });
});
