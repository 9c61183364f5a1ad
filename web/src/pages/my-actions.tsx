import type { Timeliness } from '@peopleplan/core';
import { Link } from 'wouter';
import { isNotFound, LoadError, Loading, Page } from '../components/page.js';
import { TableHead } from '../components/table-head.js';
import { RagTag, StatusTag } from '../components/tags.js';
import { TimescaleText } from '../components/timescale.js';
import { lateness, plural, updateWhen } from '../lib/format.js';
import { TIMELINESS_LABELS } from '../lib/labels.js';
import type { MyActionItem } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

const GROUPS: Timeliness[] = ['late', 'due-soon', 'later'];

/** Everything the signed-in person leads, late first, each with its last update (issue 16). */
export default function MyActionsPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const mine = useApi('/api/v1/councils/{c}/my-actions', { path: { c } });
  const data = mine.data;
  const open = data?.items.filter((i) => i.timeliness !== 'closed') ?? [];
  const closed = data?.items.filter((i) => i.timeliness === 'closed') ?? [];
  return (
    <Page
      title="My actions"
      caption={council?.name}
      crumbs={[{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }]}
      wide
      notFound={isNotFound(mine.error)}
    >
      {mine.error ? <LoadError error={mine.error} retry={mine.reload} /> : null}
      {mine.loading ? <Loading what="Loading your actions" /> : null}
      {data && !data.person ? (
        // Said plainly first (a councillor leads nothing); how to be linked only for someone who should.
        <>
          <p className="govuk-body" data-not-linked>
            You do not lead any actions in {council ? `${council.name}’s` : 'this council’s'} plans, so there
            is nothing here for you to update and PeoplePlan sends you no alert emails.
          </p>
          <p className="govuk-body">
            If you should lead actions, a PeoplePlan administrator of the council links your account to your
            entry in the people directory
            {can('admin') ? (
              <>
                {' '}
                on the{' '}
                <Link className="govuk-link" href={`/councils/${c}/members`}>
                  Members page
                </Link>
              </>
            ) : null}
            .
          </p>
        </>
      ) : null}
      {data?.person ? (
        <>
          <p className="govuk-body" data-my-actions-ready>
            You lead {plural(open.length, 'open action')}
            {open.length
              ? `: ${GROUPS.map((g) => `${open.filter((i) => i.timeliness === g).length} ${TIMELINESS_LABELS[g].toLowerCase()}`).join(', ')}`
              : ''}
            .
          </p>
          {open.length && can('contributor') ? (
            <Link
              href={`/councils/${c}/my-actions/round`}
              className="govuk-button govuk-button--start"
              role="button"
            >
              Start the update round
              <svg
                className="govuk-button__start-icon"
                xmlns="http://www.w3.org/2000/svg"
                width="17.5"
                height="19"
                viewBox="0 0 33 40"
                aria-hidden="true"
                focusable="false"
              >
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
              </svg>
            </Link>
          ) : null}
          {GROUPS.map((g) => (
            <MyGroup key={g} c={c} group={g} items={open.filter((i) => i.timeliness === g)} />
          ))}
          {closed.length ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  {TIMELINESS_LABELS.closed} ({closed.length})
                </span>
              </summary>
              <div className="govuk-details__text">
                <MyTable c={c} caption={TIMELINESS_LABELS.closed} items={closed} />
              </div>
            </details>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function MyGroup({ c, group, items }: { c: string; group: Timeliness; items: MyActionItem[] }) {
  const heading = `${TIMELINESS_LABELS[group]} (${items.length})`;
  return (
    <section className="app-section-break" aria-labelledby={`group-${group}`}>
      <h2 className="govuk-heading-m" id={`group-${group}`}>
        {heading}
      </h2>
      {items.length ? (
        <MyTable c={c} caption={TIMELINESS_LABELS[group]} items={items} />
      ) : (
        <p className="govuk-body">None.</p>
      )}
    </section>
  );
}

function MyTable({ c, caption, items }: { c: string; caption: string; items: MyActionItem[] }) {
  return (
    <table className="govuk-table app-table app-cards">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}: your actions</caption>
      <TableHead columns={['Action', 'Due', 'Milestones', 'Last update', 'Status']} />
      <tbody className="govuk-table__body">
        {items.map((i) => (
          <tr className="govuk-table__row" key={i.action.id}>
            <td className="govuk-table__cell app-col-text" data-label="Action">
              <Link className="govuk-link" href={`/councils/${c}/actions/${i.action.id}`}>
                {i.action.ref ? <span className="app-ref">{i.action.ref}</span> : null}
                {i.action.title}
              </Link>
              <span className="app-lead-role">
                {i.plan.title}
                {i.theme ? ` · ${i.theme.ref ? `${i.theme.ref}: ` : ''}${i.theme.title}` : ''}
              </span>
            </td>
            <td className="govuk-table__cell app-nowrap-m" data-label="Due">
              <TimescaleText value={i.action.due} />
              {i.daysLate !== undefined && i.timeliness !== 'closed' ? (
                <span className={`app-lateness${i.daysLate > 0 ? ' app-late' : ''}`}>
                  {lateness(i.daysLate)}
                </span>
              ) : null}
            </td>
            <td className="govuk-table__cell app-cell-s" data-label="Milestones">
              {i.milestones.length ? (
                <ul className="app-year-list">
                  {i.milestones.map((m) => (
                    <li key={m.id}>
                      {/* Its name, not its ref alone: an imported ref may be a year ("2005-06"). */}
                      {m.ref ? <span className="govuk-!-font-weight-bold">{m.ref} </span> : null}
                      {m.title.length > 60 ? `${m.title.slice(0, 57)}…` : m.title}:{' '}
                      <span className={m.late ? 'app-late' : undefined}>{lateness(m.daysLate)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                'None open'
              )}
            </td>
            <td className="govuk-table__cell app-col-text" data-label="Last update">
              {i.action.latestUpdate ? (
                <>
                  <span className="app-cell-clamp">{i.action.latestUpdate.narrative}</span>
                  <span className="app-lead-role">
                    {i.action.latestUpdate.authorName}, {updateWhen(i.action.latestUpdate)}
                    {i.action.latestUpdate.period ? ` · ${i.action.latestUpdate.period}` : ''}
                  </span>
                </>
              ) : (
                'None yet'
              )}
            </td>
            <td className="govuk-table__cell app-tags" data-label="Status">
              <StatusTag status={i.action.status} /> <RagTag rag={i.action.rag.rag} result={i.action.rag} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
