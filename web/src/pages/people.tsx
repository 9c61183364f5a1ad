import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type FieldErrors, refusal, summaryFrom } from '../components/form.js';
import { LoadError, Loading, Page, SavedBanner, ScrollTable, useSaved } from '../components/page.js';
import { PersonFields } from '../components/person-fields.js';
import { TableHead } from '../components/table-head.js';
import { PlainTag } from '../components/tags.js';
import { api } from '../lib/api.js';
import { formatDate, plural } from '../lib/format.js';
import { personSavedMessage } from '../lib/person-saved.js';
import type { PersonRow } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { DuplicatePeople } from './people-merge.js';

export default function PeoplePage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });
  // One message at a time, the latest save's: a person added, or two merged.
  const [saved, setSaved] = useSaved();
  // A person just saved on their own page: said here once, the banner taking focus from the heading;
  // forgotten, so a reload does not say it again (as the plan page does after a removal).
  useEffect(() => {
    const message = personSavedMessage(history.state);
    if (!message) return;
    setSaved(message);
    history.replaceState(null, '', window.location.href);
  }, [setSaved]);
  const all = [...(people.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  // People who have left are listed apart: they lead nothing and are offered for nothing.
  const items = all.filter((p) => !p.leftOn);
  const leavers = all.filter((p) => p.leftOn);
  const unresolved = items.filter((p) => p.unresolved).length;
  const name = (p: PersonRow) => <PersonLink c={c} p={p} />;
  return (
    <Page
      title="People"
      caption={council?.name}
      crumbs={[{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }]}
      wide
    >
      <SavedBanner saved={saved} />
      <p className="govuk-body">
        The council’s directory of people who lead actions. Plans name leads as they were written (“GM (HR)”,
        “L&amp;D Team”); each label points at a person here so that alerts reach them.
      </p>
      {unresolved && can('editor') ? (
        <div className="govuk-inset-text">
          {unresolved} {unresolved === 1 ? 'label was' : 'labels were'} not matched to a known person when a
          plan was imported. Check them and add an email address so that alerts reach someone.
        </div>
      ) : null}
      {people.error ? <LoadError error={people.error} retry={people.reload} /> : null}
      {people.loading ? <Loading what="Loading people" /> : null}
      {people.data ? <Directory c={c} items={items} /> : null}
      {leavers.length ? (
        <ScrollTable label="People who have left">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              Left the council ({leavers.length})
            </caption>
            <TableHead columns={['Name', 'Label in plans', 'Left on']} />
            <tbody className="govuk-table__body">
              {leavers.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <td className="govuk-table__cell">{name(p)}</td>
                  <td className="govuk-table__cell">{p.roleLabel ?? ''}</td>
                  <td className="govuk-table__cell">{formatDate(p.leftOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {can('editor') ? (
        <DuplicatePeople
          c={c}
          onMerged={(sentence) => {
            setSaved(sentence);
            people.reload();
          }}
        />
      ) : null}
      {can('editor') ? (
        <AddPerson
          c={c}
          onAdded={(name) => {
            setSaved(`${name} added to the directory`);
            people.reload();
          }}
        />
      ) : null}
    </Page>
  );
}

function AddPerson({ c, onAdded }: { c: string; onAdded: (name: string) => void }) {
  const [f, setF] = useState({ name: '', roleLabel: '', jobTitle: '', email: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      name: f.name.trim() ? undefined : 'Enter the person’s name',
      email:
        f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())
          ? 'Enter an email address like name@council.gov.uk'
          : undefined,
    };
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    // Blank optional fields are left out rather than sent empty.
    const optional = (k: 'roleLabel' | 'jobTitle' | 'email') => (f[k].trim() ? { [k]: f[k].trim() } : {});
    const body = {
      name: f.name.trim(),
      ...optional('roleLabel'),
      ...optional('jobTitle'),
      ...optional('email'),
    };
    try {
      await api.post('/api/v1/councils/{c}/people', { params: { path: { c } }, body });
      onAdded(f.name.trim());
      setF({ name: '', roleLabel: '', jobTitle: '', email: '' });
    } catch (err) {
      const r = refusal(err, { name: 'name', email: 'email' });
      setErrors(r.errors);
      setFormError(r.message);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-person" className="app-section-break">
      <h2 className="govuk-heading-m" id="add-person">
        Add a person
      </h2>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      <PersonFields value={f} onChange={setF} errors={errors} />
      <button type="submit" className="govuk-button">
        Add person
      </button>
    </form>
  );
}

// Everyone may open a person's page: what they lead is there (editors change them there too).
function PersonLink({ c, p }: { c: string; p: PersonRow }) {
  return (
    <Link className="govuk-link" href={`/councils/${c}/people/${p.id}`}>
      {p.name}
    </Link>
  );
}

/** The people still at the council; an empty directory says so and how people get into it. */
export function Directory({ c, items }: { c: string; items: PersonRow[] }) {
  if (!items.length)
    return (
      <p className="govuk-body">
        No one is in the directory yet. People come in as the leads of an imported plan, as members are
        invited, or when you add them below.
      </p>
    );
  return (
    <ScrollTable label="People directory">
      <table className="govuk-table app-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {plural(items.length, 'person', 'people')}
        </caption>
        <TableHead columns={['Name', 'Label in plans', 'Job title', 'Email', 'Check']} />
        <tbody className="govuk-table__body">
          {items.map((p) => (
            <tr className="govuk-table__row" key={p.id}>
              <td className="govuk-table__cell">
                <PersonLink c={c} p={p} />
              </td>
              <td className="govuk-table__cell">{p.roleLabel ?? ''}</td>
              <td className="govuk-table__cell">{p.jobTitle ?? ''}</td>
              <td className="govuk-table__cell">
                {p.email ?? <span className="app-muted">None: no alerts</span>}
              </td>
              <td className="govuk-table__cell">
                {p.unresolved ? <PlainTag colour="yellow">Not matched</PlainTag> : null}
                {!p.email ? <PlainTag colour="grey">No email</PlainTag> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
