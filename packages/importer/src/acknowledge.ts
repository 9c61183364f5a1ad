import type { ImportWarning, ParsedPlan } from './parsed-plan.js';

/** A warning's identity for acknowledging it: its code and where it points. */
export const warningKey = (w: Pick<ImportWarning, 'code' | 'where'>) => `${w.code}@${w.where}`;

/**
 * The warnings that need a person's acknowledgement and have not had it. Commit must refuse (422)
 * while this is not empty: the caller passes the keys (`warningKey`) the person confirmed.
 */
export function unacknowledgedWarnings(
  plan: Pick<ParsedPlan, 'warnings'>,
  acknowledged: Iterable<string>,
): ImportWarning[] {
  const ok = new Set(acknowledged);
  return plan.warnings.filter((w) => w.requiresAcknowledgement && !ok.has(warningKey(w)));
}

/** A sentence for the 422 answer naming what still needs acknowledging, or undefined when nothing does. */
export function acknowledgementsMissing(
  plan: Pick<ParsedPlan, 'warnings'>,
  acknowledged: Iterable<string>,
): string | undefined {
  const open = unacknowledgedWarnings(plan, acknowledged);
  if (open.length === 0) return undefined;
  return `Acknowledge before committing: ${open.map((w) => `${w.message} (${warningKey(w)})`).join(' ')}`;
}
