import type { Timescale } from '@peopleplan/core';
import { readTimescale } from './timescale-adapter.js';

/**
 * A person's correction of a deadline the import could not read: the date comes from their words
 * ("March 2015"), read with the plan's start and period as any deadline is; the council's own wording
 * stays the timescale's `text`, so the plan still shows it as written, beside the date. Undefined when
 * the correction itself has no date either (the deadline is then left as it was read).
 */
export function correctedTimescale(
  original: Timescale,
  correction: string,
  ctx: { planStart?: string | undefined; period?: { start?: string; end?: string } | undefined } = {},
): Timescale | undefined {
  const read = readTimescale(correction.trim(), {
    ...(ctx.planStart || ctx.period?.start ? { anchor: (ctx.planStart ?? ctx.period?.start)! } : {}),
    ...(ctx.period ? { period: ctx.period } : {}),
  });
  if (!read.due && read.kind !== 'ongoing' && read.kind !== 'completed') return undefined;
  const { text: _given, note: _note, ...meaning } = read;
  return {
    ...meaning,
    text: original.text,
    note: `Date given when the plan was imported: “${correction.trim().slice(0, 200)}”`,
  };
}
