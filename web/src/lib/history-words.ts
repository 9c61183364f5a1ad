import type { ThemeWords } from '@peopleplan/core';
import { formatDate, formatDateTime } from './format.js';
import { auditWords, PLAN_KIND_LABELS, PLAN_STATUS_LABELS, RAG_SHORT, STATUS_LABELS } from './labels.js';
import type { HistoryEventRow } from './responses.js';

/**
 * An item's history in words: what happened, and each field's value before and after, never the raw
 * field names or stored values (dates as dates, statuses and ratings as their labels).
 */

const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  name: 'Name',
  ref: 'Reference',
  status: 'Status',
  due: 'Due',
  baselineDue: 'First agreed due date',
  leads: 'Leads',
  outcome: 'Outcome',
  currentPosition: 'Current position',
  narrative: 'Progress narrative',
  ragOverride: 'RAG rating set by hand',
  rag: 'RAG rating',
  // In the plan's own word when it is known (`HistoryNames`).
  themeId: 'Group',
  parentId: 'Parent action',
  order: 'Position',
  period: 'Period',
  description: 'Description',
  ownerPersonId: 'Owner',
  mergedInto: 'Merged into',
  mergingInto: 'Being merged into',
  rebaselineReason: 'Reason for the new date',
  cancelReason: 'Reason for cancelling',
  reason: 'Reason',
  email: 'Email',
  role: 'Role',
  // As the person form names it: how plans name the person ("GM (HR)").
  roleLabel: 'Label in plans',
  ragRules: 'RAG rules',
  linkedActionIds: 'Linked actions',
  kind: 'Kind of plan',
  // As the plan's details form names them.
  themeNoun: 'What the plan calls its groups',
  ownerLabel: 'Owner as the plan names them',
  approval: 'Approval',
  directorate: 'Directorate',
  division: 'Division',
  reviewCadence: 'Review cycle',
  reportingPoints: 'Reporting points',
  unplaced: 'Text kept from the import',
};
/**
 * What the history can name in a plan's own words: what the plan an event belongs to calls its groups
 * ("Objective"), and its groups by id ("Objective 3: Pay"). Without them: "a group", "another item".
 */
export interface HistoryNames {
  themeWords?: (planId: string | undefined) => ThemeWords | undefined;
  themeHeading?: (themeId: string) => string | undefined;
  /** A person of the directory by id: an owner, a member's link, a merge ("Helen Price", not "another item"). */
  personName?: (personId: string) => string | undefined;
  /**
   * What a change was made to, by its type and id ("1.3 Review market supplements", a person's or member's
   * name): a change records only the fields it changed, so the council's audit trail names the item itself.
   * Unset on an item's own history, which is headed by the item.
   */
  itemName?: (entityType: string, entityId: string) => string | undefined;
}

/** Fields that hold a person's id. */
const PERSON_FIELDS = new Set(['personId', 'ownerPersonId', 'mergedInto', 'mergingInto']);

/** Bookkeeping the history never shows. */
const HIDDEN = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy']);

/** `currentPosition` → "Current position" for a field without a word of its own. */
export function fieldWords(field: string): string {
  const known = FIELD_WORDS[field];
  if (known) return known;
  const spaced = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const ENUM_WORDS: Record<string, string> = { ...PLAN_STATUS_LABELS, ...STATUS_LABELS };
const MAX = 300;

/** One stored value in words. */
export function valueWords(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return 'none';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (field === 'rag' && v in RAG_SHORT) return RAG_SHORT[v as keyof typeof RAG_SHORT];
    if (field === 'kind' && v in PLAN_KIND_LABELS)
      return PLAN_KIND_LABELS[v as keyof typeof PLAN_KIND_LABELS];
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
    if (ENUM_WORDS[v]) return ENUM_WORDS[v];
    if (/^[a-z]+(-[a-z]+)+$/.test(v)) return v.replace(/-/g, ' ');
    if (/Id$/.test(field) && /^[0-9A-Z]{26}$/.test(v)) return 'another item';
    return v.length > MAX ? `${v.slice(0, MAX)}…` : v;
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => valueWords(field, x)).join('; ') : 'none';
  const o = v as Record<string, unknown>;
  if (typeof o.text === 'string')
    return typeof o.due === 'string' ? `${o.text} (${formatDate(o.due)})` : o.text;
  if (typeof o.rag === 'string')
    return `${valueWords('rag', o.rag)}${typeof o.reason === 'string' ? `: ${o.reason}` : ''}`;
  for (const k of ['label', 'title', 'name']) if (typeof o[k] === 'string') return o[k] as string;
  return (
    Object.entries(o)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, x]) => `${fieldWords(k)}: ${valueWords(k, x)}`)
      .join(', ') || 'none'
  );
}

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

/** A group of settings (RAG rules, alert settings), not a value with words of its own (`valueWords`). */
function isSettingsGroup(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return !['text', 'rag', 'label', 'title', 'name'].some((k) => typeof o[k] === 'string');
}

/**
 * A change to a group of settings as the settings inside it that changed, each under its group's name
 * ("RAG rules: Due soon days"), so a reader sees what changed without comparing two lists by eye.
 */
function groupLines(key: string, words: string, before: unknown, after: unknown): ChangeLine[] {
  if (!isSettingsGroup(before) || !isSettingsGroup(after)) {
    return [{ field: words, before: valueWords(key, before), after: valueWords(key, after) }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .flatMap((k) => groupLines(k, `${words}: ${fieldWords(k)}`, before[k], after[k]));
}

/** Each changed field of an update, in words (the group an action moved between in the plan's). */
export function changeLines(e: HistoryEventRow, names: HistoryNames = {}): ChangeLine[] {
  const theme = (v: unknown) =>
    (typeof v === 'string' ? names.themeHeading?.(v) : undefined) ?? valueWords('themeId', v);
  const person = (field: string, v: unknown) =>
    typeof v === 'string' && /^[0-9A-Z]{26}$/.test(v)
      ? (names.personName?.(v) ?? 'someone no longer listed')
      : valueWords(field, v);
  return (e.changes ?? [])
    .filter((ch) => !HIDDEN.has(ch.field))
    .flatMap((ch): ChangeLine[] =>
      ch.field === 'themeId'
        ? [
            {
              field: names.themeWords?.(e.planId)?.noun ?? fieldWords(ch.field),
              before: theme(ch.before),
              after: theme(ch.after),
            },
          ]
        : ch.field === 'themeOrder' && names.themeWords?.(e.planId)
          ? // "Priority order", in the plan's word for its groups, as the plan page orders them.
            groupLines(ch.field, `${names.themeWords(e.planId)!.noun} order`, ch.before, ch.after)
          : PERSON_FIELDS.has(ch.field)
            ? [
                {
                  field: ch.field === 'personId' ? 'Person' : fieldWords(ch.field),
                  before: person(ch.field, ch.before),
                  after: person(ch.field, ch.after),
                },
              ]
            : groupLines(ch.field, fieldWords(ch.field), ch.before, ch.after),
    );
}

const nameOf = (v: unknown): string | undefined => {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  // A plan's creation keeps the plan and its themes side by side.
  if (typeof o.plan === 'object' && o.plan !== null) return nameOf(o.plan);
  for (const k of ['title', 'name', 'label', 'narrative'])
    if (typeof o[k] === 'string') {
      const s = o[k] as string;
      return s.length > 120 ? `${s.slice(0, 120)}…` : s;
    }
  return undefined;
};

/**
 * What happened, in a sentence: "Closed a reporting period: Mid-year 2026-27", "Added an objective: Pay"
 * (a group in its plan's word), "Corrected a progress update" (an update that names the one it corrects).
 */
export function eventHeadline(e: HistoryEventRow, names: HistoryNames = {}): string {
  if (e.entityType === 'period-snapshot') {
    const label = nameOf(e.operation === 'delete' ? e.before : e.after);
    const reason = (e.after as { reason?: unknown } | undefined)?.reason;
    return e.operation === 'delete'
      ? `Reopened a closed reporting period${label ? `: ${label}` : ''}${typeof reason === 'string' ? `. Reason: ${reason}` : ''}`
      : `Closed a reporting period${label ? `: ${label}` : ''}`;
  }
  if (e.entityType === 'calendar-feed')
    return e.operation === 'revoke' ? 'Stopped a calendar feed' : 'Made a calendar feed';
  const correction =
    e.entityType === 'update' &&
    typeof (e.after as { corrects?: unknown } | undefined)?.corrects === 'string';
  const words = correction
    ? 'Corrected a progress update'
    : auditWords(
        e.operation,
        e.entityType,
        e.entityType === 'theme' ? names.themeWords?.(e.planId)?.withArticle : undefined,
      );
  const name =
    e.operation === 'update' ? names.itemName?.(e.entityType, e.entityId) : nameOf(e.after ?? e.before);
  return name ? `${words}: ${name}` : words;
}
