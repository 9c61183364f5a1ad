import { themeWordsOf } from '@peopleplan/core';
import type { ImportPreview } from '../lib/api-narrowings.js';
import { formatDate } from '../lib/format.js';
import { countActions, type DateIssue, type LeadAnswer, type RatingContext } from '../lib/import-plan.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import type { PersonRow } from '../lib/responses.js';
import { TextInput } from './form.js';
import { ImportColumns } from './import-columns.js';
import { ImportDeadlines } from './import-deadlines.js';
import { ImportPeople } from './import-people.js';
import { type DateParts, PlanStartInput } from './import-plan-start.js';
import { ImportPlanView } from './import-plan-view.js';
import { ImportAcknowledgements, ImportNotes } from './import-warnings.js';
import { SummaryList } from './page.js';
import { PreviewAgainButton } from './preview-again.js';

type Edits = Record<string, string>;

/** Everything the preview step edits, held by the page (pages/import.tsx). */
export interface PreviewEdits {
  columns: Edits;
  setColumns: (m: Edits) => void;
  columnsChanged: boolean;
  planStart: DateParts;
  setPlanStart: (d: DateParts) => void;
  planStartChanged: boolean;
  title: string;
  setTitle: (t: string) => void;
  fixes: Edits;
  setFixes: (f: Edits) => void;
  acked: string[];
  setAcked: (a: string[]) => void;
  answers: Record<string, LeadAnswer>;
  setAnswers: (a: Record<string, LeadAnswer>) => void;
}

/**
 * The preview, before anything is saved: what needs acknowledging first, the plan as the plan page will
 * show it, the columns in plain words (changed and previewed again, or saved for next time), the plan's
 * start date, deadlines to correct, who leads the actions, and the importer's notes.
 */
export function ImportPreviewView({
  c,
  preview,
  issues,
  rating,
  directory,
  edits,
  fieldErrors,
  busy,
  onCommit,
  onPreviewAgain,
  onStartAgain,
  onMappingSaved,
}: {
  c: string;
  preview: ImportPreview;
  issues: DateIssue[];
  /** The council's rules and today, to rate actions as the plan page will (unknown while loading). */
  rating: RatingContext | undefined;
  directory: PersonRow[];
  edits: PreviewEdits;
  fieldErrors: Record<string, string>;
  busy: boolean;
  onCommit: () => void;
  onPreviewAgain: () => void;
  onStartAgain: () => void;
  onMappingSaved: (name: string) => void;
}) {
  const { plan } = preview;
  const newLeads = preview.people.leads.filter((l) => !l.person).length;
  const words = themeWordsOf(plan);
  return (
    <>
      <ImportAcknowledgements
        items={preview.acknowledgements}
        acked={edits.acked}
        setAcked={edits.setAcked}
        error={fieldErrors.acknowledge}
      />
      <TextInput
        id="plan-title"
        label="Plan title"
        labelClass="govuk-label--m"
        hint="As read from the document. Change it if it is not the plan’s name: it is what every page and report calls the plan."
        value={edits.title}
        onChange={(e) => edits.setTitle(e.target.value)}
        error={fieldErrors.title}
        maxLength={300}
        spellCheck
      />
      <SummaryList
        rows={[
          { key: 'Kind of plan', value: PLAN_KIND_LABELS[plan.kind] },
          preview.planStart && { key: 'Plan starts on', value: formatDate(preview.planStart) },
          // The word read from the headings ("Theme 1", "Objective one"), which the plan will keep.
          plan.themeNoun?.trim() && { key: 'Its groups are called', value: words.noun },
          { key: words.nouns, value: String(plan.themes.length) },
          { key: 'Actions', value: String(countActions(plan)) },
          { key: 'Deadlines to check', value: String(issues.length) },
          { key: 'Leads not in the directory', value: String(newLeads) },
          plan.unplaced.length > 0 && {
            key: 'Text not placed',
            value: `${plan.unplaced.length}: kept on the plan`,
          },
        ]}
      />
      <ImportPlanView plan={plan} rating={rating} />
      <ImportColumns
        c={c}
        plan={plan}
        choices={edits.columns}
        setChoices={edits.setColumns}
        changed={edits.columnsChanged}
        busy={busy}
        onPreviewAgain={onPreviewAgain}
        onSaved={onMappingSaved}
      />
      <section aria-labelledby="start" className="app-section-break">
        <h2 className="govuk-heading-m" id="start">
          When the plan starts
        </h2>
        <PlanStartInput value={edits.planStart} onChange={edits.setPlanStart} error={fieldErrors.planStart} />
        <PreviewAgainButton
          label="Preview again from this date"
          changed={edits.planStartChanged}
          busy={busy}
          unchanged="The date has not been changed yet: enter the day the plan starts above, then preview again."
          onPreviewAgain={onPreviewAgain}
        />
      </section>
      <ImportDeadlines
        issues={issues}
        fixes={edits.fixes}
        setFixes={edits.setFixes}
        context={{ anchor: preview.planStart ?? plan.period?.start, period: plan.period }}
        errors={fieldErrors}
      />
      <ImportPeople
        people={preview.people}
        directory={directory}
        answers={edits.answers}
        setAnswers={edits.setAnswers}
      />
      <ImportNotes plan={plan} />
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          onClick={onCommit}
          disabled={busy}
          aria-disabled={busy}
        >
          Import this plan
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onStartAgain}>
          Start again
        </button>
      </div>
    </>
  );
}
