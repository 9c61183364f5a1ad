import { londonToday } from '@peopleplan/core';
import { type FormEvent, useState } from 'react';
import { DateField } from '../components/date-field.js';
import { ErrorSummary, refusal } from '../components/form.js';
import { api, isStale } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { type DateParts, isoOf, partsOf } from '../lib/plan-draft.js';
import type { PersonRow } from '../lib/responses.js';

/**
 * Marking a person as having left the council (editors), with the day they left (today, to begin
 * with): refused, in the API's words, while they still lead open actions. Someone who has left is not
 * offered as a lead or a plan's owner and gets no alerts; clearing it brings them back.
 */
export function MarkLeft({
  c,
  person,
  onChanged,
  onStale,
}: {
  c: string;
  person: PersonRow;
  onChanged: (sentence: string) => void;
  onStale: () => void;
}) {
  const [when, setWhen] = useState<DateParts>(() => partsOf(londonToday()));
  const [error, setError] = useState<{ href?: string; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const save = async (leftOn: string | null) => {
    setBusy(true);
    try {
      await api.patch('/api/v1/councils/{c}/people/{personId}', {
        params: { path: { c, personId: person.id } },
        body: { version: person.version, leftOn },
      });
      setError(undefined);
      onChanged(
        leftOn
          ? `${person.name} marked as having left on ${formatDate(leftOn)}.`
          : `${person.name} is back: they can lead actions and own plans again.`,
      );
    } catch (err) {
      // The API's words: a refusal says what to do first (hand their open actions over); a change
      // made meanwhile says to try again, with the person read afresh. Only a refusal of the day itself
      // goes beside the day: the others name no field, so they are in the summary alone (`refusal`).
      const r = refusal(err, leftOn ? { leftOn: 'left-on-day' } : {});
      const [onDay] = Object.values(r.errors);
      setError(
        r.message === undefined && onDay ? { href: '#left-on-day', text: onDay } : { text: r.message ?? '' },
      );
      if (isStale(err)) onStale();
    } finally {
      setBusy(false);
    }
  };

  if (person.leftOn) {
    return (
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(null);
        }}
        noValidate
        aria-labelledby="left-heading"
        className="app-section-break"
      >
        <h2 className="govuk-heading-m" id="left-heading">
          Left the council
        </h2>
        <ErrorSummary errors={error ? [error] : []} />
        <p className="govuk-body">
          {person.name} left on {formatDate(person.leftOn)}. They are not offered as a lead or a plan’s owner
          and get no alerts.
        </p>
        <button type="submit" id="left-back" className="govuk-button govuk-button--secondary" disabled={busy}>
          They have not left
        </button>
      </form>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const day = isoOf(when);
    if (!day) {
      setError({
        href: '#left-on-day',
        text:
          day === ''
            ? 'Enter the day they left'
            : 'Enter the day they left as a real date, for example 30 11 2026',
      });
      return;
    }
    void save(day);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="left-heading" className="app-section-break">
      <h2 className="govuk-heading-m" id="left-heading">
        Mark as left
      </h2>
      <ErrorSummary errors={error ? [error] : []} />
      <p className="govuk-body">
        When someone leaves the council, hand over what they lead first. Someone who has left is no longer
        offered as a lead or a plan’s owner and gets no alerts; the history still names them.
      </p>
      <DateField
        id="left-on"
        legend="The day they left"
        hint="For example 30 11 2026"
        error={error?.href === '#left-on-day' ? error.text : undefined}
        value={when}
        onChange={setWhen}
      />
      <button type="submit" className="govuk-button govuk-button--warning" disabled={busy}>
        Mark as left
      </button>
    </form>
  );
}
