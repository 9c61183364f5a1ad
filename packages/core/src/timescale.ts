import { z } from 'zod';
import { CalendarDate } from './dates.js';

/** A real calendar date, `YYYY-MM-DD` (civil date in the council's time zone): see dates.ts. */
export const IsoDate = CalendarDate;
export type IsoDate = z.infer<typeof IsoDate>;

export const TIMESCALE_KINDS = [
  'date',
  'range',
  'ongoing',
  'completed',
  'tbc',
  'recurring',
  'relative',
  'event',
  'unparsed',
] as const;
export const TimescaleKind = z.enum(TIMESCALE_KINDS);
export type TimescaleKind = z.infer<typeof TimescaleKind>;

export const PRECISIONS = ['day', 'month', 'quarter', 'season', 'year', 'financial-year'] as const;
export const Precision = z.enum(PRECISIONS);
export type Precision = z.infer<typeof Precision>;

export const Recurrence = z.enum([
  'weekly',
  'fortnightly',
  'monthly',
  'termly',
  'quarterly',
  'six-monthly',
  'annual',
  'biennial',
]);
export type Recurrence = z.infer<typeof Recurrence>;

/**
 * A deadline or start as a council wrote it, and what it means.
 * `text` is kept exactly as written; the parsed fields may be corrected by a person later.
 */
export const Timescale = z
  .strictObject({
    // Deadline cells sometimes carry a paragraph of commentary: kept whole, as written.
    text: z.string().max(5000),
    kind: TimescaleKind,
    start: IsoDate.optional(),
    due: IsoDate.optional(),
    precision: Precision.optional(),
    recurrence: Recurrence.optional(),
    note: z.string().max(5000).optional(),
  })
  .refine((t) => !(t.start && t.due) || t.start <= t.due, {
    message: 'start must not be after due',
    path: ['start'],
  })
  .refine((t) => (t.kind === 'date' || t.kind === 'range' ? t.due !== undefined : true), {
    message: 'a date or range needs a due date',
    path: ['due'],
  });
export type Timescale = z.infer<typeof Timescale>;

/** A timescale whose meaning has not been worked out yet: kept as text, shown to a person. */
export function unparsedTimescale(text: string, note?: string): Timescale {
  return note ? { text, kind: 'unparsed', note } : { text, kind: 'unparsed' };
}
