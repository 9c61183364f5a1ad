import type { Rag, RagRules, Status } from '@peopleplan/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldErrorsFrom,
  Select,
  summaryFrom,
  TextInput,
} from '../components/form.js';
import { Banner, LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import { ApiError, api } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { CouncilSettings } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

interface Form {
  name: string;
  byStatus: Record<Status, Rag>;
  overdue: Rag;
  notStartedDueSoon: Rag;
  dueSoonDays: string;
  rebaselined: Rag;
  alertsEnabled: boolean;
  alertDueSoonDays: string;
  escalateAfterDays: string;
}

const formOf = (c: CouncilSettings): Form => ({
  name: c.name,
  byStatus: { ...c.ragRules.byStatus },
  overdue: c.ragRules.overdue,
  notStartedDueSoon: c.ragRules.notStartedDueSoon,
  dueSoonDays: String(c.ragRules.dueSoonDays),
  rebaselined: c.ragRules.rebaselined,
  alertsEnabled: c.alertSettings.enabled,
  alertDueSoonDays: String(c.alertSettings.dueSoonDays),
  escalateAfterDays: String(c.alertSettings.escalateAfterDays),
});

const ragOptions = RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] }));

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

  if (!can('admin')) {
    return (
      <Page title="Council settings">
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
      if (err instanceof ApiError) setErrors(fieldErrorsFrom(err.details));
      setFormError((err as Error).message);
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
    <Page
      title={`Settings – ${council?.name ?? c}`}
      heading="Council settings"
      caption={council?.name}
      crumbs={[{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }]}
    >
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
          <TextInput
            id="name"
            label="Council name"
            error={errors.name}
            value={f.name}
            onChange={(e) => set('name', e.target.value)}
          />
          <h2 className="govuk-heading-m">RAG rules</h2>
          <p className="govuk-body">
            How PeoplePlan works out each action’s and milestone’s RAG rating. The worst rule that applies
            wins; an editor can still set a RAG by hand with a reason.
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
          <button type="submit" className="govuk-button">
            Save settings
          </button>
        </form>
      ) : null}
      <AuditLog c={c} />
    </Page>
  );
}

const FORM_LABELS: Record<keyof Form, string> = {
  name: 'Council name',
  byStatus: 'RAG for each status',
  overdue: 'Overdue items',
  notStartedDueSoon: 'Not started and due soon',
  dueSoonDays: '“Due soon” days',
  rebaselined: 'Re-baselined milestones',
  alertsEnabled: 'Email alerts',
  alertDueSoonDays: 'Alert days before due',
  escalateAfterDays: 'Escalate after days overdue',
};

function describe(k: keyof Form, f: Form): string {
  const v = f[k];
  if (k === 'byStatus') return STATUSES.map((s) => `${STATUS_LABELS[s]}: ${f.byStatus[s]}`).join(', ');
  if (typeof v === 'boolean') return v ? 'On' : 'Off';
  return String(v);
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

function AuditLog({ c }: { c: string }) {
  const audit = useApi('/api/v1/councils/{c}/audit', { path: { c }, query: { limit: 20 } });
  if (!audit.data?.items.length) return null;
  return (
    <section className="app-section-break" aria-labelledby="audit">
      <h2 className="govuk-heading-m" id="audit">
        Recent changes
      </h2>
      <ScrollTable label="Recent changes">
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Recent changes, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {audit.data.items.map((e) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">{formatDateTime(e.at)}</td>
                <td className="govuk-table__cell">{e.actorName ?? e.actorSub}</td>
                <td className="govuk-table__cell">
                  {e.operation} {e.entityType}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
