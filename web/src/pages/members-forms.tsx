import type { CouncilRole } from '@peopleplan/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  Select,
  summaryFrom,
  TextInput,
} from '../components/form.js';
import { ApiError, api } from '../lib/api.js';
import { EMAIL_FORMAT, formErrorsFrom, looksLikeEmail, ROLE_OPTIONS } from '../lib/invite.js';
import { ROLE_LABELS } from '../lib/labels.js';
import type { PersonRow } from '../lib/responses.js';
import type { Done, Member } from './members.js';

const PERSON_HINT =
  'Their entry in the people directory: alerts about the actions it leads go to them, and contributors update those actions';

function personOptions(people: PersonRow[], none = 'Not linked') {
  return [
    { value: '', text: none },
    ...people.map((p) => ({ value: p.id, text: p.email ? `${p.name} (${p.email})` : p.name })),
  ];
}

/** Focus on the step's heading when it opens, so keyboard and screen reader users land on it. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

const INVITE_IDS = {
  email: 'invite-email',
  name: 'invite-name',
  role: 'invite-role',
  personId: 'invite-person',
};
const NO_INVITE = { email: '', name: '', role: '', personId: '' };

/** Invite someone by email with a role, and (optionally) who they are in the plans. */
export function InviteForm({
  c,
  people,
  onDone,
}: {
  c: string;
  people: PersonRow[];
  onDone: (d: Done, added: Member) => void;
}) {
  const [f, setF] = useState(NO_INVITE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const email = f.email.trim();
    const v: FieldErrors = {
      email: !email ? 'Enter their email address' : looksLikeEmail(email) ? undefined : EMAIL_FORMAT,
      role: f.role ? undefined : 'Choose what they can do',
    };
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    // A person chosen from the directory gives the name when none is typed.
    const name = f.name.trim() || people.find((p) => p.id === f.personId)?.name;
    try {
      const m = await api.post('/api/v1/councils/{c}/members', {
        params: { path: { c } },
        body: {
          email,
          role: f.role as CouncilRole,
          ...(name ? { name } : {}),
          ...(f.personId ? { personId: f.personId } : {}),
        },
      });
      setF(NO_INVITE);
      onDone(
        {
          title: `${m.name} has been invited as ${ROLE_LABELS[m.role]?.toLowerCase()}`,
          body: `They can now sign in to PeoplePlan with ${m.email}.`,
        },
        m,
      );
    } catch (err) {
      const { fields, form } = formErrorsFrom(err, 'email');
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite" className="app-section-break app-form-column">
      <h2 className="govuk-heading-l" id="invite">
        Invite someone
      </h2>
      <ErrorSummary
        errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors, INVITE_IDS)]}
      />
      <TextInput
        id={INVITE_IDS.email}
        label="Email address"
        hint="Their work email: they sign in with it"
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errors.email}
        value={f.email}
        onChange={(e) => setF({ ...f, email: e.target.value })}
      />
      <TextInput
        id={INVITE_IDS.name}
        label="Full name (optional)"
        hint="If you leave it blank, the linked person’s name is used, or else the start of their email address"
        autoComplete="off"
        error={errors.name}
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.target.value })}
      />
      <Radios
        id={INVITE_IDS.role}
        legend="What can they do?"
        legendClass="govuk-fieldset__legend--m"
        error={errors.role}
        value={f.role}
        onChange={(role) => setF({ ...f, role })}
        options={ROLE_OPTIONS}
      />
      <Select
        id={INVITE_IDS.personId}
        label="Person in the plans (optional)"
        hint={PERSON_HINT}
        error={errors.personId}
        value={f.personId}
        onChange={(e) => setF({ ...f, personId: e.target.value })}
        // Left unchosen, the invitation links them itself (services onboarding.ts, personFor).
        options={personOptions(people, 'Find them by email or name, or add them (not for viewers)')}
      />
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
        Send invitation
      </button>
    </form>
  );
}

const CHANGE_IDS = { name: 'member-name', role: 'member-role', personId: 'member-person' };

/** Change a member's role, name, or the person they are in the plans (linking or unlinking them). */
export function ChangeMemberForm({
  c,
  member,
  people,
  onCancel,
  onStale,
  onDone,
}: {
  c: string;
  member: Member;
  people: PersonRow[];
  onCancel: () => void;
  /** Someone else changed the member meanwhile: the page reloads the list (this form keeps its values). */
  onStale: () => void;
  onDone: (d: Done, updated: Member) => void;
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [f, setF] = useState({
    name: member.name,
    role: member.role as string,
    personId: member.personId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = { name: f.name.trim() ? undefined : 'Enter their name' };
    setErrors(v);
    setFormError(undefined);
    if (v.name) return;
    const name = f.name.trim();
    const body = {
      version: member.version,
      ...(name !== member.name ? { name } : {}),
      ...(f.role !== member.role ? { role: f.role as CouncilRole } : {}),
      ...(f.personId !== (member.personId ?? '') ? { personId: f.personId || null } : {}),
    };
    if (Object.keys(body).length === 1) return onCancel();
    setBusy(true);
    try {
      const m = await api.patch('/api/v1/councils/{c}/members/{memberId}', {
        params: { path: { c, memberId: member.userSub } },
        body,
      });
      onDone({ title: `${m.name}’s details have been changed`, body: changes(member, m, people) }, m);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409) {
        onStale();
        setFormError(
          `Someone else changed ${member.name} while you were looking. Check the table above, then save again to keep your changes.`,
        );
        return;
      }
      // 422: an administrator taking away their own admin role.
      const { fields, form } =
        err instanceof ApiError && err.status === 422
          ? { fields: { role: err.message }, form: undefined }
          : formErrorsFrom(err, 'name');
      setErrors(fields);
      setFormError(form);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-consent-form app-section-break app-form-column">
      <h2 className="govuk-heading-m" tabIndex={-1} ref={heading}>
        Change {member.name}
      </h2>
      <ErrorSummary
        errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors, CHANGE_IDS)]}
      />
      <TextInput
        id={CHANGE_IDS.name}
        label="Full name"
        autoComplete="off"
        error={errors.name}
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.target.value })}
      />
      <Radios
        id={CHANGE_IDS.role}
        legend="What can they do?"
        hint="A new role counts from their next page."
        error={errors.role}
        value={f.role}
        onChange={(role) => setF({ ...f, role })}
        options={ROLE_OPTIONS}
      />
      <Select
        id={CHANGE_IDS.personId}
        label="Person in the plans"
        hint={PERSON_HINT}
        error={errors.personId}
        value={f.personId}
        onChange={(e) => setF({ ...f, personId: e.target.value })}
        options={personOptions(people)}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save changes
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** What a change did, in a sentence for the success banner. */
function changes(before: Member, after: Member, people: PersonRow[]): string {
  const out: string[] = [];
  if (before.role !== after.role)
    out.push(`They are now ${ROLE_LABELS[after.role]?.toLowerCase()}, from their next page.`);
  if (before.personId !== after.personId) {
    const p = people.find((x) => x.id === after.personId);
    out.push(
      after.personId
        ? `They are linked to ${p?.name ?? 'a person'} in the plans.`
        : 'They are no longer linked to a person in the plans.',
    );
  }
  return out.join(' ');
}

/** The confirmation step before a leaver is removed: their access ends at once. */
export function RemoveConfirm({
  c,
  council,
  member,
  onCancel,
  onDone,
}: {
  c: string;
  council: string;
  member: Member;
  onCancel: () => void;
  onDone: (d: Done) => void;
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.del('/api/v1/councils/{c}/members/{memberId}', {
        params: { path: { c, memberId: member.userSub } },
      });
      onDone({
        title: `${member.name} has been removed from ${council}`,
        body: 'Their access ended at once: they cannot open anything in the council from their next page.',
      });
    } catch (err) {
      setBusy(false);
      setError(
        err instanceof ApiError && err.status === 404
          ? `${member.name} is no longer a member: someone else may have removed them.`
          : (err as Error).message,
      );
    }
  };
  return (
    <section className="app-consent-form app-section-break app-form-column" aria-labelledby="remove-confirm">
      <h2 className="govuk-heading-m" id="remove-confirm" tabIndex={-1} ref={heading}>
        Are you sure you want to remove {member.name} from {council}?
      </h2>
      <ErrorSummary errors={error ? [{ text: error }] : []} />
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Their access ends at once: from their next page they cannot see or change anything in {council},
          even if they are signed in now. What they added stays. You can invite them again later.
        </strong>
      </div>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          onClick={remove}
          disabled={busy}
          aria-disabled={busy}
        >
          Yes, remove {member.name}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
