import { monotonicFactory } from 'ulid';

/** ULIDs: sortable by time, so audit and progress history read in order. */
export const newId: () => string = monotonicFactory();
export const nowIso = (): string => new Date().toISOString();
