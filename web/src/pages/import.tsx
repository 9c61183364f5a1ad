import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary } from '../components/form.js';
import { ImportPreviewView } from '../components/import-preview.js';
import { type ImportSource, ImportSourceForm } from '../components/import-source-form.js';
import { Page } from '../components/page.js';
import { readTimescale } from '../components/timescale-input.js';
import { ApiError, api } from '../lib/api.js';
import type { ImportPreview } from '../lib/api-narrowings.js';
import { dateIssues, importBody, withFixes } from '../lib/import-plan.js';
import { useCouncil } from '../lib/session.js';

/**
 * Import wizard: upload or paste → preview (the column mapping, deadlines that were not understood,
 * leads not in the directory; mapping and kind can be corrected and previewed again) → commit.
 * API: functions/api/src/routes/imports.ts.
 */
export default function ImportPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const [source, setSource] = useState<ImportSource>('file');
  const [file, setFile] = useState<File | undefined>();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [fixes, setFixes] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [errors, setErrors] = useState<Array<{ href?: string; text: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ planId?: string; title: string } | undefined>();

  const runPreview = async (e?: FormEvent) => {
    e?.preventDefault();
    const errs = [];
    if (source === 'file' && !file) errs.push({ href: '#import-file', text: 'Choose a file to import' });
    if (source === 'text' && !text.trim())
      errs.push({ href: '#import-text', text: 'Paste the plan’s table' });
    setErrors(errs);
    if (errs.length) return;
    setBusy(true);
    try {
      const res = await api.post('/api/v1/councils/{c}/imports', {
        params: { path: { c } },
        // The route documents no request body (it reads multipart or JSON itself): see api-narrowings.ts.
        body: importBody(source === 'file' && file ? { file } : { text }, kind, mapping) as never,
      });
      setPreview(res);
      if (!kind) setKind(res.plan.kind);
    } catch (err) {
      setErrors([
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
    setBusy(true);
    setErrors([]);
    try {
      // Corrected deadlines are read like any other, then sent as the corrected plan.
      const corrections = [];
      for (const issue of dateIssues(preview.plan)) {
        const text = fixes[issue.where]?.trim();
        if (!text) continue;
        const value = await readTimescale(text, undefined, { period: preview.plan.period });
        if (value) corrections.push({ path: issue.path, value });
      }
      const res = await api.post('/api/v1/councils/{c}/imports/{id}/commit', {
        params: { path: { c, id: preview.id } },
        body: corrections.length ? { plan: withFixes(preview.plan, corrections) } : {},
      });
      setDone({ ...(res.planId ? { planId: res.planId } : {}), title: preview.plan.title });
    } catch (err) {
      setErrors([{ text: (err as Error).message }]);
    } finally {
      setBusy(false);
    }
  };

  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  if (!can('editor')) {
    return (
      <Page title="Import a plan" crumbs={crumbs}>
        <p className="govuk-body">Only editors and administrators can import plans.</p>
      </Page>
    );
  }
  if (done) return <ImportDone c={c} crumbs={crumbs} done={done} />;
  return (
    <Page title={preview ? 'Check the import' : 'Import a plan'} caption={council?.name} crumbs={crumbs}>
      <ErrorSummary errors={errors} />
      {!preview ? (
        <ImportSourceForm
          source={source}
          setSource={setSource}
          setFile={setFile}
          text={text}
          setText={setText}
          kind={kind}
          setKind={setKind}
          errors={errors}
          busy={busy}
          onSubmit={runPreview}
        />
      ) : (
        <ImportPreviewView
          preview={preview}
          issues={dateIssues(preview.plan)}
          mapping={mapping}
          setMapping={setMapping}
          fixes={fixes}
          setFixes={setFixes}
          busy={busy}
          onCommit={() => void commit()}
          onPreviewAgain={() => void runPreview()}
          onStartAgain={() => {
            setPreview(undefined);
            setMapping({});
            setFixes({});
          }}
        />
      )}
    </Page>
  );
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
