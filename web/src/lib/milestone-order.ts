import { compareRefs } from '@peopleplan/core';

type Dated = { ref: string; due?: { due?: string | undefined } | undefined };

/**
 * The order milestones are listed in: by due date (those without a date last), then by ref in natural
 * order (M2 before M10, as core `compareRefs` orders refs everywhere).
 */
function compareMilestones(a: Dated, b: Dated): number {
  const [x, y] = [a.due?.due ?? '9999', b.due?.due ?? '9999'];
  return x < y ? -1 : x > y ? 1 : compareRefs(a.ref, b.ref);
}

/** A copy of the milestones in that order. */
export const sortMilestones = <T extends Dated>(items: readonly T[]): T[] =>
  [...items].sort(compareMilestones);
