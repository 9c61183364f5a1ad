import { Link, Redirect, useSearchParams } from 'wouter';
import { Page } from '../components/page.js';
import { lastCouncil } from '../lib/auth.js';
import { ROLE_LABELS } from '../lib/labels.js';
import { useSession } from '../lib/session.js';

/** After sign-in: straight to the only council, back to the last one, or a choice (council switcher). */
export function HomePage() {
  const { me } = useSession();
  const [params] = useSearchParams();
  if (!me) return null;
  const choosing = params.get('choose') !== null;
  const total = me.councils.length + me.partnerships.length;
  if (!choosing && total === 1) {
    return (
      <Redirect
        to={me.councils[0] ? `/councils/${me.councils[0].id}` : `/partnerships/${me.partnerships[0]!.id}`}
        replace
      />
    );
  }
  const last = lastCouncil.get();
  return (
    <Page title="Your councils" heading="Choose a council">
      {total === 0 ? (
        <p className="govuk-body">
          Your account is not linked to any council yet. Ask your council’s PeoplePlan administrator to add
          you.
        </p>
      ) : null}
      {me.councils.length ? (
        <ul className="govuk-list app-choice-list">
          {me.councils.map((c) => (
            <li key={c.id}>
              <Link
                className="govuk-link govuk-link--no-visited-state app-choice-link"
                href={`/councils/${c.id}`}
              >
                {c.name}
              </Link>
              <span className="govuk-hint app-choice-hint">
                {ROLE_LABELS[c.role]}
                {c.id === last ? ' · last used' : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {me.partnerships.length ? (
        <>
          <h2 className="govuk-heading-m">Partnerships</h2>
          <ul className="govuk-list app-choice-list">
            {me.partnerships.map((p) => (
              <li key={p.id}>
                <Link
                  className="govuk-link govuk-link--no-visited-state app-choice-link"
                  href={`/partnerships/${p.id}`}
                >
                  {p.name}
                </Link>
                <span className="govuk-hint app-choice-hint">{ROLE_LABELS[p.role] ?? p.role}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
