import type { RagRules } from '@peopleplan/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type FieldErrors, refusal, summaryFrom } from '../components/form.js';
import { Banner, LoadError, Loading, Page } from '../components/page.js';
import { AlertFields, RagRuleFields } from '../components/settings-fields.js';
import { ApiError, api } from '../lib/api.js';
import type { CouncilSettings } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { describe, FORM_LABELS, type Form, formOf } from '../lib/settings-form.js';
import { useApi } from '../lib/use-api.js';

function wholeNumber(v: string, min: number, max: number, what: string): string | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max
    ? undefined
    : `${what} must be a whole number from ${min} to ${max}`;
}

export default function SettingsPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const settings = useApi('/api/v1/councils/{c}/settings', can('admin') ? { path: { c } } : null);
  const [f, setF] = useState<Form | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [theirs, setTheirs] = useState<CouncilSettings | undefined>();
  useEffect(() => {
    if (settings.data && !f) setF(formOf(settings.data));
  }, [settings.data, f]);

  // One title and heading whoever opens it (WCAG 2.4.2): the menu's "Settings" is this page.
  const page = {
    title: 'Council settings',
    caption: council?.name,
    crumbs: [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }],
  };
  if (!can('admin')) {
    return (
      <Page {...page}>
        <p className="govuk-body">Only the council’s PeoplePlan administrators can change its settings.</p>
      </Page>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!f || !settings.data) return;
    const v: FieldErrors = {
      name: f.name.trim() ? undefined : 'Enter the council’s name',
      dueSoonDays: wholeNumber(f.dueSoonDays, 0, 180, '“Due soon” days'),
      alertDueSoonDays: wholeNumber(f.alertDueSoonDays, 1, 90, 'Days before due'),
      escalateAfterDays: wholeNumber(f.escalateAfterDays, 1, 365, 'Days overdue before escalating'),
    };
    setErrors(v);
    setFormError(undefined);
    setSaved(false);
    if (Object.values(v).some(Boolean)) return;
    const rules: RagRules = {
      byStatus: f.byStatus,
      overdue: f.overdue,
      notStartedDueSoon: f.notStartedDueSoon,
      dueSoonDays: Number(f.dueSoonDays),
      rebaselined: f.rebaselined,
      rollUp: { milestones: f.rollUpMilestones, subActions: f.rollUpSubActions },
    };
    try {
      const updated = await api.patch('/api/v1/councils/{c}/settings', {
        params: { path: { c } },
        body: {
          version: (theirs ?? settings.data).version,
          name: f.name.trim(),
          ragRules: rules,
          alertSettings: {
            enabled: f.alertsEnabled,
            dueSoonDays: Number(f.alertDueSoonDays),
            escalateAfterDays: Number(f.escalateAfterDays),
          },
        },
      });
      settings.setData(updated);
      setTheirs(undefined);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const latest = await api.get('/api/v1/councils/{c}/settings', { params: { path: { c } } });
        setTheirs(latest);
        setFormError(
          'Someone else saved the settings while you were editing. Your values are still in the form; their saved values are listed above it. Save again to keep yours.',
        );
        return;
      }
      const r = refusal(err, {
        name: 'name',
        'alertSettings.dueSoonDays': 'alertDueSoonDays',
        'alertSettings.escalateAfterDays': 'escalateAfterDays',
        'ragRules.dueSoonDays': 'dueSoonDays',
      });
      setErrors(r.errors);
      setFormError(r.message);
    }
  };

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((x) => (x ? { ...x, [k]: v } : x));
  const theirForm = theirs ? formOf(theirs) : undefined;
  const diffs =
    f && theirForm
      ? (Object.keys(f) as Array<keyof Form>).filter(
          (k) => JSON.stringify(f[k]) !== JSON.stringify(theirForm[k]),
        )
      : [];
  return (
    <Page {...page}>
      {saved ? (
        <Banner type="success">
          <p className="govuk-notification-banner__heading">Settings saved</p>
        </Banner>
      ) : null}
      {settings.error ? <LoadError error={settings.error} retry={settings.reload} /> : null}
      {settings.loading ? <Loading /> : null}
      {f ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
          {theirForm && diffs.length ? (
            <SummaryOfTheirs
              keys={diffs}
              theirs={theirForm}
              onUse={() => {
                setF(theirForm);
                setFormError(undefined);
              }}
            />
          ) : null}
          <RagRuleFields f={f} set={set} errors={errors} />
          <AlertFields f={f} set={set} errors={errors} />
          <button type="submit" className="govuk-button">
            Save settings
          </button>
        </form>
      ) : null}
      <section className="app-section-break" aria-labelledby="audit">
        <h2 className="govuk-heading-m" id="audit">
          Changes
        </h2>
        <p className="govuk-body">
          <Link className="govuk-link" href={`/councils/${c}/audit`}>
            See every change in the audit trail
          </Link>
          , filtered by who made it, the plan and the dates.
        </p>
      </section>
    </Page>
  );
}

function SummaryOfTheirs({
  keys,
  theirs,
  onUse,
}: {
  keys: Array<keyof Form>;
  theirs: Form;
  onUse: () => void;
}) {
  return (
    <div className="app-highlight govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s">Saved by someone else</h2>
      <dl className="govuk-summary-list">
        {keys.map((k) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{FORM_LABELS[k]}</dt>
            <dd className="govuk-summary-list__value">{describe(k, theirs)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onUse}>
        Use their saved settings instead of mine
      </button>
    </div>
  );
}
