import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Checkbox, ErrorSummary, Radios } from '../components/form.js';
import { Banner, Loading, Page } from '../components/page.js';
import { api } from '../lib/api.js';
import { plural } from '../lib/format.js';
import type { AlertPreferences } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

type Mine = Extract<AlertPreferences, { linked: true }>;
type Prefs = Mine['alertPreferences'];

/** The signed-in person's own alert choices. Overdue alerts cannot be switched off. */
export default function AlertPreferencesPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const path = { c };
  const prefs = useApi('/api/v1/councils/{c}/me/alert-preferences', { path });
  // The council's own alert settings: how many days ahead "due soon" is told, and whether any are sent.
  const councilSettings = useApi('/api/v1/councils/{c}/settings', { path });
  const alerts = councilSettings.data?.alertSettings;
  const [f, setF] = useState<Prefs | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  // Absent while loading, and for someone in no directory entry (they lead nothing, so get no alerts).
  const mine = prefs.data?.linked ? prefs.data : undefined;
  useEffect(() => {
    if (mine) setF(mine.alertPreferences);
  }, [mine]);

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
      {prefs.data && !mine ? (
        <NotLinked c={c} council={council?.name} admin={can('admin')} />
      ) : (
        <p className="govuk-body">
          PeoplePlan emails you about milestones and actions you lead: when they are due soon and when they
          are overdue. You will always be told about overdue items.
        </p>
      )}
      {prefs.loading ? <Loading /> : null}
      {prefs.error ? <ErrorSummary errors={[{ text: prefs.error.message }]} /> : null}
      {mine && alerts?.enabled === false ? (
        <div className="govuk-inset-text" data-alerts-off>
          Your council has switched email alerts off: none are sent to anyone until an administrator switches
          them on in the council’s settings. Your choices here are kept for then.
        </div>
      ) : null}
      {mine ? (
        <p className="govuk-body">
          Emails go to{' '}
          {mine.email ?? <strong>no address yet: ask your administrator to add your email</strong>}.
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
                  hint={
                    alerts
                      ? `${plural(alerts.dueSoonDays, 'day')} before a milestone or action you lead is due, as the council has set.`
                      : 'Before a milestone or action you lead is due.'
                  }
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
 * No directory entry is the person (a councillor, say): said plainly first, that they lead nothing and
 * so get no alerts; only then how an account is linked, for someone who should lead actions.
 */
function NotLinked({ c, council, admin }: { c: string; council: string | undefined; admin: boolean }) {
  return (
    <>
      <p className="govuk-body" data-not-linked>
        You do not lead any actions or milestones in {council ? `${council}’s` : 'this council’s'} plans, so
        PeoplePlan sends you no alert emails.
      </p>
      {admin ? (
        <p className="govuk-body">
          If you should lead actions, link your account to your entry in the people directory: on the{' '}
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
          If you should lead actions, a PeoplePlan administrator of the council links your account to your
          entry in the people directory.
        </p>
      )}
    </>
  );
}
