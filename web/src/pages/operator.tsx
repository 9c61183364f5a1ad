import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../components/form.js';
import { Banner, LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import { TableHead } from '../components/table-head.js';
import { PlainTag } from '../components/tags.js';
import { type ApiData, ApiError, api } from '../lib/api.js';
import { formatDate, plural } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { CreateCouncilForm } from './operator-council-form.js';
import { CreatePartnershipForm } from './operator-partnership-form.js';

export type CouncilEntry = ApiData<'get', '/api/v1/councils'>['items'][number];
type Change = { council: CouncilEntry; to: 'active' | 'suspended' };
export interface Done {
  seq: number;
  title: string;
  body?: string;
}

const STATUS: Record<CouncilEntry['status'], { text: string; colour: string }> = {
  active: { text: 'Active', colour: 'green' },
  suspended: { text: 'Suspended', colour: 'grey' },
  deleted: { text: 'Deleted', colour: 'red' },
};

/**
 * The service operator's page: the council directory with its counts, creating a council with its first
 * admin, suspending and reactivating one, and setting up a partnership. The operator sees the directory
 * and counts only, never a council's plans (docs/architecture.md: tenant isolation).
 */
export default function OperatorPage() {
  const councils = useApi('/api/v1/councils', {});
  const [done, setDone] = useState<Done | undefined>();
  const [change, setChange] = useState<Change | undefined>();
  const [returnTo, setReturnTo] = useState<string | undefined>();
  useEffect(() => {
    if (!returnTo) return;
    document.getElementById(returnTo)?.focus();
    setReturnTo(undefined);
  }, [returnTo]);

  const succeed = (title: string, body?: string) => {
    councils.reload();
    setDone((d) => ({ seq: (d?.seq ?? 0) + 1, title, ...(body ? { body } : {}) }));
  };
  const items = [...(councils.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Page title="Councils using PeoplePlan" caption="Service operator" wide>
      {done ? (
        <Banner type="success" key={done.seq}>
          <p className="govuk-notification-banner__heading">{done.title}</p>
          {done.body ? <p className="govuk-body">{done.body}</p> : null}
        </Banner>
      ) : null}
      <div className="govuk-inset-text">
        You see each council’s name, status and how many members and plans it has. You never see a council’s
        plans, people, settings or audit trail: only the council’s own members can.
      </div>
      {councils.error ? <LoadError error={councils.error} retry={councils.reload} /> : null}
      {councils.loading ? <Loading what="Loading the council directory" /> : null}
      {change ? (
        <StatusConfirm
          change={change}
          onCancel={() => {
            setReturnTo(`status-${change.council.id}`);
            setChange(undefined);
          }}
          onDone={(entry) => {
            setChange(undefined);
            succeed(
              entry.status === 'suspended' ? `${entry.name} is suspended` : `${entry.name} is active again`,
              entry.status === 'suspended'
                ? 'Its members cannot open it from their next page. Nothing has been deleted.'
                : 'Its members can use it again from their next page.',
            );
          }}
        />
      ) : councils.data ? (
        <Directory
          items={items}
          onChange={(council, to) => {
            setDone(undefined);
            setChange({ council, to });
          }}
        />
      ) : null}
      <CreateCouncilForm
        onCreated={(entry, adminEmail) => {
          succeed(
            `${entry.name} has been added`,
            `${adminEmail} is its first administrator and can now sign in to invite colleagues.`,
          );
        }}
      />
      <CreatePartnershipForm
        councils={items.filter((x) => x.status === 'active')}
        onCreated={(name, readers) =>
          succeed(
            `${name} has been set up`,
            `Each member council’s administrators now decide what to share with it, on their Partnerships page. ${
              readers ? `${plural(readers, 'partner reader')} can sign in once a council shares.` : ''
            }`.trim(),
          )
        }
      />
    </Page>
  );
}

function Directory({
  items,
  onChange,
}: {
  items: CouncilEntry[];
  onChange: (council: CouncilEntry, to: 'active' | 'suspended') => void;
}) {
  return (
    <ScrollTable label="Council directory">
      <table className="govuk-table app-table" data-testid="council-directory">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {plural(items.length, 'council')}
        </caption>
        <TableHead
          columns={[
            'Council',
            'Status',
            { label: 'Members', numeric: true },
            { label: 'Plans', numeric: true },
            'Added',
            'Action',
          ]}
        />
        <tbody className="govuk-table__body">
          {items.map((x) => (
            <tr className="govuk-table__row" key={x.id} data-council={x.id}>
              <th scope="row" className="govuk-table__header app-row-head">
                {x.name}
                <span className="govuk-hint app-council-id">{x.id}</span>
              </th>
              <td className="govuk-table__cell">
                <PlainTag colour={STATUS[x.status].colour}>{STATUS[x.status].text}</PlainTag>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{x.counts.members}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{x.counts.plans}</td>
              <td className="govuk-table__cell">
                {formatDate(x.createdAt)}
                <span className="govuk-hint app-council-id">by {x.createdBy}</span>
              </td>
              <td className="govuk-table__cell">
                {x.status === 'deleted' ? null : (
                  <button
                    type="button"
                    id={`status-${x.id}`}
                    className="govuk-button govuk-button--secondary app-table-button"
                    onClick={() => onChange(x, x.status === 'active' ? 'suspended' : 'active')}
                  >
                    {x.status === 'active' ? 'Suspend' : 'Reactivate'}
                    <span className="govuk-visually-hidden"> {x.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** The confirmation step before a council is suspended or reactivated. */
function StatusConfirm({
  change,
  onCancel,
  onDone,
}: {
  change: Change;
  onCancel: () => void;
  onDone: (entry: CouncilEntry) => void;
}) {
  const { council, to } = change;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const suspend = to === 'suspended';
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(
        await api.patch('/api/v1/councils/{c}', {
          params: { path: { c: council.id } },
          body: { status: to },
        }),
      );
    } catch (err) {
      setBusy(false);
      setError(
        err instanceof ApiError && err.status === 404
          ? `${council.name} is no longer in the directory.`
          : (err as Error).message,
      );
    }
  };
  return (
    <section className="app-consent-form app-section-break app-form-column" aria-labelledby="status-confirm">
      <h2 className="govuk-heading-m" id="status-confirm" tabIndex={-1} ref={heading}>
        Are you sure you want to {suspend ? 'suspend' : 'reactivate'} {council.name}?
      </h2>
      <ErrorSummary errors={error ? [{ text: error }] : []} />
      {suspend ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Its {plural(council.counts.members, 'member')} will not be able to open {council.name} from their
            next page. Nothing is deleted: you can reactivate it at any time.
          </strong>
        </div>
      ) : (
        <p className="govuk-body">
          Its {plural(council.counts.members, 'member')} will be able to use {council.name} again from their
          next page, with everything as it was.
        </p>
      )}
      <div className="govuk-button-group">
        <button
          type="button"
          className={`govuk-button${suspend ? ' govuk-button--warning' : ''}`}
          onClick={confirm}
          disabled={busy}
          aria-disabled={busy}
        >
          Yes, {suspend ? 'suspend' : 'reactivate'} {council.name}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
