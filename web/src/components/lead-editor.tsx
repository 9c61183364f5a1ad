import type { Lead, LeadRole } from '@peopleplan/core';
import { useFocusNext } from '../lib/focus.js';
import { LEAD_ROLE_LABELS, LEAD_ROLES } from '../lib/labels.js';
import { leftNote, personChoices } from '../lib/person-choices.js';
import type { PersonRow } from '../lib/responses.js';

/**
 * Leads on an action: each has a role and points at a person in the directory when known; the label
 * as the plan wrote it ("GM (HR)") is always kept.
 */
export function LeadEditor({
  leads,
  people,
  onChange,
  error,
}: {
  leads: Lead[];
  people: PersonRow[];
  onChange: (leads: Lead[]) => void;
  error?: string | undefined;
}) {
  // A lead added takes focus at its first field (it appears above the button); a lead removed leaves
  // focus on the lead that took its place, else on "Add a lead".
  const focusNext = useFocusNext();
  const set = (i: number, patch: Partial<Lead>) =>
    onChange(leads.map((l, j) => (j === i ? ({ ...l, ...patch } as Lead) : l)));
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? 'leads-error' : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Leads</legend>
        <div className="govuk-hint">
          Pick people from the council’s directory, or write the lead as the plan does.
        </div>
        {error ? (
          <p className="govuk-error-message" id="leads-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {leads.length === 0 ? <p className="govuk-body">No leads.</p> : null}
        {leads.map((l, i) => {
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
            <div className="app-lead-row" key={i} id={i === 0 ? 'leads' : undefined}>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor={`lead-${n}-role`}>
                  Lead {n}: role
                </label>
                <select
                  className="govuk-select"
                  id={`lead-${n}-role`}
                  value={l.role}
                  onChange={(e) => set(i, { role: e.target.value as LeadRole })}
                >
                  {LEAD_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {LEAD_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor={`lead-${n}-person`}>
                  Lead {n}: person
                </label>
                <select
                  className="govuk-select"
                  id={`lead-${n}-person`}
                  value={l.personId ?? ''}
                  onChange={(e) => {
                    const p = people.find((x) => x.id === e.target.value);
                    if (!p) {
                      const { personId: _drop, ...rest } = l;
                      onChange(leads.map((x, j) => (j === i ? rest : x)));
                    } else set(i, { personId: p.id, label: p.roleLabel || p.name });
                  }}
                >
                  <option value="">Not in the directory</option>
                  {personChoices(people, l.personId).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                      {p.roleLabel && p.roleLabel !== p.name ? ` (${p.roleLabel})` : ''}
                      {leftNote(p)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor={`lead-${n}-label`}>
                  Lead {n}: as written in the plan
                </label>
                <input
                  className="govuk-input"
                  id={`lead-${n}-label`}
                  value={l.label}
                  onChange={(e) => set(i, { label: e.target.value })}
                />
              </div>
              <div className="govuk-form-group">
                <button
                  type="button"
                  className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                  onClick={() => {
                    onChange(leads.filter((_, j) => j !== i));
                    focusNext(i < leads.length - 1 ? `lead-${n}-role` : 'lead-add');
                  }}
                >
                  Remove<span className="govuk-visually-hidden"> lead {n}</span>
                </button>
              </div>
            </div>
          );
        })}
        <button
          type="button"
          id="lead-add"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            onChange([...leads, { role: 'responsible', label: '' }]);
            focusNext(`lead-${leads.length + 1}-role`);
          }}
        >
          Add a lead
        </button>
      </fieldset>
    </div>
  );
}
