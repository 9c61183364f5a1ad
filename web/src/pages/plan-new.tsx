import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ErrorSummary, Radios, refusal, summaryFrom, Textarea } from '../components/form.js';
import { Page } from '../components/page.js';
import { PlanFields, planFieldId } from '../components/plan-fields.js';
import { api } from '../lib/api.js';
import { useDraft } from '../lib/drafts.js';
import {
  draftThemeWords,
  emptyPlanDraft,
  type PlanDraft,
  type PlanErrors,
  planBody,
  validatePlan,
} from '../lib/plan-draft.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

interface NewPlanDraft extends PlanDraft {
  /** One theme a line, in order. */
  themes: string;
  status: 'draft' | 'active';
}

/** Creating a plan from nothing (issue 16): its details, its first themes, draft or active at once. */
export default function NewPlanPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const [, navigate] = useLocation();
  const people = useApi('/api/v1/councils/{c}/people', can('editor') ? { path: { c } } : null);
  const form = useDraft<NewPlanDraft>('plan-new', () => ({
    ...emptyPlanDraft(),
    themes: '',
    status: 'draft',
  }));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  if (!can('editor')) {
    return (
      <Page title="Create a plan" crumbs={crumbs}>
        <p className="govuk-body">Only the council’s editors and administrators create plans.</p>
      </Page>
    );
  }
  const set = <K extends keyof NewPlanDraft>(k: K, v: NewPlanDraft[K]) => form.set((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validatePlan(form.value);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    try {
      const themes = form.value.themes
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean)
        .map((title) => ({ title }));
      const created = await api.post('/api/v1/councils/{c}/plans', {
        params: { path: { c } },
        body: { ...planBody(form.value), status: form.value.status, themes },
      });
      form.discard();
      navigate(`/councils/${c}/plans/${created.id}?created=1`);
    } catch (err) {
      const r = refusal(err, planFieldId);
      setErrors(r.errors);
      setFormError(r.message);
      setBusy(false);
    }
  };

  // The groups field is named by the word the plan will use, as the kind and word are chosen above it.
  const words = draftThemeWords(form.value);
  return (
    <Page title="Create a plan" caption={council?.name} crumbs={crumbs}>
      <form onSubmit={submit} noValidate className="app-form-column">
        <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
        {form.restored ? (
          <p className="govuk-inset-text">
            What you typed before has been kept. Check it and create the plan.
          </p>
        ) : null}
        <PlanFields
          draft={form.value}
          set={(k, v) => form.set((d) => ({ ...d, [k]: v }))}
          errors={errors}
          people={people.data?.items ?? []}
        />
        <Textarea
          id="themes"
          label={`${words.nouns} (optional)`}
          hint={`The plan’s ${words.pluralInSentence}, one a line, in order. You can add, rename and reorder them later.`}
          rows={4}
          value={form.value.themes}
          onChange={(e) => set('themes', e.target.value)}
        />
        <Radios
          id="status"
          legend="Start it as"
          value={form.value.status}
          onChange={(v) => set('status', v as NewPlanDraft['status'])}
          options={[
            { value: 'draft', text: 'A draft', hint: 'Not reported on until it is made active' },
            { value: 'active', text: 'An active plan', hint: 'Reported on from today' },
          ]}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Create the plan
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              form.discard();
              navigate(`/councils/${c}`);
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </Page>
  );
}
