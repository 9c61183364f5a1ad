import type { CouncilRole } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import { ErrorSummary, Radios, Textarea } from '../components/form.js';
import { ScrollTable } from '../components/page.js';
import { TableHead } from '../components/table-head.js';
import { PlainTag } from '../components/tags.js';
import { api } from '../lib/api.js';
import { useFocusNext, useFocusOnMount } from '../lib/focus.js';
import { plural } from '../lib/format.js';
import { formErrorsFrom, ROLE_OPTIONS } from '../lib/invite.js';
import type { InviteRow } from '../lib/invite-list.js';
import { ROLE_LABELS } from '../lib/labels.js';
import type { Member } from './members.js';

const IDS = { list: 'invite-list', file: 'invite-list-file', role: 'invite-list-role' };
/** A list of a council's staff is a few KB; anything far larger is not one. */
const MOST_FILE_BYTES = 1_000_000;

type Sent = InviteRow & { invited?: Member; refused?: string };
type Step =
  | { at: 'write' }
  | { at: 'check'; rows: InviteRow[]; tooMany: boolean }
  | { at: 'send'; rows: Sent[]; done: number }
  | { at: 'sent'; rows: Sent[] };

/**
 * Invite a team at once: a list pasted from a spreadsheet, a CSV file or an email's recipients is read
 * in the browser (lib/invite-list.ts), shown row by row with what will happen to each, and then sent as
 * one invitation each through the same API call as "Invite someone", so each is checked, linked to its
 * person and audited as any other. What the API refuses is shown against its row; the rest are invited.
 */
export function InviteSeveral({
  c,
  members,
  onInvited,
}: {
  c: string;
  members: Member[];
  onInvited: (added: Member[]) => void;
}) {
  const [text, setText] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<{ id: string; text: string } | undefined>();
  const [step, setStep] = useState<Step>({ at: 'write' });
  /** What the last chosen file put in the box, said where the file was chosen (WCAG 4.1.3). */
  const [loaded, setLoaded] = useState('');
  const focusNext = useFocusNext();
  const fileError = error?.id === IDS.file ? error.text : undefined;

  const check = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError({ id: IDS.list, text: 'Paste or type the people to invite' });
    // The list reader (and its CSV library) loads only when someone has a list to read.
    const { readInviteList } = await import('../lib/invite-list.js');
    const read = readInviteList(text, { members, ...(role ? { defaultRole: role as CouncilRole } : {}) });
    if (!read.rows.length)
      return setError({ id: IDS.list, text: 'No one to invite was found: put one person on each row' });
    setError(undefined);
    setStep({ at: 'check', ...read });
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    setLoaded('');
    if (file.size > MOST_FILE_BYTES)
      return setError({ id: IDS.file, text: 'The file is larger than 1 MB: choose a list of people' });
    const read = (await file.text()).replace(/^\uFEFF/, '');
    setText(read);
    setError(undefined);
    // The rows land in the box above the file input, out of sight of someone on the input: say so.
    const lines = read.split(/\r?\n/).filter((l) => l.trim()).length;
    setLoaded(
      `${plural(lines, 'line')} of ${file.name} ${lines === 1 ? 'is' : 'are'} now in “Who to invite” above: check them there, then choose “Check the list”.`,
    );
  };

  const send = async (rows: InviteRow[]) => {
    const sent: Sent[] = rows.map((r) => ({ ...r }));
    const ready = sent.filter((r) => !r.problem);
    setStep({ at: 'send', rows: sent, done: 0 });
    // One at a time: each invitation creates a sign-in, and the API answers each on its own.
    for (const [i, r] of ready.entries()) {
      try {
        r.invited = await api.post('/api/v1/councils/{c}/members', {
          params: { path: { c } },
          body: { email: r.email!, role: r.role!, ...(r.name ? { name: r.name } : {}) },
        });
      } catch (err) {
        // What the API says is wrong with the row (its field's message), not "the request is not valid".
        const { fields, form } = formErrorsFrom(err, 'email');
        r.refused = Object.values(fields)[0] ?? form ?? 'Not invited';
      }
      setStep({ at: 'send', rows: [...sent], done: i + 1 });
    }
    setStep({ at: 'sent', rows: sent });
    onInvited(sent.flatMap((r) => (r.invited ? [r.invited] : [])));
  };

  // Back to the list, to change it or add to it: focus goes to it as it is drawn again.
  const restart = () => {
    setStep({ at: 'write' });
    focusNext(IDS.list);
  };

  return (
    <section aria-labelledby="invite-several" className="app-section-break">
      <h2 className="govuk-heading-l" id="invite-several">
        Invite several people
      </h2>
      {step.at === 'write' ? (
        <form onSubmit={check} noValidate className="app-form-column">
          <ErrorSummary errors={error ? [{ href: `#${error.id}`, text: error.text }] : []} />
          <Textarea
            id={IDS.list}
            label="Who to invite"
            labelClass="govuk-label--s"
            hint="One person to a row: their name, work email address and role (administrator, editor, contributor or viewer), in any order. Paste rows from a spreadsheet, a CSV file, or the To line of an email."
            rows={8}
            spellCheck={false}
            error={error?.id === IDS.list ? error.text : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={IDS.file}>
              Or choose a CSV or text file
            </label>
            <div className="govuk-hint" id={`${IDS.file}-hint`}>
              Its rows are put in the box above, to check and change before anything is sent
            </div>
            {fileError ? (
              <p className="govuk-error-message" id={`${IDS.file}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {fileError}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
              id={IDS.file}
              type="file"
              accept=".csv,.txt,.tsv"
              aria-describedby={`${IDS.file}-hint${fileError ? ` ${IDS.file}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => load(e.target.files?.[0])}
            />
            {/* In the page from the start, so that screen readers announce what it comes to say. */}
            <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" role="status">
              {loaded}
            </p>
          </div>
          <Radios
            id={IDS.role}
            legend="Role for rows that do not say one"
            small
            value={role}
            onChange={setRole}
            options={ROLE_OPTIONS.map(({ value, text }) => ({ value, text }))}
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Check the list
          </button>
        </form>
      ) : step.at === 'check' ? (
        <Review step={step} onSend={() => send(step.rows)} onChange={restart} />
      ) : step.at === 'send' ? (
        <p className="govuk-body" role="status">
          Sending invitations: {step.done} of {step.rows.filter((r) => !r.problem).length}
        </p>
      ) : (
        <Sent step={step} onAgain={restart} />
      )}
    </section>
  );
}

/** Each step's heading takes focus as the step opens (lib/focus.ts), so keyboard users land on it. */
function Review({
  step,
  onSend,
  onChange,
}: {
  step: Extract<Step, { at: 'check' }>;
  onSend: () => void;
  onChange: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const ready = step.rows.filter((r) => !r.problem).length;
  const left = step.rows.length - ready;
  return (
    <>
      <h3 className="govuk-heading-m" ref={heading} tabIndex={-1}>
        {plural(ready, 'person', 'people')} ready to invite
        {left ? `; ${plural(left, 'row')} will be left out` : ''}
      </h3>
      {step.tooMany ? (
        <div className="govuk-inset-text">Only the first 200 are shown: invite them, then the rest.</div>
      ) : null}
      <Rows rows={step.rows} />
      <div className="govuk-button-group">
        {ready ? (
          <button type="button" className="govuk-button" onClick={onSend}>
            Invite {plural(ready, 'person', 'people')}
          </button>
        ) : null}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onChange}>
          Change the list
        </button>
      </div>
    </>
  );
}

function Sent({ step, onAgain }: { step: Extract<Step, { at: 'sent' }>; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const invited = step.rows.filter((r) => r.invited).length;
  const notInvited = step.rows.length - invited;
  return (
    <>
      <h3 className="govuk-heading-m" ref={heading} tabIndex={-1}>
        {plural(invited, 'person', 'people')} invited
        {notInvited ? `; ${plural(notInvited, 'row')} not invited` : ''}
      </h3>
      <p className="govuk-body">
        Everyone invited can now sign in to PeoplePlan with their email address, and is in the list of members
        above.
        {notInvited ? ' The rows not invited say why: correct them and invite them again.' : ''}
      </p>
      <Rows rows={step.rows} />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onAgain}>
        Invite more people
      </button>
    </>
  );
}

const COLUMNS = ['Row', 'Name', 'Email', 'Role', 'What happens'] as const;

/** Each row as read, and what happens (or happened) to it, in words as well as a tag. */
function Rows({ rows }: { rows: Sent[] }) {
  return (
    <ScrollTable label="People to invite">
      <table className="govuk-table" data-testid="invite-rows">
        <TableHead columns={COLUMNS} />
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr className="govuk-table__row" key={`${r.row}-${r.email ?? r.name ?? ''}`} data-row={r.row}>
              <td className="govuk-table__cell">{r.row}</td>
              <td className="govuk-table__cell">
                {r.name ?? <span className="app-muted">From their email</span>}
              </td>
              <td className="govuk-table__cell app-break-anywhere">{r.email ?? ''}</td>
              <td className="govuk-table__cell">
                {r.role ? (
                  <>
                    {ROLE_LABELS[r.role]}
                    {r.roleChosen ? <span className="app-muted"> (chosen)</span> : null}
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">{outcomeOf(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function outcomeOf(r: Sent) {
  if (r.invited) return <PlainTag colour="green">Invited</PlainTag>;
  const why = r.problem ?? r.refused;
  if (!why) return <PlainTag colour="blue">Ready</PlainTag>;
  return (
    <>
      <PlainTag colour="grey">{r.refused ? 'Not invited' : 'Left out'}</PlainTag> {why}
    </>
  );
}
