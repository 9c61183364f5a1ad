import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { CalendarFeed } from '../components/calendar-feed.js';
import { Checkbox, ErrorSummary, type FieldErrors, refusal, summaryFrom } from '../components/form.js';
import {
  Banner,
  isNotFound,
  LoadError,
  Loading,
  Page,
  SavedBanner,
  SummaryList,
  useSaved,
} from '../components/page.js';
import { PersonFields } from '../components/person-fields.js';
import { ApiError, api } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import type { PersonSavedState } from '../lib/person-saved.js';
import type { PersonRow } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { MergePersonForm } from './people-merge.js';
import { PersonWork } from './person-handover.js';
import { MarkLeft } from './person-left.js';

export default function PersonPage({ c, personId }: { c: string; personId: string }) {
  const { council, can } = useCouncil(c);
  const [, navigate] = useLocation();
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });
  const person = people.data?.items.find((p) => p.id === personId);
  const [f, setF] = useState({ name: '', roleLabel: '', jobTitle: '', email: '', confirmed: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [merged, setMerged] = useState<string | undefined>();
  // What the last hand-over or change of leaving did: its banner takes focus.
  const [saved, setSaved] = useSaved();
  // Editors change the person; everyone else (a councillor viewing, say) reads them, with no form.
  const editor = can('editor');
  useEffect(() => {
    if (person)
      setF({
        name: person.name,
        roleLabel: person.roleLabel ?? '',
        jobTitle: person.jobTitle ?? '',
        email: person.email ?? '',
        confirmed: !person.unresolved,
      });
  }, [person]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!person) return;
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
    try {
      await api.patch('/api/v1/councils/{c}/people/{personId}', {
        params: { path: { c, personId: person.id } },
        body: {
          version: person.version,
          name: f.name.trim(),
          ...(f.roleLabel.trim() ? { roleLabel: f.roleLabel.trim() } : {}),
          ...(f.jobTitle.trim() ? { jobTitle: f.jobTitle.trim() } : {}),
          ...(f.email.trim() ? { email: f.email.trim() } : {}),
          unresolved: !f.confirmed,
        },
      });
      const state: PersonSavedState = { personSaved: `${f.name.trim()}’s details saved` };
      navigate(`/councils/${c}/people`, { state });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setFormError(
          'Someone else changed this person while you were editing. Your changes are still in the form; their version has been loaded, so saving again will replace it.',
        );
        people.reload();
        return;
      }
      const r = refusal(err, { name: 'name', email: 'email' });
      setErrors(r.errors);
      setFormError(r.message);
    }
  };

  return (
    <Page
      title={person ? (editor ? `Change ${person.name}` : person.name) : editor ? 'Change person' : 'Person'}
      crumbs={[
        { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
        { href: `/councils/${c}/people`, text: 'People' },
      ]}
      // A person not in the directory (a mistyped address); one just merged away says so instead.
      notFound={isNotFound(people.error) || Boolean(people.data && !person && !merged)}
    >
      <SavedBanner saved={saved} />
      {people.error ? <LoadError error={people.error} retry={people.reload} /> : null}
      {people.loading ? <Loading /> : null}
      {merged ? (
        <>
          <Banner type="success">
            <p className="govuk-notification-banner__heading">{merged}</p>
          </Banner>
          <p className="govuk-body">
            <Link className="govuk-link" href={`/councils/${c}/people`}>
              Back to people
            </Link>
          </p>
        </>
      ) : null}
      {person && !merged && !editor ? <PersonSummary person={person} /> : null}
      {person && !merged && editor ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
          <PersonFields value={f} onChange={setF} errors={errors} />
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <Checkbox
                id="confirmed"
                label="This is the right person for this label"
                hint="Labels from an imported plan that matched nobody are marked for checking until confirmed."
                checked={f.confirmed}
                onChange={(v) => setF({ ...f, confirmed: v })}
              />
            </div>
          </div>
          <button type="submit" className="govuk-button">
            Save
          </button>
        </form>
      ) : null}
      {person && !merged ? (
        <PersonWork
          c={c}
          person={person}
          directory={people.data?.items ?? []}
          editable={editor}
          onHandedOver={setSaved}
          onStale={people.reload}
        />
      ) : null}
      {person && !merged && editor ? (
        <MarkLeft
          c={c}
          person={person}
          onChanged={(sentence) => {
            setSaved(sentence);
            people.reload();
          }}
          onStale={people.reload}
        />
      ) : null}
      {person && !merged && (editor || council?.personId === person.id) ? (
        <section className="app-section-break" aria-labelledby="person-feed">
          <h2 className="govuk-heading-m" id="person-feed">
            Calendar feed
          </h2>
          <CalendarFeed
            c={c}
            scope="person"
            subjectId={person.id}
            what={`the milestones of the actions ${person.name} leads`}
          />
        </section>
      ) : null}
      {person && !merged && editor ? (
        <MergePersonForm
          c={c}
          person={person}
          directory={people.data?.items ?? []}
          onMerged={(sentence) => {
            setMerged(sentence);
            people.reload();
          }}
          onStale={people.reload}
        />
      ) : null}
    </Page>
  );
}

/** A person as those who may not change them read them: every field in words, none of them a control. */
function PersonSummary({ person: p }: { person: PersonRow }) {
  return (
    <SummaryList
      rows={[
        { key: 'Name', value: p.name },
        { key: 'Label in plans', value: p.roleLabel || 'None' },
        { key: 'Job title', value: p.jobTitle || 'None' },
        { key: 'Email', value: p.email || 'None: no alerts' },
        {
          key: 'Checked',
          value: p.unresolved ? 'Not yet: a label from an imported plan that matched nobody' : 'Yes',
        },
        p.leftOn && { key: 'Left the council', value: formatDate(p.leftOn) },
      ]}
    />
  );
}
