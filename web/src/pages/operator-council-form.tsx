import { type FormEvent, useState } from 'react';
import { ErrorSummary, type FieldErrors, Select, summaryFrom, TextInput } from '../components/form.js';
import { ApiError, api } from '../lib/api.js';
import { EMAIL_FORMAT, formErrorsFrom, looksLikeEmail, looksLikeSlug, SLUG_FORMAT } from '../lib/invite.js';
import type { CouncilEntry } from './operator.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Form fields by the API's names, and the ids of their inputs (the error summary links to them). */
const IDS = {
  name: 'council-name',
  id: 'council-id',
  financialYearStartMonth: 'council-fy',
  adminEmail: 'admin-email',
  adminName: 'admin-name',
};
const EMPTY = { id: '', name: '', financialYearStartMonth: '4', adminEmail: '', adminName: '' };

function check(f: typeof EMPTY): FieldErrors {
  const id = f.id.trim();
  const email = f.adminEmail.trim();
  return {
    name: f.name.trim() ? undefined : 'Enter the council’s name',
    id: !id ? 'Enter an id for the council' : looksLikeSlug(id) ? undefined : `The id ${SLUG_FORMAT}`,
    adminEmail: !email
      ? 'Enter the email address of the council’s first administrator'
      : looksLikeEmail(email)
        ? undefined
        : EMAIL_FORMAT,
  };
}

/**
 * What the form says when adding a council failed. A failure on the service's side (Cognito busy, a
 * timeout) may leave the council part-made; the same details sent again finish it (the API resumes a
 * council that has no member yet: docs/architecture.md, section 6).
 */
export function councilFormErrors(err: unknown): { fields: FieldErrors; form?: string } {
  if (err instanceof ApiError && err.status >= 500) {
    return {
      fields: {},
      form: 'The council could not be finished just now. Nothing you entered is lost: select “Add council” again to finish it.',
    };
  }
  return formErrorsFrom(err, 'id');
}

/** A new council and its first administrator, who is invited by email (RAG and alert settings start at the defaults). */
export function CreateCouncilForm({
  onCreated,
}: {
  onCreated: (entry: CouncilEntry, adminEmail: string) => void;
}) {
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = check(f);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    try {
      const entry = await api.post('/api/v1/councils', {
        body: {
          id: f.id.trim(),
          name: f.name.trim(),
          financialYearStartMonth: Number(f.financialYearStartMonth),
          adminEmail: f.adminEmail.trim(),
          ...(f.adminName.trim() ? { adminName: f.adminName.trim() } : {}),
        },
      });
      setF(EMPTY);
      onCreated(entry, f.adminEmail.trim());
    } catch (err) {
      const { fields, form } = councilFormErrors(err);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="add-council"
      className="app-section-break app-form-column"
    >
      <h2 className="govuk-heading-l" id="add-council">
        Add a council
      </h2>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors, IDS)]} />
      <TextInput
        id={IDS.name}
        label="Council name"
        hint="As the council writes it, for example East Hertfordshire District Council"
        autoComplete="off"
        error={errors.name}
        value={f.name}
        onChange={set('name')}
      />
      <TextInput
        id={IDS.id}
        label="Council id"
        hint="Used in web addresses and cannot be changed: lower-case letters, numbers and hyphens, for example east-herts"
        width="20"
        autoComplete="off"
        spellCheck={false}
        error={errors.id}
        value={f.id}
        onChange={set('id')}
      />
      <Select
        id={IDS.financialYearStartMonth}
        label="Financial year starts in"
        hint="Reporting periods (mid-year, year-end) follow it"
        error={errors.financialYearStartMonth}
        value={f.financialYearStartMonth}
        onChange={set('financialYearStartMonth')}
        options={MONTHS.map((m, i) => ({ value: String(i + 1), text: m }))}
      />
      <h3 className="govuk-heading-m">First administrator</h3>
      <p className="govuk-body">
        They can sign in as soon as the council is added, and invite their colleagues on its Members page. RAG
        rules and alert settings start at PeoplePlan’s defaults: the administrator can change them.
      </p>
      <TextInput
        id={IDS.adminEmail}
        label="Email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errors.adminEmail}
        value={f.adminEmail}
        onChange={set('adminEmail')}
      />
      <TextInput
        id={IDS.adminName}
        label="Full name (optional)"
        autoComplete="off"
        error={errors.adminName}
        value={f.adminName}
        onChange={set('adminName')}
      />
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
        Add council
      </button>
    </form>
  );
}
