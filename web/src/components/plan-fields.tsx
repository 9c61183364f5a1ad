import { type PlanKind, type ReviewCadence, THEME_NOUN } from '@peopleplan/core';
import { useFocusNext } from '../lib/focus.js';
import { PLAN_KIND_LABELS, REVIEW_CADENCE_LABELS } from '../lib/labels.js';
import { leftNote, personChoices } from '../lib/person-choices.js';
import type { PlanDraft, PlanErrors } from '../lib/plan-draft.js';
import type { PersonRow } from '../lib/responses.js';
import { DateField } from './date-field.js';
import { Radios, Select, TextInput } from './form.js';

type SetPlan = <K extends keyof PlanDraft>(k: K, v: PlanDraft[K]) => void;

/** Where `PlanFields` shows the API's error of a plan field (`refusal`): its path to the field's id. */
export function planFieldId(path: string): string | undefined {
  const point = /^reportingPoints\.(\d+)\.(label|date)/.exec(path);
  if (point) return `point-${Number(point[1]) + 1}-${point[2] === 'date' ? 'date-day' : 'label'}`;
  const ids: Record<string, string> = {
    title: 'title',
    kind: 'kind',
    themeNoun: 'themeNoun',
    'period.start': 'periodStart-day',
    'period.end': 'periodEnd-day',
    'approval.date': 'approvalDate-day',
  };
  return ids[path] ?? ids[path.split('.')[0] ?? ''];
}

/** A plan's details as form fields: the same when creating a plan and when changing one. */
export function PlanFields({
  draft,
  set,
  errors,
  people,
}: {
  draft: PlanDraft;
  set: SetPlan;
  errors: PlanErrors;
  people: PersonRow[];
}) {
  return (
    <>
      <TextInput
        id="title"
        label="Title"
        error={errors.title}
        value={draft.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <Radios
        id="kind"
        legend="Kind of plan"
        hint="It decides what the plan’s groups and columns are called."
        error={errors.kind}
        value={draft.kind}
        onChange={(v) => set('kind', v as PlanKind)}
        options={(Object.keys(PLAN_KIND_LABELS) as PlanKind[]).map((k) => ({
          value: k,
          text: PLAN_KIND_LABELS[k],
        }))}
      />
      <TextInput
        id="themeNoun"
        label="What the plan calls its groups (optional)"
        hint={`The word before each group’s number, as the council writes it: for example Theme, Objective or Outcome. Left empty, ${
          draft.kind ? `“${THEME_NOUN[draft.kind]}”` : 'the word of the plan’s kind'
        }.`}
        width="20"
        error={errors.themeNoun}
        value={draft.themeNoun}
        onChange={(e) => set('themeNoun', e.target.value)}
      />
      <h2 className="govuk-heading-m">Period</h2>
      <TextInput
        id="periodLabel"
        label="Period as the plan names it (optional)"
        hint="For example 2026-27, or 2004-2008"
        width="10"
        value={draft.periodLabel}
        onChange={(e) => set('periodLabel', e.target.value)}
      />
      <DateField
        id="periodStart"
        legend="Starts (optional)"
        hint="For example 1 4 2026"
        error={errors['periodStart-day']}
        value={draft.periodStart}
        onChange={(v) => set('periodStart', v)}
      />
      <DateField
        id="periodEnd"
        legend="Ends (optional)"
        hint="For example 31 3 2027"
        error={errors['periodEnd-day']}
        value={draft.periodEnd}
        onChange={(v) => set('periodEnd', v)}
      />
      <h2 className="govuk-heading-m">Who owns it</h2>
      <Select
        id="ownerPersonId"
        label="Owner in the council’s directory (optional)"
        hint="Gets an email when something in the plan slips"
        value={draft.ownerPersonId}
        onChange={(e) => set('ownerPersonId', e.target.value)}
        options={[
          { value: '', text: 'Nobody chosen' },
          ...personChoices(people, draft.ownerPersonId).map((p) => ({
            value: p.id,
            text: p.name + leftNote(p),
          })),
        ]}
      />
      <TextInput
        id="ownerLabel"
        label="Owner as the plan names them (optional)"
        value={draft.ownerLabel}
        onChange={(e) => set('ownerLabel', e.target.value)}
      />
      <TextInput
        id="directorate"
        label="Directorate (optional)"
        value={draft.directorate}
        onChange={(e) => set('directorate', e.target.value)}
      />
      <TextInput
        id="division"
        label="Division (optional)"
        value={draft.division}
        onChange={(e) => set('division', e.target.value)}
      />
      <h2 className="govuk-heading-m">Approval and review</h2>
      <TextInput
        id="approvalBody"
        label="Approved by (optional)"
        hint="For example Cabinet, or the Personnel Committee"
        value={draft.approvalBody}
        onChange={(e) => set('approvalBody', e.target.value)}
      />
      <DateField
        id="approvalDate"
        legend="Approved on (optional)"
        error={errors['approvalDate-day']}
        value={draft.approvalDate}
        onChange={(v) => set('approvalDate', v)}
      />
      <Radios
        id="reviewCadence"
        legend="How often progress is reviewed"
        hint="An open action with no update for longer than this counts as stale."
        small
        value={draft.reviewCadence}
        onChange={(v) => set('reviewCadence', v as ReviewCadence)}
        options={(Object.keys(REVIEW_CADENCE_LABELS) as ReviewCadence[]).map((k) => ({
          value: k,
          text: REVIEW_CADENCE_LABELS[k],
        }))}
      />
      <ReportingPointFields draft={draft} set={set} errors={errors} />
    </>
  );
}

/** The plan's reporting points: the periods progress updates are filed under. */
function ReportingPointFields({
  draft,
  set,
  errors,
}: {
  draft: PlanDraft;
  set: SetPlan;
  errors: PlanErrors;
}) {
  const points = draft.reportingPoints;
  // As with leads: a point added takes focus at its name (it appears above the button); a point removed
  // leaves focus on the point that took its place, else on "Add a reporting point".
  const focusNext = useFocusNext();
  const change = (i: number, p: Partial<PlanDraft['reportingPoints'][number]>) =>
    set(
      'reportingPoints',
      points.map((x, j) => (j === i ? { ...x, ...p } : x)),
    );
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        <h2 className="govuk-fieldset__heading">Reporting points</h2>
      </legend>
      <div className="govuk-hint">
        When progress is reported, for example “Mid-year 2026-27” on 30 9 2026. Every progress update is filed
        under one of these. With none, the usual mid-year and year-end of each year of the plan are offered.
      </div>
      {points.map((p, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <div className="app-point-row" key={i}>
            <TextInput
              id={`point-${n}-label`}
              label={`Reporting point ${n}: name`}
              width="20"
              error={errors[`point-${n}-label`]}
              value={p.label}
              onChange={(e) => change(i, { label: e.target.value })}
            />
            <DateField
              id={`point-${n}-date`}
              legend={`Reporting point ${n}: date`}
              error={errors[`point-${n}-date-day`]}
              value={p.date}
              onChange={(v) => change(i, { date: v })}
            />
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              onClick={() => {
                set(
                  'reportingPoints',
                  points.filter((_, j) => j !== i),
                );
                focusNext(i < points.length - 1 ? `point-${n}-label` : 'point-add');
              }}
            >
              Remove<span className="govuk-visually-hidden"> reporting point {n}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id="point-add"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          set('reportingPoints', [...points, { label: '', date: { day: '', month: '', year: '' } }]);
          focusNext(`point-${points.length + 1}-label`);
        }}
      >
        Add a reporting point
      </button>
    </fieldset>
  );
}
