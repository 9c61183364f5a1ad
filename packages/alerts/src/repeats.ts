import { dueOn, isOpen, repeatOf } from '@peopleplan/core';
import type { DueItem } from '@peopleplan/db';
import type { AlertsCouncil } from './history.js';

/**
 * Repeating deadlines whose occurrence has passed move on in the due index to the next one, so that
 * the job reads each again when that draws near rather than every day (core occurrence.ts). An edit
 * indexes an item under its first occurrence again; the next run moves it on. Returns how many moved.
 */
export async function moveRepeatsOn(
  repo: Pick<AlertsCouncil, 'moveDueIndex'>,
  items: readonly DueItem[],
  today: string,
  onProblem: (itemId: string, what: string) => void,
): Promise<number> {
  let moved = 0;
  for (const item of items) {
    if (!isOpen(item.status) || !repeatOf(item.due) || !item.indexedOn || item.indexedOn >= today) continue;
    const next = dueOn(item.due, today);
    if (!next || next === item.indexedOn) continue;
    try {
      if (await repo.moveDueIndex(item, next)) moved++;
    } catch (e) {
      onProblem(item.id, `could not move its repeating deadline on: ${e instanceof Error ? e.message : e}`);
    }
  }
  return moved;
}
