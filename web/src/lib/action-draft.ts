import type { Lead, Rag, Status, ThemeWords } from '@peopleplan/core';
import { readTimescale, type TimescaleContext } from '../components/timescale-input.js';
import type { ApiInit } from './api.js';
import { LEAD_ROLE_LABELS, RAG_LABELS, STATUS_LABELS } from './labels.js';
import type { ActionRow } from './responses.js';

/** An action's editable fields, as the edit form holds them. */
export interface Draft {
  ref: string;
  title: string;
  outcome: string;
  currentPosition: string;
  constraints: string;
  measureOfSuccess: string;
  status: Status;
  dueText: string;
  /** Why the due moves later (asked only then): kept with the action, as a milestone's re-baseline. */
  dueReason: string;
  startText: string;
  leads: Lead[];
  ragMode: 'auto' | Rag;
  ragReason: string;
  /** The theme it sits under ('' for none): moving it moves its sub-actions too. */
  themeId: string;
  /** Text the import could not place, a paragraph each (a blank line between). */
  importNotes: string;
}

/** The import's paragraphs as the form shows them, and back. */
const notesText = (lines: readonly string[]) => lines.join('\n\n');
const notesLines = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export const draftOf = (a: ActionRow): Draft => ({
  ref: a.ref,
  title: a.title,
  outcome: a.outcome ?? '',
  currentPosition: a.currentPosition ?? '',
  constraints: a.constraints ?? '',
  measureOfSuccess: a.measureOfSuccess ?? '',
  status: a.status,
  dueText: a.due?.text ?? '',
  dueReason: '',
  startText: a.start?.text ?? '',
  leads: a.leads,
  ragMode: a.ragOverride?.rag ?? 'auto',
  ragReason: a.ragOverride?.reason ?? '',
  themeId: a.themeId ?? '',
  importNotes: notesText(a.unplaced),
});

export const FIELD_LABELS: Record<keyof Draft, string> = {
  ref: 'Reference',
  title: 'Title',
  outcome: 'To achieve',
  currentPosition: 'Current position',
  constraints: 'Constraints',
  measureOfSuccess: 'Measure of success',
  status: 'Status',
  dueText: 'Due',
  dueReason: 'Why the deadline moves later',
  startText: 'Start',
  leads: 'Leads',
  ragMode: 'RAG',
  ragReason: 'Reason for setting RAG by hand',
  themeId: 'Theme',
  importNotes: 'Text kept from the import',
};

/** The plan's groups, for naming the one an action is under in the plan's own word. */
export interface Groups {
  words: ThemeWords;
  /** "Objective 3: Pay", by the theme's id. */
  headingOf: (themeId: string) => string | undefined;
}

/** A field's name, the theme in the plan's word for its groups ("Objective"). */
export const fieldLabel = (k: keyof Draft, groups?: Groups) =>
  k === 'themeId' && groups ? groups.words.noun : FIELD_LABELS[k];

/** One field of a draft in words, for comparing two versions side by side. */
export function showField(k: keyof Draft, d: Draft, groups?: Groups): string {
  const v = d[k];
  if (k === 'status') return STATUS_LABELS[v as Status];
  if (k === 'ragMode') return v === 'auto' ? 'Worked out from status and dates' : RAG_LABELS[v as Rag];
  if (k === 'themeId' && groups)
    return v
      ? (groups.headingOf(v as string) ?? `Another ${groups.words.inSentence}`)
      : `No ${groups.words.inSentence}`;
  if (k === 'themeId') return v ? 'Another theme' : 'No theme';
  if (k === 'leads')
    return (v as Lead[]).map((l) => `${l.label} (${LEAD_ROLE_LABELS[l.role]})`).join(', ') || 'None';
  return String(v) || '(blank)';
}

export const sameValue = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

export const changedKeys = (from: Draft, to: Draft) =>
  (Object.keys(FIELD_LABELS) as Array<keyof Draft>).filter((k) => !sameValue(from[k], to[k]));

export interface Conflict {
  mine: Draft;
  theirs: Draft;
  keys: Array<keyof Draft>;
}

/** After a 409: the fields where the person's draft and the newly saved version differ. */
export function conflictOf(mine: Draft, base: ActionRow, latest: ActionRow, mineKeys: Array<keyof Draft>) {
  const theirs = draftOf(latest);
  const keys = [...new Set([...changedKeys(draftOf(base), theirs), ...mineKeys])].filter(
    (k) => !sameValue(mine[k], theirs[k]),
  );
  return { mine, theirs, keys };
}

/** What the form checks before sending: the API checks again. */
export const validateDraft = (d: Draft) => ({
  title: d.title.trim() ? undefined : 'Enter a title for the action',
  leads: d.leads.some((l) => !l.label.trim()) ? 'Give every lead a name or label as written' : undefined,
  ragReason:
    d.ragMode !== 'auto' && d.ragReason.trim().length < 3
      ? 'Give a reason for setting RAG by hand'
      : undefined,
});

type PatchBody = NonNullable<ApiInit<'patch', '/api/v1/councils/{c}/actions/{actionId}'>['body']>;
type TextField = Exclude<
  keyof Draft,
  | 'status'
  | 'dueText'
  | 'dueReason'
  | 'startText'
  | 'leads'
  | 'ragMode'
  | 'ragReason'
  | 'themeId'
  | 'importNotes'
>;

/** The PATCH body: only the changed fields, deadlines read the way the form showed them. */
export async function patchBody(
  d: Draft,
  on: ActionRow,
  keys: Array<keyof Draft>,
  context: TimescaleContext,
): Promise<PatchBody> {
  const body: PatchBody = { version: on.version };
  for (const k of keys) {
    if (k === 'dueReason') continue;
    if (k === 'dueText') body.due = await readTimescale(d.dueText, on.due, context);
    else if (k === 'startText')
      body.start = await readTimescale(d.startText, on.start, { ...context, asStart: true });
    else if (k === 'ragMode' || k === 'ragReason')
      body.ragOverride = d.ragMode === 'auto' ? null : { rag: d.ragMode, reason: d.ragReason.trim() };
    else if (k === 'leads') body.leads = d.leads.map((l) => ({ ...l, label: l.label.trim() }));
    else if (k === 'status') body.status = d.status;
    else if (k === 'themeId') body.themeId = d.themeId || null;
    else if (k === 'importNotes') body.unplaced = notesLines(d.importNotes);
    else body[k as TextField] = d[k as TextField].trim();
  }
  if (movesLater(body, on)) body.rebaselineReason = d.dueReason.trim();
  return body;
}

/** The deadline moves to a later date: a re-baseline, whose reason is asked and kept. */
export const movesLater = (body: Pick<PatchBody, 'due'>, on: Pick<ActionRow, 'due'>) =>
  Boolean(body.due?.due && on.due?.due && body.due.due > on.due.due);
