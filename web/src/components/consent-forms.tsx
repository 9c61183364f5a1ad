import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiInit } from '../lib/api.js';
import { plural } from '../lib/format.js';
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '../lib/labels.js';
import type { Consent, PlanRow } from '../lib/responses.js';
import { ErrorSummary, Radios } from './form.js';
import { Loading } from './page.js';

/** What a consent form asks for: the API's consent body, less the version the page adds. */
export type ConsentChange = Omit<
  NonNullable<ApiInit<'put', '/api/v1/councils/{c}/partnerships/{p}/consent'>['body']>,
  'version'
>;
type OnChange = (consent: Consent, body: ConsentChange, success: string) => Promise<Error | undefined>;

/** Moves focus to the step's heading when it opens, so keyboard and screen reader users land on it. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export function ShareForm({
  council,
  consent,
  plans,
  onCancel,
  onChange,
}: {
  council: string;
  consent: Consent;
  plans: PlanRow[] | undefined;
  onCancel: () => void;
  onChange: OnChange;
}) {
  const pid = consent.partnershipId;
  const current = plans?.filter((x) => x.status !== 'archived') ?? [];
  // A first grant starts with no choice made; a change or a re-grant starts from what was shared last.
  const [scope, setScope] = useState<string>(
    consent.status === 'invited' ? '' : consent.scope === 'all' ? 'all' : 'chosen',
  );
  // Plans no longer current (archived since) drop out when the form is sent.
  const [chosen, setChosen] = useState<string[]>(consent.scope === 'all' ? [] : consent.scope.planIds);
  const [errors, setErrors] = useState<{ scope?: string; plans?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const scopeId = `scope-${pid}`;
  const plansId = `plans-${pid}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      scope: scope ? undefined : 'Choose what to share',
      plans:
        scope === 'chosen' && !current.some((x) => chosen.includes(x.id))
          ? 'Choose at least one plan to share'
          : undefined,
    };
    setErrors(next);
    if (next.scope || next.plans) return;
    setBusy(true);
    const keep = current.filter((x) => chosen.includes(x.id));
    const success =
      scope === 'all'
        ? `${council} now shares all its plans with ${consent.partnershipName}`
        : `${council} now shares ${plural(keep.length, 'chosen plan')} with ${consent.partnershipName}`;
    const err = await onChange(
      consent,
      { status: 'granted', scope: scope === 'all' ? 'all' : { planIds: keep.map((x) => x.id) } },
      success,
    );
    setBusy(false);
    if (err) {
      const detail = err instanceof ApiError ? err.details?.map((d) => d.message).join('; ') : undefined;
      setErrors({ form: detail ? `${err.message}: ${detail}` : err.message });
    }
  };

  const summary = [
    errors.scope && { href: `#${scopeId}`, text: errors.scope },
    errors.plans && { href: `#${plansId}-${current[0]?.id ?? 'none'}`, text: errors.plans },
    errors.form && { text: errors.form },
  ].filter((x): x is { href?: string; text: string } => Boolean(x));

  return (
    <form onSubmit={submit} noValidate className="app-consent-form">
      <h3 className="govuk-heading-s" tabIndex={-1} ref={heading}>
        What {council} shares with {consent.partnershipName}
      </h3>
      <ErrorSummary errors={summary} />
      <Radios
        id={scopeId}
        legend={`What do you want to share with ${consent.partnershipName}?`}
        error={errors.scope}
        value={scope}
        onChange={setScope}
        options={[
          {
            value: 'all',
            text: 'All plans',
            hint: 'Every current plan, and any plan added later. Archived plans are never shared.',
          },
          { value: 'chosen', text: 'Only the plans I choose' },
        ]}
      />
      {scope === 'chosen' ? (
        <PlanChoices
          id={plansId}
          council={council}
          plans={plans}
          current={current}
          chosen={chosen}
          setChosen={setChosen}
          error={errors.plans}
        />
      ) : null}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Share with {consent.partnershipName}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RevokeConfirm({
  council,
  consent,
  onCancel,
  onChange,
}: {
  council: string;
  consent: Consent;
  onCancel: () => void;
  onChange: OnChange;
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    const err = await onChange(
      consent,
      { status: 'revoked' },
      `${consent.partnershipName} can no longer see ${council}’s plans`,
    );
    setBusy(false);
    if (err) setError(err.message);
  };
  return (
    <div className="app-consent-form">
      <h3 className="govuk-heading-s" tabIndex={-1} ref={heading}>
        Are you sure you want to stop sharing with {consent.partnershipName}?
      </h3>
      <ErrorSummary errors={error ? [{ text: error }] : []} />
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          From their next page, the partnership’s readers will no longer see any of {council}’s plans, and{' '}
          {council} will disappear from their views. You can share again later.
        </strong>
      </div>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          onClick={revoke}
          disabled={busy}
          aria-disabled={busy}
        >
          Yes, stop sharing
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The council's current plans as checkboxes, each with its kind and status. */
function PlanChoices({
  id: plansId,
  council,
  plans,
  current,
  chosen,
  setChosen,
  error,
}: {
  id: string;
  council: string;
  plans: PlanRow[] | undefined;
  current: PlanRow[];
  chosen: string[];
  setChosen: (update: (ids: string[]) => string[]) => void;
  error: string | undefined;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${plansId}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Plans to share</legend>
        {error ? (
          <p className="govuk-error-message" id={`${plansId}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {plans === undefined ? (
          <Loading what="Loading your plans" />
        ) : current.length ? (
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {current.map((x) => {
              const inputId = `${plansId}-${x.id}`;
              return (
                <div className="govuk-checkboxes__item" key={x.id}>
                  <input
                    className="govuk-checkboxes__input"
                    id={inputId}
                    name={plansId}
                    type="checkbox"
                    value={x.id}
                    checked={chosen.includes(x.id)}
                    aria-describedby={`${inputId}-hint`}
                    onChange={(e) =>
                      setChosen((ids) => (e.target.checked ? [...ids, x.id] : ids.filter((i) => i !== x.id)))
                    }
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                    {x.title}
                  </label>
                  <div className="govuk-hint govuk-checkboxes__hint" id={`${inputId}-hint`}>
                    {PLAN_KIND_LABELS[x.kind]} · {PLAN_STATUS_LABELS[x.status] ?? x.status}
                  </div>
                </div>
              );
            })}
          </div>
        ) : (
          <p className="govuk-body">{council} has no current plans to share yet.</p>
        )}
      </fieldset>
    </div>
  );
}
