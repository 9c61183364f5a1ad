import { londonToday, themeWordsOf } from '@peopleplan/core';
import { type FormEvent, useMemo, useState } from 'react';
import { currentColumns } from '../components/import-columns.js';
import { deadlineFieldId } from '../components/import-deadlines.js';
import { type DateParts, dateFromParts, NO_DATE, partsFromDate } from '../components/import-plan-start.js';
import type { ImportSource } from '../components/import-source-form.js';
import { ackFieldId } from '../components/import-warnings.js';
import { ApiError, api } from '../lib/api.js';
import type { ImportPreview } from '../lib/api-narrowings.js';
import { carryEdits } from '../lib/import-carry.js';
import { type ImportCounts, importedWords } from '../lib/import-done.js';
import {
  type DateIssue,
  dateIssues,
  importBody,
  type LeadAnswer,
  leadChoices,
  type RatingContext,
} from '../lib/import-plan.js';
import { useApi } from '../lib/use-api.js';

export type Problem = { href?: string; text: string };
/** The "Plan imported" page: the plan made, and what it has (lib/import-done.ts). */
export interface ImportDoneState {
  planId?: string;
  title: string;
  made?: string;
  people?: string;
}
type Fields = Record<string, string>;
/** A step refused before or by the API: the error summary's entries and each field's message. */
class Refused extends Error {
  constructor(
    readonly problems: Problem[],
    readonly fields: Fields = {},
  ) {
    super(problems[0]?.text);
  }
}

/** What the first step gives (or the preview step, when reading again). */
interface SourceInput {
  source: ImportSource;
  file: File | undefined;
  text: string;
  kind: string;
  mapping: Record<string, string>;
  planStart: DateParts;
}

/** Read the plan: checks the form, then asks the API for a preview. */
async function readPreview(c: string, s: SourceInput): Promise<ImportPreview> {
  const start = dateFromParts(s.planStart);
  const problems: Problem[] = [];
  if (s.source === 'file' && !s.file)
    problems.push({ href: '#import-file', text: 'Choose a file to import' });
  if (s.source === 'text' && !s.text.trim())
    problems.push({ href: '#import-text', text: 'Paste the plan’s table' });
  if (start.error) problems.push({ href: '#plan-start-day', text: start.error });
  if (problems.length) throw new Refused(problems, start.error ? { planStart: start.error } : {});
  try {
    return await api.post('/api/v1/councils/{c}/imports', {
      params: { path: { c } },
      // The route documents no request body (it reads multipart or JSON itself): see api-narrowings.ts.
      body: importBody(s.source === 'file' && s.file ? { file: s.file } : { text: s.text }, {
        kind: s.kind,
        mapping: s.mapping,
        planStart: start.date,
      }) as never,
    });
  } catch (err) {
    throw new Refused([
      {
        text:
          err instanceof ApiError && err.status === 404
            ? 'Importing plans is not available on this copy of PeoplePlan yet.'
            : (err as Error).message,
      },
    ]);
  }
}

/** Commit the preview with the person's acknowledgements, corrected deadlines and lead choices. */
async function sendCommit(
  c: string,
  preview: ImportPreview,
  edits: {
    acked: string[];
    fixes: Fields;
    answers: Record<string, LeadAnswer>;
    issues: DateIssue[];
    title: string;
  },
): Promise<{ planId?: string; counts?: ImportCounts }> {
  // Everything the page can check, listed at once (GOV.UK error summary), before the API is asked.
  const problems: Problem[] = [];
  const fields: Fields = {};
  const open = preview.acknowledgements.filter((a) => !edits.acked.includes(a.key));
  if (open.length) {
    const text = `Tick each warning under “Check before importing” to say you have looked at it (${open.length} not ticked)`;
    const first = preview.acknowledgements.indexOf(open[0]!);
    problems.push({ href: `#${ackFieldId(first)}`, text });
    fields.acknowledge = text;
  }
  const title = edits.title.trim();
  if (!title) {
    const text = 'Enter the plan’s title';
    problems.push({ href: '#plan-title', text });
    fields.title = text;
  }
  if (problems.length) throw new Refused(problems, fields);
  const fixed = edits.issues.filter((i) => edits.fixes[i.key]?.trim());
  try {
    return await api.post('/api/v1/councils/{c}/imports/{id}/commit', {
      params: { path: { c, id: preview.id } },
      body: {
        ...(edits.acked.length ? { acknowledge: edits.acked } : {}),
        ...(title !== preview.plan.title ? { title } : {}),
        ...(fixed.length
          ? { deadlines: fixed.map((i) => ({ path: i.path, text: edits.fixes[i.key]!.trim() })) }
          : {}),
        people: leadChoices(edits.answers),
      },
    });
  } catch (err) {
    throw commitRefusal(err, fixed);
  }
}

/** A refused commit as error-summary entries, linked to the deadline each one is about. */
function commitRefusal(err: unknown, fixed: DateIssue[]): Refused {
  if (!(err instanceof ApiError)) return new Refused([{ text: (err as Error).message }]);
  const fields: Fields = {};
  const problems: Problem[] = [];
  for (const d of err.details ?? []) {
    const m = /^deadlines\.(\d+)\./.exec(d.path);
    const issue = m ? fixed[Number(m[1])] : undefined;
    if (!issue) continue;
    const text = `Give a date PeoplePlan can read for ${issue.where}, like “March 2027”`;
    fields[issue.key] = text;
    problems.push({ href: `#${deadlineFieldId(issue.key)}`, text });
  }
  return new Refused(problems.length ? problems : [{ text: err.message }], fields);
}

/**
 * The import wizard's state and its steps: reading a preview (again, with changed columns or start
 * date) and committing it. pages/import.tsx renders it.
 */
export function useImportWizard(c: string, editor: boolean) {
  const saved = useApi('/api/v1/councils/{c}/import-mappings', editor ? { path: { c } } : null);
  const people = useApi('/api/v1/councils/{c}/people', editor ? { path: { c } } : null);
  // The council's RAG rules, read with the first step: the preview rates actions as the plan page will.
  const settings = useApi('/api/v1/councils/{c}/settings', editor ? { path: { c } } : null);
  const [source, setSource] = useState<ImportSource>('file');
  const [file, setFile] = useState<File | undefined>();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [savedId, setSavedId] = useState('');
  const [columns, setColumns] = useState<Fields>({});
  const [planStart, setPlanStart] = useState(NO_DATE);
  const [title, setTitle] = useState('');
  const [fixes, setFixes] = useState<Fields>({});
  const [acked, setAcked] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, LeadAnswer>>({});
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [refused, setRefused] = useState<Refused | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportDoneState | undefined>();
  const issues = useMemo(() => (preview ? dateIssues(preview.plan) : []), [preview]);
  const rules = settings.data?.ragRules;
  // Today as of each reading, as the plan page judges on the day it is read.
  const rating = useMemo<RatingContext | undefined>(
    () => (rules && preview ? { today: londonToday(), rules } : undefined),
    [rules, preview],
  );

  /** One step at a time: busy while it runs, its refusal shown. */
  const step = async (run: () => Promise<void>) => {
    setBusy(true);
    setRefused(undefined);
    try {
      await run();
    } catch (err) {
      setRefused(err instanceof Refused ? err : new Refused([{ text: (err as Error).message }]));
    } finally {
      setBusy(false);
    }
  };
  const runPreview = (e?: FormEvent) => {
    e?.preventDefault();
    const mapping = preview
      ? currentColumns(preview.plan, columns)
      : (saved.data?.items.find((m) => m.id === savedId)?.columns ?? {});
    return step(async () => {
      const res = await readPreview(c, { source, file, text, kind, mapping, planStart });
      // Reading again keeps the title typed, lead answers and deadline corrections that still apply
      // (lib/import-carry.ts); ticked warnings belong to the reading they were shown on.
      const kept = carryEdits(preview, { title, answers, fixes }, res);
      setPreview(res);
      setFixes(kept.fixes);
      setAcked([]);
      setAnswers(kept.answers);
      setNotice(undefined);
      setColumns(res.mapping);
      setPlanStart(partsFromDate(res.planStart));
      setTitle(kept.title);
      if (!kind) setKind(res.plan.kind);
      window.scrollTo(0, 0);
    });
  };
  const commit = () =>
    step(async () => {
      if (!preview) return;
      const res = await sendCommit(c, preview, { acked, fixes, answers, issues, title });
      setDone({
        ...(res.planId ? { planId: res.planId } : {}),
        title: title.trim() || preview.plan.title,
        ...(res.counts ? importedWords(res.counts, themeWordsOf(preview.plan)) : {}),
      });
    });
  const deleteSaved = () =>
    step(async () => {
      const m = saved.data?.items.find((x) => x.id === savedId);
      if (!m) return;
      await api.del('/api/v1/councils/{c}/import-mappings/{mappingId}', {
        params: { path: { c, mappingId: m.id } },
      });
      setSavedId('');
      // The list without it at once: a reload could answer before the notice and show it still there.
      if (saved.data) saved.setData({ ...saved.data, items: saved.data.items.filter((x) => x.id !== m.id) });
      setNotice(`Column choices “${m.name}” deleted.`);
    });
  const startAgain = () => {
    setPreview(undefined);
    setColumns({});
    setSavedId('');
    setNotice(undefined);
    setRefused(undefined);
  };
  return {
    saved,
    people,
    form: { source, setSource, setFile, text, setText, kind, setKind, savedId, setSavedId },
    edits: {
      columns,
      setColumns,
      planStart,
      setPlanStart,
      title,
      setTitle,
      fixes,
      setFixes,
      acked,
      setAcked,
      answers,
      setAnswers,
    },
    preview,
    issues,
    rating,
    errors: refused?.problems ?? [],
    fieldErrors: refused?.fields ?? {},
    notice,
    setNotice,
    busy,
    done,
    runPreview,
    commit,
    deleteSaved,
    startAgain,
  };
}
