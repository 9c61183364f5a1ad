import { dueOn, type IsoDate, isOpen } from '@peopleplan/core';
import type { ParsedAction, ParsedPlan } from '@peopleplan/importer/schema';

/**
 * Milestones the plan dates before today and does not mark done: once imported they count as overdue and
 * rate their actions Red, though the plan may rate them Green. Said in the preview, so the person is not
 * surprised by a red dashboard on the first day: they mark each done (with its day) on its action's page,
 * or correct its date here. An action the plan marks complete has met its milestones (to-entities.ts).
 */
export function withPastMilestonesWarning(plan: ParsedPlan, today: IsoDate): ParsedPlan {
  const all = (a: ParsedAction): ParsedAction[] => [a, ...a.subActions.flatMap(all)];
  const past = plan.themes
    .flatMap((t) => t.actions.flatMap(all))
    .filter((a) => !a.status || isOpen(a.status))
    .flatMap((a) =>
      // A repeating one is due on its next occurrence, never overdue (core occurrence.ts).
      a.milestones.filter((m) => !m.completed && (dueOn(m.due, today) ?? today) < today),
    );
  if (!past.length) return plan;
  const first = past[0]!;
  const n = past.length;
  return {
    ...plan,
    warnings: [
      ...plan.warnings,
      {
        code: 'past-milestones',
        where: 'plan',
        message:
          `${n} milestone${n === 1 ? ' is' : 's are'} dated before today and not marked done (for example ` +
          `“${first.title}”, due ${first.due.text}). Once imported, ${n === 1 ? 'it counts' : 'they count'} as ` +
          'overdue and rate their actions Red: mark each done, with the day it was done, on its action’s page, ' +
          'or correct its date here.',
      },
    ],
  };
}
