import type { CouncilRole } from '@peopleplan/core';
import { ApiError } from './api.js';
import { ROLE_LABELS } from './labels.js';

/** A quick check before sending, as GOV.UK forms do; the API checks the address fully. */
export const looksLikeEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@council.gov.uk';

/**
 * Council and partnership ids: the slug pattern of packages/core (`SLUG_PATTERN` in roles.ts), written
 * out here because that module brings zod into the browser with it.
 */
export const looksLikeSlug = (v: string) => /^[a-z0-9][a-z0-9-]{1,63}$/.test(v);
export const SLUG_FORMAT =
  'must be 2 to 64 characters: lower-case letters, numbers and hyphens, starting with a letter or number';

/** What each council role may do, in the words of the README's table of demo users. */
const ROLE_HINTS: Record<CouncilRole, string> = {
  admin: 'Everything in the council: members, settings, RAG rules, alerts and sharing with partnerships',
  editor: 'Plans, actions, milestones and imports',
  contributor: 'Progress updates on the actions they lead',
  viewer: 'Reads plans, dashboards and reports (for example councillors)',
};

export const ROLE_OPTIONS = (['admin', 'editor', 'contributor', 'viewer'] as const).map((value) => ({
  value,
  text: ROLE_LABELS[value]!,
  hint: ROLE_HINTS[value],
}));

/**
 * An API error as form errors: a 409 (the id or email is taken) on `conflictField`, the fields' own
 * errors where the API names them, and its message on the form when it names none.
 */
export function formErrorsFrom(
  err: unknown,
  conflictField: string,
): { fields: Record<string, string>; form?: string } {
  if (!(err instanceof ApiError)) return { fields: {}, form: (err as Error).message };
  if (err.status === 409) return { fields: { [conflictField]: err.message } };
  const fields: Record<string, string> = {};
  for (const d of err.details ?? []) {
    const key = d.path.split('.')[0];
    if (key) fields[key] ??= d.message;
  }
  return Object.keys(fields).length ? { fields } : { fields, form: err.message };
}
