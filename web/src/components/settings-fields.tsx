import type { Rag, RollUpMode } from '@peopleplan/core';
import {
  RAG_LABELS,
  RAGS,
  ROLL_UP_EXPLAINED,
  ROLL_UP_LABELS,
  STATUS_LABELS,
  STATUSES,
} from '../lib/labels.js';
import type { Form } from '../lib/settings-form.js';
import { Checkbox, type FieldErrors, Radios, Select, TextInput } from './form.js';

const ragOptions = RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] }));
type SetField = <K extends keyof Form>(k: K, v: Form[K]) => void;

/** The council's name and RAG rules. */
export function RagRuleFields({ f, set, errors }: { f: Form; set: SetField; errors: FieldErrors }) {
  return (
    <>
      <TextInput
        id="name"
        label="Council name"
        error={errors.name}
        value={f.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <h2 className="govuk-heading-m">RAG rules</h2>
      <p className="govuk-body">
        How PeoplePlan works out each action’s and milestone’s RAG rating. The worst rule that applies wins;
        an editor can still set a RAG by hand with a reason.
      </p>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">RAG for each status</legend>
        <div className="app-filters">
          {STATUSES.map((s) => (
            <Select
              key={s}
              id={`rag-${s}`}
              label={STATUS_LABELS[s]}
              value={f.byStatus[s]}
              onChange={(e) => set('byStatus', { ...f.byStatus, [s]: e.target.value as Rag })}
              options={ragOptions}
            />
          ))}
        </div>
      </fieldset>
      <Select
        id="overdue"
        label="An open item past its due date is at least"
        value={f.overdue}
        onChange={(e) => set('overdue', e.target.value as Rag)}
        options={ragOptions}
      />
      <Select
        id="rebaselined"
        label="A milestone moved later than first agreed is at least"
        value={f.rebaselined}
        onChange={(e) => set('rebaselined', e.target.value as Rag)}
        options={ragOptions}
      />
      <Select
        id="notStartedDueSoon"
        label="An item not started and due soon is at least"
        value={f.notStartedDueSoon}
        onChange={(e) => set('notStartedDueSoon', e.target.value as Rag)}
        options={ragOptions}
      />
      <TextInput
        id="dueSoonDays"
        label="“Due soon” means due within this many days"
        inputMode="numeric"
        width="3"
        error={errors.dueSoonDays}
        value={f.dueSoonDays}
        onChange={(e) => set('dueSoonDays', e.target.value)}
      />
      <RollUpFields f={f} set={set} />
    </>
  );
}

const rollUpOptions = (Object.keys(ROLL_UP_LABELS) as RollUpMode[]).map((m) => ({
  value: m,
  text: ROLL_UP_LABELS[m],
  hint: m === 'worst' ? 'The default' : undefined,
}));

/** How an action's rating takes in its milestones and sub-actions (core rag.ts), with the default explained. */
function RollUpFields({ f, set }: { f: Form; set: SetField }) {
  return (
    <>
      <h3 className="govuk-heading-s">An action’s rating, from its milestones and sub-actions</h3>
      <p className="govuk-body">{ROLL_UP_EXPLAINED}</p>
      <Radios
        id="rollUpMilestones"
        legend="When one of an action’s open milestones is amber or red"
        small
        value={f.rollUpMilestones}
        onChange={(v) => set('rollUpMilestones', v as RollUpMode)}
        options={rollUpOptions}
      />
      <Radios
        id="rollUpSubActions"
        legend="When one of an action’s open sub-actions is amber or red"
        small
        value={f.rollUpSubActions}
        onChange={(v) => set('rollUpSubActions', v as RollUpMode)}
        options={rollUpOptions}
      />
    </>
  );
}

/** When leads and plan owners are emailed. */
export function AlertFields({ f, set, errors }: { f: Form; set: SetField; errors: FieldErrors }) {
  return (
    <>
      <h2 className="govuk-heading-m">Email alerts</h2>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes">
          <Checkbox
            id="alertsEnabled"
            label="Send email alerts about milestones and actions"
            checked={f.alertsEnabled}
            onChange={(v) => set('alertsEnabled', v)}
          />
        </div>
      </div>
      <TextInput
        id="alertDueSoonDays"
        label="Tell leads this many days before something is due"
        inputMode="numeric"
        width="3"
        error={errors.alertDueSoonDays}
        value={f.alertDueSoonDays}
        onChange={(e) => set('alertDueSoonDays', e.target.value)}
      />
      <TextInput
        id="escalateAfterDays"
        label="Tell the plan owner when something is this many days overdue"
        inputMode="numeric"
        width="3"
        error={errors.escalateAfterDays}
        value={f.escalateAfterDays}
        onChange={(e) => set('escalateAfterDays', e.target.value)}
      />
    </>
  );
}
