import type { ImportWarning, ParsedPlan } from '../src/parsed-plan.js';

/** Warnings that tell a person what the importer could not read, and where. */
export const UNREAD_CODES = new Set([
  'no-actions',
  'mostly-unplaced',
  'unplaced-text',
  'unplaced-row',
  'orphan-text',
  'unrecognised-table',
  'unread-layout',
  'commented-out',
  'partly-unread',
  'columns-run-together',
  'columns-out-of-order',
]);

export const topLevelActions = (plan: ParsedPlan) => plan.themes.reduce((n, t) => n + t.actions.length, 0);

/** Share of the counted actions recovered: found actions beyond the count do not make up for others. */
export const recovered = (found: number, counted: number) => Math.min(found, counted) / counted;

export const saysWhatItCouldNotRead = (warnings: ImportWarning[]) =>
  warnings.some(
    (w) => UNREAD_CODES.has(w.code) && w.message.length > 0 && /\b(?:line|row)s?\b/.test(w.where),
  );
