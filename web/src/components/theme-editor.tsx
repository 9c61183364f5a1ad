import { type ThemeWords, themeWordsOf } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../lib/api.js';
import { useDraft, useDraftKeys } from '../lib/drafts.js';
import { useFocusNext, useFocusOnMount } from '../lib/focus.js';
import type { ActionRow, PlanContents, ThemeRow } from '../lib/responses.js';
import {
  ErrorSummary,
  type FieldErrors,
  refusal,
  SaveOrCancel,
  summaryFrom,
  Textarea,
  TextInput,
} from './form.js';
import { OrderList } from './order-list.js';
import { themeHeading } from './plan-view.js';
import { RemoveConfirm } from './remove-confirm.js';

type Plan = PlanContents['plan'];

/**
 * A plan's themes for editors: in order, each can be renamed or moved; new ones added at the end. An
 * empty theme (a line an import took for one, say) can be removed beside its name; one with actions says
 * they must be moved first (the API refuses it too).
 */
export function ThemesEditor({
  c,
  plan,
  themes,
  actions,
  onChanged,
}: {
  c: string;
  plan: Plan;
  themes: ThemeRow[];
  /** Every action of the plan (not only those a filter shows): a theme with any cannot be removed. */
  actions: Pick<ActionRow, 'themeId'>[];
  onChanged: (message?: string) => void;
}) {
  const words = themeWordsOf(plan);
  const sorted = [...themes].sort((x, y) => x.order - y.order);
  const drafted = useDraftKeys();
  const [renaming, setRenaming] = useState(() => sorted.find((t) => drafted(`theme-edit:${t.id}`))?.id);
  const [adding, setAdding] = useState(() => drafted(`theme-new:${plan.id}`));
  const [refused, setRefused] = useState<string | undefined>();
  const focusNext = useFocusNext();
  const chosen = sorted.find((t) => t.id === renaming);
  const used = new Set(actions.map((a) => a.themeId));
  return (
    <section className="app-section-break app-no-print" aria-labelledby="themes-editor">
      <h2 className="govuk-heading-m" id="themes-editor">
        {words.nouns} of this plan
      </h2>
      <p className="govuk-hint">
        Each {words.inSentence} groups the plan’s actions. Move them into the order the plan reads in.
      </p>
      <ErrorSummary errors={refused ? [{ text: refused }] : []} />
      {sorted.length ? (
        <OrderList
          label={`${words.nouns}, in order`}
          items={sorted.map((t) => ({ id: t.id, text: themeHeading(plan, t) }))}
          onMove={async (themeIds) => {
            await api.put('/api/v1/councils/{c}/plans/{planId}/theme-order', {
              params: { path: { c, planId: plan.id } },
              body: { themeIds },
            });
            onChanged();
          }}
          extra={(id) => {
            const theme = sorted.find((t) => t.id === id)!;
            const name = <span className="govuk-visually-hidden"> {themeHeading(plan, theme)}</span>;
            return (
              <>
                <button
                  type="button"
                  id={`rename-${id}`}
                  className="govuk-button govuk-button--secondary app-table-button"
                  onClick={() => {
                    setRefused(undefined);
                    setRenaming(id);
                  }}
                >
                  Rename{name}
                </button>
                {used.has(id) ? (
                  <span className="govuk-hint app-order-list__hint">
                    To remove it, move its actions to another {words.inSentence} first
                  </span>
                ) : (
                  <RemoveConfirm
                    small
                    label={<>Remove{name}</>}
                    question={`Remove “${theme.title}” from the plan? It has no actions.`}
                    onConfirm={async () => {
                      await api.del('/api/v1/councils/{c}/plans/{planId}/themes/{themeId}', {
                        params: {
                          path: { c, planId: plan.id, themeId: id },
                          query: { version: theme.version },
                        },
                      });
                      setRefused(undefined);
                      onChanged(`${words.noun} removed`);
                    }}
                    onRefused={(err) => setRefused((err as Error).message)}
                  />
                )}
              </>
            );
          }}
        />
      ) : (
        <p className="govuk-body">This plan has no {words.pluralInSentence} yet.</p>
      )}
      {chosen ? (
        <ThemeForm
          key={chosen.id}
          c={c}
          planId={plan.id}
          words={words}
          theme={chosen}
          onDone={(message) => {
            setRenaming(undefined);
            if (!message) focusNext(`rename-${chosen.id}`);
            onChanged(message);
          }}
        />
      ) : adding ? (
        <ThemeForm
          c={c}
          planId={plan.id}
          words={words}
          onDone={(message) => {
            setAdding(false);
            if (!message) focusNext('add-theme');
            onChanged(message);
          }}
        />
      ) : (
        <button
          type="button"
          id="add-theme"
          className="govuk-button govuk-button--secondary"
          onClick={() => setAdding(true)}
        >
          Add {words.withArticle}
        </button>
      )}
    </section>
  );
}

/** Add a theme, or (with `theme`) change its reference, title and description. */
function ThemeForm({
  c,
  planId,
  words,
  theme,
  onDone,
}: {
  c: string;
  planId: string;
  words: ThemeWords;
  theme?: ThemeRow;
  onDone: (message?: string) => void;
}) {
  const form = useDraft(theme ? `theme-edit:${theme.id}` : `theme-new:${planId}`, () => ({
    ref: theme?.ref ?? '',
    title: theme?.title ?? '',
    description: theme?.description ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const set = (k: 'ref' | 'title' | 'description', v: string) => form.set((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      'theme-title': form.value.title.trim() ? undefined : `Enter the ${words.inSentence}’s title`,
    };
    setErrors(v);
    if (v['theme-title']) return;
    const fields = {
      ref: form.value.ref.trim(),
      title: form.value.title.trim(),
      description: form.value.description.trim(),
    };
    try {
      const path = { c, planId };
      if (theme) {
        await api.patch('/api/v1/councils/{c}/plans/{planId}/themes/{themeId}', {
          params: { path: { ...path, themeId: theme.id } },
          body: { version: theme.version, ...fields },
        });
      } else {
        await api.post('/api/v1/councils/{c}/plans/{planId}/themes', { params: { path }, body: fields });
      }
      form.discard();
      onDone(`${words.noun} ${theme ? 'renamed' : 'added'}`);
    } catch (err) {
      const r = refusal(err, { title: 'theme-title' });
      setErrors(r.errors);
      setFormError(r.message);
    }
  };
  const prefix = theme ? 'Rename' : 'Add';
  return (
    <form
      onSubmit={submit}
      noValidate
      className="app-highlight govuk-!-margin-bottom-6"
      aria-labelledby="theme-form"
    >
      <h3 className="govuk-heading-s" id="theme-form" tabIndex={-1} ref={heading}>
        {theme ? `Rename ${words.inSentence} ${theme.ref || theme.title}` : `Add ${words.withArticle}`}
      </h3>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      <TextInput
        id="theme-ref"
        label="Number or reference (optional)"
        width="5"
        value={form.value.ref}
        onChange={(e) => set('ref', e.target.value)}
      />
      <TextInput
        id="theme-title"
        label="Title"
        error={errors['theme-title']}
        value={form.value.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <Textarea
        id="theme-description"
        label="Description (optional)"
        rows={3}
        value={form.value.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <SaveOrCancel
        save={prefix === 'Rename' ? 'Save' : `Add the ${words.inSentence}`}
        onCancel={() => {
          form.discard();
          onDone();
        }}
      />
    </form>
  );
}
