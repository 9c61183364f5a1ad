import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { ErrorSummary } from '../components/form.js';
import { Banner, Loading, Page } from '../components/page.js';
import { devSignIn, safeNext, startCognitoSignIn } from '../lib/auth.js';
import { useSession } from '../lib/session.js';

interface DevUser {
  email: string;
  name: string;
  groups: string[];
}

interface Group {
  key: string;
  heading: string;
  users: Array<DevUser & { label: string }>;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The identity provider's users grouped by where they work, so a tester finds "editor at Kent" at a
 * glance: demo users (named "Role (Council)") by their role, people invited since by name and role; the
 * service operator, and anyone in no council (a leaver, say), apart. A council is headed by its name
 * (`councils`, from the directory), else as a demo user names it, else by its id.
 */
export function groupUsers(users: DevUser[], councils: Record<string, string> = {}): Group[] {
  const groups = new Map<string, Group>();
  for (const u of users) {
    const scopes = new Set(u.groups.map((g) => g.split(':').slice(0, 2).join(':')));
    const [scope, id, role] = (u.groups[0] ?? '').split(':');
    const inner = /\(([^)]+)\)\s*$/.exec(u.name)?.[1];
    let key: string;
    let heading: string;
    let label: string;
    if (scopes.size > 1) {
      key = 'several';
      heading = 'People working for several councils';
      label = u.name;
    } else if (scope === 'platform') {
      key = 'operator';
      heading = 'The team that runs PeoplePlan';
      label = u.name;
    } else if (!scope) {
      key = 'none';
      heading = 'No longer in any council';
      label = u.name;
    } else if (scope === 'partnership') {
      key = `p:${id}`;
      heading = inner ?? `Partnership: ${id}`;
      label = u.name.replace(/\s*\([^)]*\)\s*$/, '');
    } else {
      key = `c:${id}`;
      heading = councils[id ?? ''] ?? inner ?? `Council: ${id}`;
      label = !role ? u.name : inner ? cap(role) : `${u.name}, ${role}`;
    }
    const g = groups.get(key) ?? { key, heading, users: [] };
    // A demo user names the council in full: better than the id a newly invited person gives.
    if (inner && scope === 'council' && g.heading === `Council: ${id}`) g.heading = inner;
    g.users.push({ ...u, label });
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function SignInPage() {
  const { config, signIn, me } = useSession();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [users, setUsers] = useState<DevUser[] | undefined>();
  const [councils, setCouncils] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    if (me) navigate(next, { replace: true });
  }, [me, next, navigate]);

  useEffect(() => {
    if (config.auth.mode !== 'dev') return;
    fetch('/dev/idp/users')
      .then((r) =>
        r.ok
          ? (r.json() as Promise<{ items: DevUser[]; councils?: Record<string, string> }>)
          : Promise.reject(new Error(String(r.status))),
      )
      .then((b) => {
        setCouncils(b.councils ?? {});
        setUsers(b.items);
      })
      .catch(() =>
        setError('The development sign-in service is not running. Start PeoplePlan with npm start.'),
      );
  }, [config.auth.mode]);

  const asUser = async (email: string) => {
    setBusy(email);
    setError(undefined);
    try {
      await devSignIn(email);
      await signIn();
    } catch (e) {
      setError((e as Error).message);
      setBusy(undefined);
    }
  };

  const auth = config.auth;
  return (
    <Page title="Sign in">
      {params.get('expired') ? (
        <Banner type="important" title="Your session has ended">
          <p className="govuk-notification-banner__heading">
            Sign in again to carry on where you were. Anything you were typing has been kept.
          </p>
        </Banner>
      ) : null}
      {params.get('signedOut') ? (
        <Banner type="important" title="Signed out">
          <p className="govuk-notification-banner__heading">You have signed out.</p>
        </Banner>
      ) : null}
      <ErrorSummary errors={error ? [{ text: error }] : []} />
      {auth.mode === 'cognito' ? (
        <>
          <p className="govuk-body">Sign in with your council account to see and update your plans.</p>
          <button
            type="button"
            className="govuk-button govuk-button--start"
            onClick={() => void startCognitoSignIn(auth, next)}
          >
            Sign in
          </button>
        </>
      ) : (
        <>
          <div className="govuk-inset-text">
            This is a development copy of PeoplePlan. Choose who to sign in as: the demo users, and anyone
            invited since. Each has a different role in a council.
          </div>
          {!users && !error ? <Loading what="Loading the users" /> : null}
          {groupUsers(users ?? [], councils).map((g) => (
            <section key={g.key} className="app-user-group" aria-labelledby={`users-${g.key}`}>
              <h2 className="govuk-heading-s" id={`users-${g.key}`}>
                {g.heading}
              </h2>
              <ul className="govuk-list app-user-list">
                {g.users.map((u) => (
                  <li key={u.email}>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary app-user-button"
                      data-email={u.email}
                      disabled={busy !== undefined}
                      aria-disabled={busy !== undefined}
                      onClick={() => void asUser(u.email)}
                    >
                      <span className="govuk-visually-hidden">Sign in as </span>
                      {u.label}
                      <span className="app-user-button__email">{u.email}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
