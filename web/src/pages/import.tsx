import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary } from '../components/form.js';
import { currentColumns } from '../components/import-columns.js';
import { deadlineFieldId } from '../components/import-deadlines.js';
import { dateFromParts, NO_DATE, partsFromDate } from '../components/import-plan-start.js';
import { ImportPreviewView } from '../components/import-preview.js';
import { type ImportSource, ImportSourceForm } from '../components/import-source-form.js';
import { ackFieldId } from '../components/import-warnings.js';
import { Banner, Page } from '../components/page.js';
import { ApiError, api } from '../lib/api.js';
import type { ImportPreview } from '../lib/api-narrowings.js';
import { dateIssues, importBody, type LeadAnswer, leadChoices } from '../lib/import-plan.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

type Problem = { href?: string; text: string };

/**
 * Import wizard: upload or paste (with saved column choices and the plan's start date) → preview (the
 * plan as it will look, columns in plain words, deadlines to correct, who leads what, warnings to
 * acknowledge; changed and previewed again as often as needed) → commit.
 * API: functions/api/src/routes/imports.ts and import-mappings.ts.
 */
export default function ImportPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const editor = can('editor');
  const saved = useApi('/api/v1/councils/{c}/import-mappings', editor ? { path: { c } } : null);
  const people = useApi('/api/v1/councils/{c}/people', editor ? { path: { c } } : null);
  const [source, setSource] = useState<ImportSource>('file');
  const [file, setFile] = useState<File | undefined>();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [savedId, setSavedId] = useState('');
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [planStart, setPlanStart] = useState(NO_DATE);
  const [fixes, setFixes] = useState<Record<string, string>>({});
  const [acked, setAcked] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, LeadAnswer>>({});
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [errors, setErrors] = useState<Problem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ planId?: string; title: string } | undefined>();
  const issues = useMemo(() => (preview ? dateIssues(preview.plan) : []), [preview]);

  const savedMapping = (id: string) => saved.data?.items.find((m) => m.id === id);
  const fail = (problems: Problem[], fields: Record<string, string> = {}) => {
    setErrors(problems);
    setFieldErrors(fields);
  };

  const runPreview = async (e?: FormEvent) => {
    e?.preventDefault();
    const start = dateFromParts(planStart);
    const problems: Problem[] = [];
    if (source === 'file' && !file) problems.push({ href: '#import-file', text: 'Choose a file to import' });
    if (source === 'text' && !text.trim())
      problems.push({ href: '#import-text', text: 'Paste the plan’s table' });
    if (start.error) problems.push({ href: '#plan-start-day', text: start.error });
    fail(problems, start.error ? { planStart: start.error } : {});
    if (problems.length) return;
    const mapping = preview ? currentColumns(preview.plan, columns) : (savedMapping(savedId)?.columns ?? {});
    setBusy(true);
    setNotice(undefined);
    try {
      const res = await api.post('/api/v1/councils/{c}/imports', {
        params: { path: { c } },
        // The route documents no request body (it reads multipart or JSON itself): see api-narrowings.ts.
        body: importBody(source === 'file' && file ? { file } : { text }, {
          kind,
          mapping,
          planStart: start.date,
        }) as never,
      });
      setPreview(res);
      // Corrections, acknowledgements and lead choices belong to one reading of the plan.
      setFixes({});
      setAcked([]);
      setAnswers({});
      setColumns(res.mapping);
      setPlanStart(partsFromDate(res.planStart));
      if (!kind) setKind(res.plan.kind);
      window.scrollTo(0, 0);
    } catch (err) {
      fail([
        {
          text:
            err instanceof ApiError && err.status === 404
              ? 'Importing plans is not available on this copy of PeoplePlan yet.'
              : (err as Error).message,
        },
      ]);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!preview) return;
    const open = preview.acknowledgements.filter((a) => !acked.includes(a.key));
    if (open.length) {
      const text = `Tick each warning under “Check before importing” to say you have looked at it (${open.length} not ticked)`;
      const first = preview.acknowledgements.indexOf(open[0]!);
      fail([{ href: `#${ackFieldId(first)}`, text }], { acknowledge: text });
      return;
    }
    setBusy(true);
    fail([]);
    try {
      const deadlines = issues.flatMap((i) =>
        fixes[i.key]?.trim() ? [{ path: i.path, text: fixes[i.key]!.trim() }] : [],
      );
      const res = await api.post('/api/v1/councils/{c}/imports/{id}/commit', {
        params: { path: { c, id: preview.id } },
        body: {
          ...(acked.length ? { acknowledge: acked } : {}),
          ...(deadlines.length ? { deadlines } : {}),
          people: leadChoices(answers),
        },
      });
      setDone({ ...(res.planId ? { planId: res.planId } : {}), title: preview.plan.title });
    } catch (err) {
      fail(...commitProblems(err, issues, fixes));
    } finally {
      setBusy(false);
    }
  };

  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  if (!editor) {
    return (
      <Page title="Import a plan" crumbs={crumbs}>
        <p className="govuk-body">Only editors and administrators can import plans.</p>
      </Page>
    );
  }
  if (done) return <ImportDone c={c} crumbs={crumbs} done={done} />;
  const startNow = dateFromParts(planStart).date;
  return (
    <Page
      title={preview ? 'Check the import' : 'Import a plan'}
      caption={council?.name}
      crumbs={crumbs}
      wide={!!preview}
    >
      <ErrorSummary errors={errors} />
      {notice ? (
        <Banner type="success">
          <p className="govuk-notification-banner__heading">{notice}</p>
        </Banner>
      ) : null}
      {!preview ? (
        <ImportSourceForm
          source={source}
          setSource={setSource}
          setFile={setFile}
          text={text}
          setText={setText}
          kind={kind}
          setKind={setKind}
          saved={saved.data?.items ?? []}
          savedId={savedId}
          setSavedId={setSavedId}
          planStart={planStart}
          setPlanStart={setPlanStart}
          errors={errors}
          busy={busy}
          onSubmit={runPreview}
        />
      ) : (
        <ImportPreviewView
          c={c}
          preview={preview}
          issues={issues}
          directory={people.data?.items ?? []}
          edits={{
            columns,
            setColumns,
            columnsChanged:
              JSON.stringify(currentColumns(preview.plan, columns)) !==
              JSON.stringify(currentColumns(preview.plan, preview.mapping)),
            planStart,
            setPlanStart,
            planStartChanged: startNow !== preview.planStart,
            fixes,
            setFixes,
            acked,
            setAcked,
            answers,
            setAnswers,
          }}
          fieldErrors={fieldErrors}
          busy={busy}
          onCommit={() => void commit()}
          onPreviewAgain={() => void runPreview()}
          onMappingSaved={(name) => {
            setNotice(`Column choices saved as “${name}”. They will be offered on the next import.`);
            saved.reload();
            window.scrollTo(0, 0);
          }}
          onStartAgain={() => {
            setPreview(undefined);
            setColumns({});
            setSavedId('');
            setFixes({});
            setAcked([]);
            setAnswers({});
            setNotice(undefined);
            fail([]);
          }}
        />
      )}
    </Page>
  );
}

/** A refused commit as error-summary entries, linked to the field each one is about. */
function commitProblems(
  err: unknown,
  issues: ReturnType<typeof dateIssues>,
  fixes: Record<string, string>,
): [Problem[], Record<string, string>] {
  if (!(err instanceof ApiError)) return [[{ text: (err as Error).message }], {}];
  const fields: Record<string, string> = {};
  const problems: Problem[] = [];
  const fixed = issues.filter((i) => fixes[i.key]?.trim());
  for (const d of err.details ?? []) {
    const m = /^deadlines\.(\d+)\./.exec(d.path);
    const issue = m ? fixed[Number(m[1])] : undefined;
    if (issue) {
      const text = `Give a date PeoplePlan can read for ${issue.where}, like “March 2027”`;
      fields[issue.key] = text;
      problems.push({ href: `#${deadlineFieldId(issue.key)}`, text });
    }
  }
  return [problems.length ? problems : [{ text: err.message }], fields];
}

function ImportDone({
  c,
  crumbs,
  done,
}: {
  c: string;
  crumbs: Array<{ href: string; text: string }>;
  done: { planId?: string; title: string };
}) {
  return (
    <Page title="Plan imported" crumbs={crumbs}>
      <div className="govuk-panel govuk-panel--confirmation">
        <div className="govuk-panel__body">{done.title}</div>
      </div>
      <p className="govuk-body">
        {done.planId ? (
          <Link className="govuk-link" href={`/councils/${c}/plans/${done.planId}`}>
            Open the imported plan
          </Link>
        ) : (
          <Link className="govuk-link" href={`/councils/${c}`}>
            Go to the dashboard
          </Link>
        )}
      </p>
    </Page>
  );
}
