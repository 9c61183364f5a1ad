import type { ImportPreview } from '../lib/api-narrowings.js';
import { formatDate } from '../lib/format.js';
import type { LeadAnswer } from '../lib/import-plan.js';
import { personChoices } from '../lib/person-choices.js';
import type { PersonRow } from '../lib/responses.js';
import { ScrollTable } from './page.js';
import { TableHead } from './table-head.js';
import { PlainTag } from './tags.js';

type Answers = Record<string, LeadAnswer>;

const personText = (p: Pick<PersonRow, 'name' | 'roleLabel'>) =>
  p.roleLabel && p.roleLabel !== p.name ? `${p.name} (${p.roleLabel})` : p.name;

/**
 * Who leads the actions: each lead as the plan writes it, matched to the directory where it could be
 * (spacing, hyphens, case and common typos aside); a new lead can be said to be someone already in the
 * directory, or the same as another new lead, instead of becoming a new person. Likely duplicates come
 * first, with why.
 */
export function ImportPeople({
  people,
  directory,
  answers,
  setAnswers,
}: {
  people: ImportPreview['people'];
  directory: PersonRow[];
  answers: Answers;
  setAnswers: (a: Answers) => void;
}) {
  if (!people.leads.length) return null;
  const fresh = people.leads.filter((l) => !l.person).length;
  const gone = people.leads.some((l) => l.left);
  return (
    <section aria-labelledby="leads" className="app-section-break">
      <h2 className="govuk-heading-m" id="leads">
        Who leads the actions
      </h2>
      <p className="govuk-body">
        {fresh
          ? `${fresh} of ${people.leads.length} leads are not in the people directory${gone ? ' or have left the council' : ''}. Say who they are if you know; otherwise each is added as a new person without an email address, marked for checking.`
          : 'Every lead was found in the people directory.'}
      </p>
      {fresh ? (
        <p className="govuk-body">
          Someone you choose who has no label in plans yet takes the lead’s words as their label (“Head of
          HR”), so the next plan that names them so finds them by itself.
        </p>
      ) : null}
      <ScrollTable label="Leads of the plan">
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Leads of the plan</caption>
          <TableHead
            columns={[
              'As written in the plan',
              { label: 'Actions', className: 'app-col-narrow' },
              'Who it is',
            ]}
          />
          <tbody className="govuk-table__body">
            {people.leads.map((l, n) => (
              <tr className="govuk-table__row" key={l.label}>
                <th scope="row" className="govuk-table__header">
                  {l.person ? l.label : <label htmlFor={`lead-${n}`}>{l.label}</label>}
                </th>
                <td className="govuk-table__cell">{l.actions}</td>
                <td className="govuk-table__cell">
                  {l.person ? (
                    <>
                      {personText(l.person)}{' '}
                      {l.person.via === 'merged' ? (
                        <span className="app-lead-role">through a person merged into them</span>
                      ) : null}
                    </>
                  ) : (
                    <LeadChoice
                      id={`lead-${n}`}
                      label={l.label}
                      left={l.left}
                      candidates={people.suggestions.find((s) => s.label === l.label)?.candidates ?? []}
                      directory={directory}
                      value={answers[l.label] ?? 'new'}
                      onChange={(v) => setAnswers({ ...answers, [l.label]: v })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function LeadChoice({
  id,
  label,
  left,
  candidates,
  directory,
  value,
  onChange,
}: {
  id: string;
  label: string;
  left: ImportPreview['people']['leads'][number]['left'];
  candidates: ImportPreview['people']['suggestions'][number]['candidates'];
  directory: PersonRow[];
  value: LeadAnswer;
  onChange: (v: LeadAnswer) => void;
}) {
  const byId = new Map(directory.map((p) => [p.id, p]));
  const suggested = new Set(candidates.flatMap((c) => (c.personId ? [c.personId] : [])));
  const hints = [left ? `${id}-left` : '', candidates.length ? `${id}-hint` : ''].filter(Boolean);
  return (
    <>
      {left ? (
        <div className="govuk-hint" id={`${id}-left`}>
          {left.name} left the council on {formatDate(left.leftOn)} and leads nothing new: choose who leads
          these actions now.
        </div>
      ) : null}
      {candidates.length ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          <PlainTag colour="yellow">Possible duplicate</PlainTag>{' '}
          {candidates
            .map(
              (c) =>
                `“${c.personId ? personText(byId.get(c.personId) ?? { name: c.label }) : c.label}”: ${c.explanation}`,
            )
            .join('; ')}
        </div>
      ) : null}
      <select
        className="govuk-select"
        id={id}
        value={value}
        aria-describedby={hints.length ? hints.join(' ') : undefined}
        onChange={(e) => onChange(e.target.value as LeadAnswer)}
      >
        <option value="new">
          Add “{label}” as a new person{left ? ', to check' : ''}
        </option>
        {candidates.length ? (
          <optgroup label="Likely the same">
            {candidates.map((c) =>
              c.personId ? (
                <option key={c.personId} value={`person:${c.personId}`}>
                  {personText(byId.get(c.personId) ?? { name: c.label })}
                </option>
              ) : (
                <option key={c.label} value={`same:${c.label}`}>
                  The same as “{c.label}”, also new in this plan
                </option>
              ),
            )}
          </optgroup>
        ) : null}
        <optgroup label="Everyone in the people directory">
          {personChoices(directory, value.startsWith('person:') ? value.slice(7) : undefined)
            .filter((p) => !suggested.has(p.id))
            .map((p) => (
              <option key={p.id} value={`person:${p.id}`}>
                {personText(p)}
              </option>
            ))}
        </optgroup>
      </select>
    </>
  );
}
