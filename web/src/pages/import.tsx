import { Link } from 'wouter';
import { ErrorSummary } from '../components/form.js';
import { currentColumns } from '../components/import-columns.js';
import { dateFromParts } from '../components/import-plan-start.js';
import { ImportPreviewView } from '../components/import-preview.js';
import { ImportSourceForm } from '../components/import-source-form.js';
import { Banner, Page } from '../components/page.js';
import { useCouncil } from '../lib/session.js';
import { type ImportDoneState, useImportWizard } from './import-wizard.js';

/**
 * Import wizard: upload or paste (with saved column choices and the plan's start date) → preview (the
 * plan as it will look, columns in plain words, deadlines to correct, who leads what, warnings to
 * acknowledge; changed and previewed again as often as needed) → commit. State and API calls:
 * import-wizard.ts.
 */
export default function ImportPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const editor = can('editor');
  const w = useImportWizard(c, editor);
  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  if (!editor) {
    return (
      <Page title="Import a plan" crumbs={crumbs}>
        <p className="govuk-body">Only editors and administrators can import plans.</p>
      </Page>
    );
  }
  if (w.done) return <ImportDone c={c} crumbs={crumbs} done={w.done} />;
  const { preview, edits } = w;
  return (
    <Page
      title={preview ? 'Check the import' : 'Import a plan'}
      caption={council?.name}
      crumbs={crumbs}
      wide={!!preview}
      // Each reading of the plan (and starting again) is a new step: focus goes to its heading, "Check
      // the import", where the page has scrolled to, not back to the top of the document.
      step={preview}
    >
      <ErrorSummary errors={w.errors} />
      {w.notice ? (
        <Banner type="success">
          <p className="govuk-notification-banner__heading">{w.notice}</p>
        </Banner>
      ) : null}
      {!preview ? (
        <ImportSourceForm
          {...w.form}
          saved={w.saved.data?.items ?? []}
          planStart={edits.planStart}
          setPlanStart={edits.setPlanStart}
          errors={w.errors}
          busy={w.busy}
          onSubmit={(e) => void w.runPreview(e)}
          onDeleteSaved={() => void w.deleteSaved()}
        />
      ) : (
        <ImportPreviewView
          c={c}
          preview={preview}
          issues={w.issues}
          rating={w.rating}
          directory={w.people.data?.items ?? []}
          edits={{
            ...edits,
            columnsChanged:
              JSON.stringify(currentColumns(preview.plan, edits.columns)) !==
              JSON.stringify(currentColumns(preview.plan, preview.mapping)),
            planStartChanged: dateFromParts(edits.planStart).date !== preview.planStart,
          }}
          fieldErrors={w.fieldErrors}
          busy={w.busy}
          onCommit={() => void w.commit()}
          onPreviewAgain={() => void w.runPreview()}
          onMappingSaved={(name) => {
            w.setNotice(`Column choices saved as “${name}”. They will be offered on the next import.`);
            w.saved.reload();
            window.scrollTo(0, 0);
          }}
          onStartAgain={w.startAgain}
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
  done: ImportDoneState;
}) {
  return (
    <Page title="Plan imported" crumbs={crumbs}>
      <div className="govuk-panel govuk-panel--confirmation">
        <div className="govuk-panel__body">{done.title}</div>
      </div>
      {done.made ? <p className="govuk-body">{done.made}</p> : null}
      {done.people ? (
        <p className="govuk-body">
          {done.people}{' '}
          <Link className="govuk-link" href={`/councils/${c}/people`}>
            Check the people directory
          </Link>
        </p>
      ) : null}
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
