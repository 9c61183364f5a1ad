import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useWide } from '../components/layout.js';
import { Banner, LoadError, Loading, Page, ScrollTable, SummaryList } from '../components/page.js';
import { TableHead } from '../components/table-head.js';
import { PlainTag } from '../components/tags.js';
import type { ApiData } from '../lib/api.js';
import { formatDate, plural } from '../lib/format.js';
import { ROLE_LABELS } from '../lib/labels.js';
import type { PersonRow } from '../lib/responses.js';
import { useCouncil, useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { InviteSeveral } from './members-bulk.js';
import { ChangeMemberForm, InviteForm, RemoveConfirm } from './members-forms.js';

export type Member = ApiData<'get', '/api/v1/councils/{c}/members'>['items'][number];
type Mode = 'change' | 'remove';
export interface Done {
  title: string;
  body?: string;
}

/**
 * A council's members, for its administrators: who can sign in and with which role, invitations by
 * email, role changes, the person each member is in the plans (their alerts and progress updates go
 * through it), and removing a leaver, whose access ends with their next request
 * (docs/architecture.md: tenant isolation).
 */
export default function MembersPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const { me } = useSession();
  const admin = can('admin');
  const members = useApi('/api/v1/councils/{c}/members', admin ? { path: { c } } : null);
  const people = useApi('/api/v1/councils/{c}/people', admin ? { path: { c } } : null);
  const [open, setOpen] = useState<{ sub: string; mode: Mode } | undefined>();
  const [done, setDone] = useState<(Done & { seq: number }) | undefined>();
  const [returnTo, setReturnTo] = useState<string | undefined>();
  useEffect(() => {
    if (!returnTo) return;
    document.getElementById(returnTo)?.focus();
    setReturnTo(undefined);
  }, [returnTo]);
  const name = council?.name ?? c;
  const crumbs = [{ href: `/councils/${c}`, text: name }];

  if (!admin) {
    return (
      <Page title="Members" caption={name} crumbs={crumbs}>
        <p className="govuk-body">Only the council’s PeoplePlan administrators can manage its members.</p>
      </Page>
    );
  }

  const items = members.data?.items ?? [];
  const directory = [...(people.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const member = open && items.find((m) => m.userSub === open.sub);
  const close = () => {
    if (open) setReturnTo(`${open.mode}-${open.sub}`);
    setOpen(undefined);
  };
  /**
   * The list after a change: shown at once (`list`), then loaded again in case of others' changes, with
   * the directory, as an invitation may add the person it links to (else their row says "Someone no
   * longer in the directory").
   */
  const show = (list: Member[]) => {
    if (members.data) members.setData({ ...members.data, items: list });
    members.reload();
    people.reload();
  };
  /** After a change made in one of the page's forms: the list shows it and a banner says what it did. */
  const finish = (d: Done, list: Member[]) => {
    setOpen(undefined);
    show(list);
    setDone((x) => ({ ...d, seq: (x?.seq ?? 0) + 1 }));
  };
  /** Several invited at once: the list shows them; the invitations' own outcome says what happened. */
  const joined = (added: Member[]) => show([...items, ...added].sort((a, b) => a.name.localeCompare(b.name)));

  return (
    <Page title="Members" caption={name} crumbs={crumbs} wide>
      {done ? (
        <Banner type="success" key={done.seq}>
          <p className="govuk-notification-banner__heading">{done.title}</p>
          {done.body ? <p className="govuk-body">{done.body}</p> : null}
        </Banner>
      ) : null}
      <Intro c={c} name={name} bounced={items.filter((m) => m.undeliverable).length} />
      {members.error ? <LoadError error={members.error} retry={members.reload} /> : null}
      {members.loading ? <Loading what="Loading the members" /> : null}
      {members.data ? (
        <MemberList
          c={c}
          items={items}
          people={directory}
          self={me?.sub}
          onOpen={(sub, mode) => {
            setDone(undefined);
            setOpen({ sub, mode });
          }}
        />
      ) : null}
      {member && open?.mode === 'change' ? (
        <ChangeMemberForm
          key={member.userSub}
          c={c}
          member={member}
          people={directory}
          onCancel={close}
          onStale={members.reload}
          onDone={(d, updated) =>
            finish(
              d,
              items.map((m) => (m.userSub === updated.userSub ? updated : m)),
            )
          }
        />
      ) : member && open?.mode === 'remove' ? (
        <RemoveConfirm
          c={c}
          council={name}
          member={member}
          onCancel={close}
          onDone={(d) =>
            finish(
              d,
              items.filter((m) => m.userSub !== member.userSub),
            )
          }
        />
      ) : (
        <>
          <InviteForm
            c={c}
            people={directory}
            onDone={(d, added) =>
              finish(
                d,
                [...items, added].sort((a, b) => a.name.localeCompare(b.name)),
              )
            }
          />
          <InviteSeveral c={c} members={items} onInvited={joined} />
        </>
      )}
    </Page>
  );
}

/** What the page is for, and a warning when some members' email is not being delivered. */
function Intro({ c, name, bounced }: { c: string; name: string; bounced: number }) {
  return (
    <>
      <p className="govuk-body">
        Everyone who can sign in to {name} on PeoplePlan, and what their role lets them do. Link each member
        to their entry in the{' '}
        <Link className="govuk-link" href={`/councils/${c}/people`}>
          people directory
        </Link>
        , so that alerts about the actions they lead reach them and they can set their own alert preferences.
      </p>
      {bounced ? (
        <div className="govuk-inset-text">
          Email to {plural(bounced, 'member')} is not being delivered, so they get no alerts. Check the
          address with them; to use a different one, remove them and invite them again with it.
        </div>
      ) : null}
    </>
  );
}

interface Row {
  key: string;
  name: ReactNode;
  email: ReactNode;
  role: string;
  person: ReactNode;
  actions: ReactNode;
}

/** One member's cells, the same in the table and the narrow screen's cards. */
function rowOf(
  c: string,
  m: Member,
  people: PersonRow[],
  self: string | undefined,
  onOpen: (sub: string, mode: Mode) => void,
): Row {
  const person = m.personId ? people.find((p) => p.id === m.personId) : undefined;
  const you = m.userSub === self;
  return {
    key: m.userSub,
    name: (
      <>
        {m.name}
        {you ? <span className="app-muted"> (you)</span> : null}
      </>
    ),
    email: (
      <>
        <span className="app-break-anywhere">{m.email}</span>
        {m.undeliverable ? (
          <span className="app-undeliverable">
            <PlainTag colour="red">Email not delivered</PlainTag>{' '}
            <span className="govuk-body-s">
              since {formatDate(m.undeliverable.at)}: {m.undeliverable.reason}
            </span>
          </span>
        ) : null}
      </>
    ),
    role: ROLE_LABELS[m.role] ?? m.role,
    person: !m.personId ? (
      <span className="app-muted">Not linked</span>
    ) : person ? (
      <Link className="govuk-link" href={`/councils/${c}/people/${person.id}`}>
        {person.name}
      </Link>
    ) : (
      <span className="app-muted">Someone no longer in the directory</span>
    ),
    actions: (
      <span className="app-member-actions">
        <button
          type="button"
          id={`change-${m.userSub}`}
          className="govuk-button govuk-button--secondary app-table-button"
          onClick={() => onOpen(m.userSub, 'change')}
        >
          Change<span className="govuk-visually-hidden"> {m.name}’s role or linked person</span>
        </button>
        {you ? null : (
          <button
            type="button"
            id={`remove-${m.userSub}`}
            className="govuk-button govuk-button--warning app-table-button"
            onClick={() => onOpen(m.userSub, 'remove')}
          >
            Remove<span className="govuk-visually-hidden"> {m.name}</span>
          </button>
        )}
      </span>
    ),
  };
}

const COLUMNS = ['Email', 'Role', 'Person in the plans'] as const;

/** A table on wider screens; on a phone, one card a member (a table would need scrolling sideways). */
function MemberList({
  c,
  items,
  people,
  self,
  onOpen,
}: {
  c: string;
  items: Member[];
  people: PersonRow[];
  self: string | undefined;
  onOpen: (sub: string, mode: Mode) => void;
}) {
  const wide = useWide();
  const rows = items.map((m) => rowOf(c, m, people, self, onOpen));
  const caption = plural(items.length, 'member');
  if (!wide) {
    return (
      <>
        <h2 className="govuk-heading-m">{caption}</h2>
        <ul className="govuk-list app-member-cards" data-testid="members">
          {rows.map((r) => (
            <li className="app-member-card" key={r.key} data-member={r.key}>
              <h3 className="govuk-heading-s app-break-anywhere">{r.name}</h3>
              <SummaryList
                rows={[
                  { key: 'Email', value: r.email },
                  { key: 'Role', value: r.role },
                  { key: 'Person in the plans', value: r.person },
                ]}
              />
              {r.actions}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <ScrollTable label="Members">
      <table className="govuk-table app-table" data-testid="members">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <TableHead columns={['Name', ...COLUMNS, 'Action']} />
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr className="govuk-table__row" key={r.key} data-member={r.key}>
              <th scope="row" className="govuk-table__header app-row-head">
                {r.name}
              </th>
              <td className="govuk-table__cell">{r.email}</td>
              <td className="govuk-table__cell">{r.role}</td>
              <td className="govuk-table__cell">{r.person}</td>
              <td className="govuk-table__cell">{r.actions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
