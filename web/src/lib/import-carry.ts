import type { ImportPreview } from './api-narrowings.js';
import { type DateIssue, dateIssues, type LeadAnswer } from './import-plan.js';

/** What a person has set on one reading of a plan: its title, lead answers and deadline corrections. */
export interface ReadingEdits {
  title: string;
  answers: Record<string, LeadAnswer>;
  fixes: Record<string, string>;
}

/**
 * The edits to start the next reading of the same plan with (columns changed, or its start date).
 * Reading again must not throw away what the person already settled: a title they typed stays (the
 * document's own title only when they had not changed it); a lead answer stays while that lead is still
 * new in the new reading (a `same:` answer only while the lead it names is too); a deadline correction
 * stays while the same words are still read as a deadline to check at the same place. Anything the new
 * reading no longer asks about is dropped, so nothing is committed against a question no longer shown.
 */
export function carryEdits(
  before: ImportPreview | undefined,
  edits: ReadingEdits,
  after: ImportPreview,
): ReadingEdits {
  if (!before) return { title: after.plan.title, answers: {}, fixes: {} };
  const typed = edits.title.trim();
  const title = typed && typed !== before.plan.title.trim() ? edits.title : after.plan.title;
  const newLeads = new Set(after.people.leads.filter((l) => !l.person).map((l) => l.label));
  const answers: Record<string, LeadAnswer> = {};
  for (const [label, a] of Object.entries(edits.answers)) {
    if (!newLeads.has(label)) continue;
    if (a.startsWith('same:') && !newLeads.has(a.slice('same:'.length))) continue;
    answers[label] = a;
  }
  const was = new Map<string, DateIssue>(dateIssues(before.plan).map((i) => [i.key, i]));
  const fixes: Record<string, string> = {};
  for (const i of dateIssues(after.plan)) {
    const fix = edits.fixes[i.key];
    if (fix?.trim() && was.get(i.key)?.value.text === i.value.text) fixes[i.key] = fix;
  }
  return { title, answers, fixes };
}
