import type { TravelMove } from '@peopleplan/core';

/**
 * Direction of travel counts in words, as reports head them (core `travelMove`): "0 improved · 1 started ·
 * 11 no change · 1 worse". Improved, no change and worse always; a start, a stop and new actions when any.
 */
export function travelWords(c: Record<TravelMove, number>): string[] {
  return [
    `${c.improved} improved`,
    ...(c.started ? [`${c.started} started`] : []),
    `${c.same} no change`,
    ...(c.stopped ? [`${c.stopped} stopped`] : []),
    `${c.worse} worse`,
    ...(c.new ? [`${c.new} new`] : []),
  ];
}
