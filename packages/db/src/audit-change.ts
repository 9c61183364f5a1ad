import { meansTheSame } from '@peopleplan/core';
import { historyIndexAttributes } from './keys.js';
import type { AuditInput } from './store.js';

/** Fields every write changes: they say nothing about what a person changed. */
const STAMPS = new Set(['version', 'updatedAt', 'createdAt']);
/** Room an audit event may take: well inside an item, so the event never stops the change it records. */
const AUDIT_BUDGET = 200_000;
/** Text longer than this is kept in part when an event would be too large (the item holds it whole). */
const KEEP_CHARS = 2_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an audit event keeps of a change: for an update, only the fields whose meaning changed, before
 * and after (what the history of an item shows; `meansTheSame`, core); for other operations, what was given. A very large
 * event (long narrative on both sides) keeps the start of each long text and says how much is left out.
 */
export function auditChange(a: AuditInput): AuditInput {
  let out: AuditInput = a;
  if (a.operation === 'update' && isObj(a.before) && isObj(a.after)) {
    const before: Obj = {};
    const after: Obj = {};
    for (const k of new Set([...Object.keys(a.before), ...Object.keys(a.after)])) {
      if (STAMPS.has(k) || k === 'dataProblems') continue;
      // A form sends every field: '' for none, {} for an empty approval, keys in its own order.
      if (meansTheSame(a.before[k], a.after[k])) continue;
      if (k in a.before) before[k] = a.before[k];
      if (k in a.after) after[k] = a.after[k];
    }
    out = { ...a, before, after };
  }
  if (fits(out)) return out;
  const short = { ...out, before: shorten(out.before), after: shorten(out.after) };
  return fits(short) ? short : withoutLargest(short);
}

/** Bytes at most: three a UTF-16 unit, as UTF-8 can take. */
const fits = (a: AuditInput) => JSON.stringify(a).length * 3 <= AUDIT_BUDGET;

/**
 * Many texts each short enough to be kept (an import's unplaced lines, replaced together) can still
 * make an event twice an item, which DynamoDB refuses with the change it records: the largest fields
 * are then said in words, largest first, until the event fits (the item itself holds them).
 */
function withoutLargest(a: AuditInput): AuditInput {
  const sides = {
    before: isObj(a.before) ? { ...a.before } : a.before,
    after: isObj(a.after) ? { ...a.after } : a.after,
  };
  const fields = (['before', 'after'] as const).flatMap((side) => {
    const o = sides[side];
    return isObj(o)
      ? Object.entries(o).map(([k, v]) => ({ o, k, size: JSON.stringify(v)?.length ?? 0 }))
      : [];
  });
  const out: AuditInput = { ...a, ...sides };
  for (const f of fields.sort((x, y) => y.size - x.size)) {
    if (fits(out)) break;
    f.o[f.k] = `(${f.size} characters: too long to keep in the history, see the item itself)`;
  }
  return out;
}

function shorten(v: unknown): unknown {
  if (typeof v === 'string' && v.length > KEEP_CHARS) {
    return `${v.slice(0, KEEP_CHARS)}… (${v.length - KEEP_CHARS} more characters: see the item itself)`;
  }
  if (Array.isArray(v)) return v.map(shorten);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shorten(x)]));
  return v;
}

/** Kinds whose events belong to their plan's history (they have no history page of their own). */
const PLAN_LEVEL = new Set([
  'theme',
  'indicator',
  'risk',
  'continuity',
  'decision',
  'dependency',
  'period-snapshot',
]);

/**
 * Whose history an audit event is part of (keys.ts `historyIndexAttributes`): a progress update's is
 * its action's (it moves the action's status); a theme's, indicator's, risk's or closed period's is
 * its plan's, and so is an action's or milestone's removal (its own page is gone, action-removal.ts);
 * anything else is its own.
 */
export function historySubject(a: AuditInput): string {
  if (a.entityType === 'update') {
    const actionId = (a.after as { actionId?: unknown } | undefined)?.actionId;
    if (typeof actionId === 'string') return actionId;
  }
  const removed = a.operation === 'delete' && (a.entityType === 'action' || a.entityType === 'milestone');
  if ((PLAN_LEVEL.has(a.entityType) || removed) && a.planId) return a.planId;
  return a.entityId;
}

/** An audit event's council-index attributes; none for a subject that cannot be a key part. */
export function historyAttributes(councilId: string, a: AuditInput, eventId: string): Record<string, string> {
  try {
    return historyIndexAttributes(councilId, historySubject(a), eventId);
  } catch {
    return {};
  }
}
