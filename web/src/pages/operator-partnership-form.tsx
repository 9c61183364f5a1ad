import { type FormEvent, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  Select,
  summaryFrom,
  Textarea,
  TextInput,
} from '../components/form.js';
import { api } from '../lib/api.js';
import { formErrorsFrom, looksLikeEmail, looksLikeSlug, SLUG_FORMAT } from '../lib/invite.js';
import type { CouncilEntry } from './operator.js';

type Reader = { email: string; name?: string };

const IDS = {
  name: 'partnership-name',
  id: 'partnership-id',
  memberCouncilIds: 'partnership-members',
  leadCouncilId: 'partnership-lead',
  readers: 'partnership-readers',
};
const EMPTY = { id: '', name: '', members: [] as string[], lead: '', readers: '' };

/** One reader a line: `sam@council.gov.uk` or `Sam Jones <sam@council.gov.uk>`; the first line that is neither. */
function parseReaders(text: string): { readers: Reader[]; problem?: string } {
  const readers: Reader[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const named = /^(.*?)\s*<([^<>\s]+)>$/.exec(line);
    const email = named ? named[2]! : line;
    if (!looksLikeEmail(email)) {
      return {
        readers,
        problem: `Line ${i + 1} (“${line}”) is not an email address: write one reader a line, like sam@council.gov.uk or Sam Jones <sam@council.gov.uk>`,
      };
    }
    readers.push({ email, ...(named?.[1] ? { name: named[1] } : {}) });
  }
  return { readers };
}

function check(f: typeof EMPTY): FieldErrors {
  const id = f.id.trim();
  return {
    name: f.name.trim() ? undefined : 'Enter the partnership’s name',
    id: !id ? 'Enter an id for the partnership' : looksLikeSlug(id) ? undefined : `The id ${SLUG_FORMAT}`,
    memberCouncilIds: f.members.length ? undefined : 'Choose the councils the partnership serves',
    leadCouncilId: f.lead ? undefined : 'Choose the lead council',
    readers: parseReaders(f.readers).problem,
  };
}

/**
 * A partnership (a shared service): its member councils are invited, and each still decides itself what
 * to share; its partner readers are invited by email.
 */
export function CreatePartnershipForm({
  councils,
  onCreated,
}: {
  councils: CouncilEntry[];
  onCreated: (name: string, readers: number) => void;
}) {
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const chosen = councils.filter((x) => f.members.includes(x.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = check(f);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    const { readers } = parseReaders(f.readers);
    try {
      await api.post('/api/v1/partnerships', {
        body: {
          id: f.id.trim(),
          name: f.name.trim(),
          leadCouncilId: f.lead,
          memberCouncilIds: chosen.map((x) => x.id),
          readers,
        },
      });
      setF(EMPTY);
      onCreated(f.name.trim(), readers.length);
    } catch (err) {
      const { fields, form } = formErrorsFrom(err, 'id');
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setF((x) => {
      const members = on ? [...x.members, id] : x.members.filter((m) => m !== id);
      return { ...x, members, lead: members.includes(x.lead) ? x.lead : '' };
    });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="add-partnership"
      className="app-section-break app-form-column"
    >
      <h2 className="govuk-heading-l" id="add-partnership">
        Set up a partnership
      </h2>
      <p className="govuk-body">
        A partnership is a shared service, such as an HR service one council runs for others. Each member
        council is invited, and its own administrators decide what it shares. Partner readers see only what
        the councils share, read-only.
      </p>
      <ErrorSummary
        errors={[
          ...(formError ? [{ text: formError }] : []),
          ...summaryFrom(errors, {
            ...IDS,
            memberCouncilIds: `${IDS.memberCouncilIds}-${councils[0]?.id ?? 'none'}`,
          }),
        ]}
      />
      <TextInput
        id={IDS.name}
        label="Partnership name"
        autoComplete="off"
        error={errors.name}
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.target.value })}
      />
      <TextInput
        id={IDS.id}
        label="Partnership id"
        hint="Used in web addresses: lower-case letters, numbers and hyphens, for example hr-shared-service"
        width="20"
        autoComplete="off"
        spellCheck={false}
        error={errors.id}
        value={f.id}
        onChange={(e) => setF({ ...f, id: e.target.value })}
      />
      <MemberCouncils
        councils={councils}
        chosen={f.members}
        toggle={toggle}
        error={errors.memberCouncilIds}
      />
      <Select
        id={IDS.leadCouncilId}
        label="Lead council"
        hint="The council that runs the shared service: choose from the member councils selected above"
        error={errors.leadCouncilId}
        value={f.lead}
        onChange={(e) => setF({ ...f, lead: e.target.value })}
        options={[
          { value: '', text: chosen.length ? 'Choose the lead council' : 'Select member councils first' },
          ...chosen.map((x) => ({ value: x.id, text: x.name })),
        ]}
      />
      <Textarea
        id={IDS.readers}
        label="Partner readers (optional)"
        hint="One a line: an email address, or a name and an email address like Sam Jones <sam@council.gov.uk>."
        spellCheck={false}
        error={errors.readers}
        value={f.readers}
        onChange={(e) => setF({ ...f, readers: e.target.value })}
      />
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
        Set up partnership
      </button>
    </form>
  );
}

/** The councils to invite, as checkboxes (GOV.UK checkboxes with a hint and an error message). */
function MemberCouncils({
  councils,
  chosen,
  toggle,
  error,
}: {
  councils: CouncilEntry[];
  chosen: string[];
  toggle: (id: string, on: boolean) => void;
  error: string | undefined;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={`${IDS.memberCouncilIds}-hint${error ? ` ${IDS.memberCouncilIds}-error` : ''}`}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Member councils</legend>
        <div className="govuk-hint" id={`${IDS.memberCouncilIds}-hint`}>
          Select every council the partnership serves, the lead council too. Only active councils are listed.
        </div>
        {error ? (
          <p className="govuk-error-message" id={`${IDS.memberCouncilIds}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {councils.map((x) => {
            const inputId = `${IDS.memberCouncilIds}-${x.id}`;
            return (
              <div className="govuk-checkboxes__item" key={x.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={inputId}
                  name={IDS.memberCouncilIds}
                  type="checkbox"
                  value={x.id}
                  checked={chosen.includes(x.id)}
                  onChange={(e) => toggle(x.id, e.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                  {x.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
