import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Checkbox, ErrorSummary, Radios } from '../components/form.js';
import { Banner, Loading, Page } from '../components/page.js';
import { ApiError, api } from '../lib/api.js';
import type { AlertPreferences } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

type Prefs = AlertPreferences['alertPreferences'];

/** The signed-in person's own alert choices. Overdue alerts cannot be switched off. */
export default function AlertPreferencesPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const path = { c };
  const prefs = useApi('/api/v1/councils/{c}/me/alert-preferences', { path });
  const [f, setF] = useState<Prefs | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (prefs.data) setF(prefs.data.alertPreferences);
  }, [prefs.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!f) return;
    setError(undefined);
    setSaved(false);
    try {
      const updated = await api.put('/api/v1/councils/{c}/me/alert-preferences', {
        params: { path },
        body: { frequency: f.frequency, dueSoon: f.dueSoon },
      });
      prefs.setData(updated);
      setSaved(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const unavailable = prefs.error instanceof ApiError && prefs.error.status === 404;
  return (
    <Page
      title="Your email alerts"
      caption={council?.name}
      crumbs={[{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }]}
    >
      {saved ? (
        <Banner type="success">
          <p className="govuk-notification-banner__heading">Your alert preferences have been saved</p>
        </Banner>
      ) : null}
      <p className="govuk-body">
        PeoplePlan emails you about milestones and actions you lead: when they are due soon and when they are
        overdue. You will always be told about overdue items.
      </p>
      {prefs.loading ? <Loading /> : null}
      {unavailable ? (
        <NotLinked c={c} admin={can('admin')} />
      ) : prefs.error ? (
        <ErrorSummary errors={[{ text: prefs.error.message }]} />
      ) : null}
      {prefs.data ? (
        <p className="govuk-body">
          Emails go to{' '}
          {prefs.data.email ?? <strong>no address yet: ask your administrator to add your email</strong>}.
        </p>
      ) : null}
      {f ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={error ? [{ text: error }] : []} />
          <Radios
            id="frequency"
            legend="How often do you want alert emails?"
            legendClass="govuk-fieldset__legend--m"
            value={f.frequency}
            onChange={(v) => setF({ ...f, frequency: v as Prefs['frequency'] })}
            options={[
              { value: 'immediate', text: 'As soon as something needs attention' },
              { value: 'weekly', text: 'One weekly summary' },
            ]}
          />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                What to tell you about
              </legend>
              <div className="govuk-checkboxes">
                <Checkbox
                  id="dueSoon"
                  label="Items due soon"
                  hint="Before a milestone or action you lead is due."
                  checked={f.dueSoon}
                  onChange={(v) => setF({ ...f, dueSoon: v })}
                />
              </div>
              <p className="govuk-body govuk-!-margin-top-3">Overdue items: always sent.</p>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button">
            Save preferences
          </button>
        </form>
      ) : null}
    </Page>
  );
}

/**
 * No directory entry is linked to the person's membership yet (nor has their email). Administrators link
 * members to people on the Members page; everyone else is told to ask one.
 */
function NotLinked({ c, admin }: { c: string; admin: boolean }) {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        Alert preferences are not available for your account yet: it is not linked to your entry in the people
        directory.
      </p>
      {admin ? (
        <p className="govuk-body">
          As an administrator you can link it yourself: on the{' '}
          <Link className="govuk-link" href={`/councils/${c}/members`}>
            Members page
          </Link>
          , choose Change beside your name and choose your entry under “Person in the plans”. If you are not
          in the{' '}
          <Link className="govuk-link" href={`/councils/${c}/people`}>
            people directory
          </Link>{' '}
          yet, add yourself there first.
        </p>
      ) : (
        <p className="govuk-body">
          Ask your council’s PeoplePlan administrator to link it: they do this on the council’s Members page.
        </p>
      )}
    </div>
  );
}
