import { z } from 'zod';

export const STATUSES = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'completed',
  'deferred',
  'cancelled',
  'ongoing',
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** Human labels: status is never shown by colour alone. */
export const STATUS_LABELS: Record<Status, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  completed: 'Completed',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
  ongoing: 'Ongoing',
};

/** Statuses that close an item: no alerts, no due index entry. */
export const CLOSED_STATUSES: readonly Status[] = ['completed', 'deferred', 'cancelled'];
export const isOpen = (s: Status): boolean => !CLOSED_STATUSES.includes(s);

/** BRAG: blue is "complete", grey is "not applicable / not started". */
export const RAGS = ['red', 'amber', 'green', 'blue', 'grey'] as const;
export const Rag = z.enum(RAGS);
export type Rag = z.infer<typeof Rag>;

export const RAG_LABELS: Record<Rag, string> = {
  red: 'Red – off track',
  amber: 'Amber – at risk',
  green: 'Green – on track',
  blue: 'Blue – complete',
  grey: 'Grey – not started or not applicable',
};

/** Severity order used to combine rules: the worst applicable rule wins. */
export const RAG_SEVERITY: Record<Rag, number> = { grey: 0, blue: 1, green: 2, amber: 3, red: 4 };
