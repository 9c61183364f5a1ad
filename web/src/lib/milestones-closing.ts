import { isOpen, type Status } from '@peopleplan/core';
import { plural } from './format.js';

/**
 * What choosing a closing status says when the action has open milestones: they close with it
 * (docs/architecture.md, "Milestones close with their action"). Nothing when it stays open, or was closed.
 */
export function closingHint(from: Status, to: Status, openMilestones: number): string | undefined {
  if (!openMilestones || !isOpen(from) || isOpen(to)) return undefined;
  return `Its ${plural(openMilestones, 'open milestone')} will be closed with it.`;
}

/** How many of an action's milestones are still open. */
export const openCount = (items: ReadonlyArray<{ status: Status }> | undefined): number =>
  items?.filter((m) => isOpen(m.status)).length ?? 0;
