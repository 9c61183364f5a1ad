import { type FormEvent, useState } from 'react';
import { ErrorSummary, Radios, Select } from '../components/form.js';
import { ConfirmQuestion } from '../components/remove-confirm.js';
import { ApiError, api } from '../lib/api.js';
import type { PersonRow } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';

/** What a merge did: the person kept, the one merged away, and how many references moved. */
type Merged = Awaited<ReturnType<typeof mergeInto>>;

const describe = (p: Pick<PersonRow, 'name' | 'roleLabel' | 'email'>) =>
  [p.name, p.roleLabel && p.roleLabel !== p.name ? `“${p.roleLabel}” in plans` : '', p.email ?? 'no email']
    .filter(Boolean)
    .join(', ');

/** One merge through the API (functions/api/src/routes/people.ts): every reference moves to `into`. */
export function mergeInto(c: string, from: PersonRow, into: PersonRow) {
  return api.post('/api/v1/councils/{c}/people/{personId}/merge', {
    params: { path: { c, personId: from.id } },
    body: { into: into.id, version: from.version },
  });
}

/** The banner's sentence for a merge. */
export function mergedSentence(r: Merged): string {
  const parts = [
    r.moved.actions && `${r.moved.actions} ${r.moved.actions === 1 ? 'action' : 'actions'}`,
    r.moved.plans && `${r.moved.plans} ${r.moved.plans === 1 ? 'plan' : 'plans'}`,
    r.moved.members && `${r.moved.members} ${r.moved.members === 1 ? 'user' : 'users'}`,
  ].filter(Boolean);
  return `${r.merged.name} merged into ${r.person.name}${parts.length ? `: ${parts.join(', ')} moved across` : ''}.`;
}

const mergeError = (err: unknown) =>
  err instanceof ApiError && err.status === 409
    ? 'Someone changed one of these people meanwhile. The list has been reloaded: check it and try again.'
    : (err as Error).message;

/**
 * Likely duplicates in the directory (spelling, a typo, an initial, a surname alone), each group with a
 * choice of who stays: the others are merged into them, keeping every action, plan and user they were
 * linked to, and the history.
 */
export function DuplicatePeople({ c, onMerged }: { c: string; onMerged: (sentence: string) => void }) {
  const dups = useApi('/api/v1/councils/{c}/people/duplicates', { path: { c } });
  const groups = dups.data?.items ?? [];
  if (!groups.length) return null;
  return (
    <section aria-labelledby="duplicates" className="app-section-break">
      <h2 className="govuk-heading-m" id="duplicates">
        Possible duplicates ({groups.length})
      </h2>
      <p className="govuk-body">
        These look like one person written in different ways. Choose who to keep: the others are merged into
        them. Every action they lead, plan they own and user linked to them moves across; the history is kept.
      </p>
      {groups.map((g) => (
        <DuplicateGroup
          key={g.people.map((p) => p.id).join('-')}
          c={c}
          people={g.people}
          explanation={g.explanation}
          onMerged={(s) => {
            dups.reload();
            onMerged(s);
          }}
          onStale={dups.reload}
        />
      ))}
    </section>
  );
}

function DuplicateGroup({
  c,
  people,
  explanation,
  onMerged,
  onStale,
}: {
  c: string;
  people: PersonRow[];
  explanation: string;
  onMerged: (sentence: string) => void;
  onStale: () => void;
}) {
  const id = `keep-${people[0]!.id}`;
  // Offered first: the one alerts can reach, else one someone has checked.
  const likely = people.find((p) => p.email) ?? people.find((p) => !p.unresolved) ?? people[0]!;
  const [keep, setKeep] = useState(likely.id);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // A merge moves every reference and is not undone here: it is confirmed first, naming who goes where.
  const [confirming, setConfirming] = useState(false);
  const into = people.find((p) => p.id === keep)!;
  const merged = people.filter((p) => p.id !== keep);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(true);
  };
  const merge = async () => {
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    try {
      const done: string[] = [];
      for (const from of merged) done.push(mergedSentence(await mergeInto(c, from, into)));
      onMerged(done.join(' '));
    } catch (err) {
      setError(mergeError(err));
      onStale();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="app-duplicate-group">
      <ErrorSummary errors={error ? [{ href: `#${id}`, text: error }] : []} />
      <Radios
        id={id}
        legend={`Keep which of these ${people.length}?`}
        hint={`Likely the same person: ${explanation}.`}
        error={error}
        value={keep}
        onChange={(v) => {
          setKeep(v);
          setConfirming(false);
        }}
        small
        options={people.map((p) => ({ value: p.id, text: describe(p) }))}
      />
      {confirming ? (
        <MergeConfirm
          what={`Merge ${merged.map((p) => p.name).join(' and ')} into ${into.name}?`}
          busy={busy}
          onYes={merge}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          type="submit"
          className="govuk-button govuk-button--secondary"
          disabled={busy}
          aria-disabled={busy}
        >
          Merge the others into the one kept
        </button>
      )}
    </form>
  );
}

/** On a person's page: merge them into anyone else in the directory. */
export function MergePersonForm({
  c,
  person,
  directory,
  onMerged,
  onStale,
}: {
  c: string;
  person: PersonRow;
  directory: PersonRow[];
  onMerged: (sentence: string) => void;
  onStale: () => void;
}) {
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const others = directory.filter((p) => p.id !== person.id);
  const target = others.find((p) => p.id === into);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) {
      setError(`Choose who ${person.name} is the same person as`);
      return;
    }
    setError(undefined);
    setConfirming(true);
  };
  const merge = async (target: PersonRow) => {
    setConfirming(false);
    try {
      onMerged(mergedSentence(await mergeInto(c, person, target)));
    } catch (err) {
      setError(mergeError(err));
      onStale();
    }
  };
  if (!others.length) return null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="merge" className="app-section-break">
      <h2 className="govuk-heading-m" id="merge">
        Merge with another person
      </h2>
      <ErrorSummary errors={error ? [{ href: '#merge-into', text: error }] : []} />
      <Select
        id="merge-into"
        label={`${person.name} is the same person as`}
        hint={`${person.name} is then kept only as a record pointing at them: every action, plan and user linked to ${person.name} moves across, and the history is kept.`}
        error={error}
        value={into}
        onChange={(e) => {
          setInto(e.target.value);
          setConfirming(false);
        }}
        options={[
          { value: '', text: 'Choose a person' },
          ...others.map((p) => ({ value: p.id, text: describe(p) })),
        ]}
      />
      {confirming && target ? (
        <MergeConfirm
          what={`Merge ${person.name} into ${target.name}?`}
          busy={false}
          onYes={() => merge(target)}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="submit" className="govuk-button govuk-button--warning">
          Merge into this person
        </button>
      )}
    </form>
  );
}

/** The step before a merge: what will happen, said plainly, with the way back; the question takes focus. */
function MergeConfirm({
  what,
  busy,
  onYes,
  onCancel,
}: {
  what: string;
  busy: boolean;
  onYes: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmQuestion
      question={what}
      detail={
        <p className="govuk-body">
          Every action, plan and user linked to them moves across, and the history is kept. It cannot be
          undone here.
        </p>
      }
      yes="Yes, merge"
      no="Cancel"
      focus="question"
      busy={busy}
      onYes={onYes}
      onNo={onCancel}
    />
  );
}
