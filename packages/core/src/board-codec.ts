import type { ActionState, MilestoneState } from './board.js';
import { isCalendarDate } from './dates.js';
import { RAGS, type Rag, STATUSES, type Status } from './status.js';
import { Recurrence } from './timescale.js';

// Board entries as stored: one short string per item, `|`-separated (statuses and dates never hold `|`).
const STATUS_SET = new Set<string>(STATUSES);
const RAG_SET = new Set<string>(RAGS);

// Later facts come last and only when there is one, so an entry without them reads as it always did:
// the baseline (an action's eighth part), then how often the deadline repeats.
const withRepeat = (text: string, every: Recurrence | undefined) => (every ? `${text}|${every}` : text);

export function encodeActionState(s: ActionState): string {
  return withRepeat(
    `${s.status}|${s.due ?? ''}|${s.override ?? ''}|${s.lastUpdate ?? ''}|${s.created}|${s.parentId ?? ''}|${s.themeId ?? ''}|${s.baseline ?? ''}`,
    s.every,
  );
}

export function encodeMilestoneState(s: MilestoneState): string {
  return withRepeat(`${s.status}|${s.due ?? ''}|${s.baseline ?? ''}|${s.actionId}`, s.every);
}

/**
 * Written only by the encoders above: anything else is corruption, reported rather than guessed at.
 * That includes entries in older shapes (before roll-up: no parent, no milestone's action; before
 * theme counts: no theme): readers count such a plan from its items until `npm run boards` rewrites
 * its board.
 */
function corrupt(id: string, text: string): never {
  throw new Error(`corrupt board entry for ${id}: ${text.slice(0, 80)}`);
}

const optionalDate = (v: string | undefined) => !v || isCalendarDate(v);
const REPEATS = new Set<string>(Recurrence.options);
const optionalRepeat = (v: string | undefined) => v === undefined || REPEATS.has(v);

export function decodeActionState(id: string, text: string): ActionState {
  const parts = text.split('|');
  const [status, due, override, lastUpdate, created, parentId, themeId, baseline, every] = parts;
  if (
    parts.length < 7 ||
    parts.length > 9 ||
    !optionalRepeat(every) ||
    !optionalDate(baseline) ||
    !status ||
    !STATUS_SET.has(status) ||
    !isCalendarDate(created) ||
    !optionalDate(lastUpdate) ||
    (override && !RAG_SET.has(override)) ||
    !optionalDate(due)
  ) {
    corrupt(id, text);
  }
  return {
    id,
    status: status as Status,
    due: due || undefined,
    override: (override || undefined) as Rag | undefined,
    lastUpdate: lastUpdate || undefined,
    created,
    parentId: parentId || undefined,
    themeId: themeId || undefined,
    baseline: baseline || undefined,
    ...(every && { every: every as Recurrence }),
  };
}

export function decodeMilestoneState(id: string, text: string): MilestoneState {
  const parts = text.split('|');
  const [status, due, baseline, actionId, every] = parts;
  if (
    (parts.length !== 4 && parts.length !== 5) ||
    !status ||
    !STATUS_SET.has(status) ||
    !optionalDate(due) ||
    !actionId ||
    !optionalRepeat(every)
  ) {
    corrupt(id, text);
  }
  if (!optionalDate(baseline)) corrupt(id, text);
  return {
    id,
    status: status as Status,
    due: due || undefined,
    baseline: baseline || undefined,
    actionId,
    ...(every && { every: every as Recurrence }),
  };
}
