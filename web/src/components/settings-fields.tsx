import type { Rag } from '@peopleplan/core';
import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { Form } from '../lib/settings-form.js';
import { Checkbox, type FieldErrors, Select, TextInput } from './form.js';

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
