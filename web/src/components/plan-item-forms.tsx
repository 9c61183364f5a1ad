import type { Timescale } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import { api, isStale } from '../lib/api.js';
import { useDraft } from '../lib/drafts.js';
import { useFocusOnMount } from '../lib/focus.js';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  refusal,
  SaveOrCancel,
  summaryFrom,
  Textarea,
  TextInput,
} from './form.js';
import { RemoveConfirm } from './remove-confirm.js';
import { readTimescale, type TimescaleContext, TimescaleInput } from './timescale-input.js';

/** The plan's other tables that editors add to and change (seed 003: business plans). */
export type ItemKind = 'indicators' | 'risks' | 'continuity' | 'decisions';

type FieldType = 'text' | 'textarea' | 'number' | 'direction' | 'values' | 'timescale';
interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  hint?: string;
  required?: boolean;
}

const t = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  type: 'text',
  ...extra,
});

export const ITEM_KINDS: Record<ItemKind, { one: string; fields: FieldSpec[] }> = {
  indicators: {
    one: 'performance indicator',
    fields: [
      t('ref', 'Reference (optional)'),
      t('name', 'Indicator', { required: true }),
      t('unit', 'Unit (optional)', { hint: 'For example days, %, or people' }),
      { key: 'goodDirection', label: 'Which way is better', type: 'direction' },
      { key: 'floorStandard', label: 'Floor standard (optional)', type: 'number' },
      t('benchmark', 'Benchmark (optional)'),
      { key: 'targets', label: 'Targets', type: 'values', hint: 'One a period, for example 2026-27 Q1' },
      { key: 'actuals', label: 'Actuals', type: 'values', hint: 'What was achieved, one a period' },
    ],
  },
  risks: {
    one: 'risk',
    fields: [
      t('ref', 'Reference (optional)'),
      { key: 'description', label: 'Risk', type: 'textarea', required: true },
      t('likelihood', 'Likelihood (optional)'),
      t('impact', 'Impact (optional)'),
      { key: 'mitigation', label: 'Mitigation (optional)', type: 'textarea' },
      t('ownerLabel', 'Owner (optional)'),
    ],
  },
  continuity: {
    one: 'business continuity function',
    fields: [
      t('name', 'Critical function', { required: true }),
      t('timescale', 'Recovery timescale (optional)', { hint: 'As written, for example 24 hours' }),
      { key: 'minimumServiceLevel', label: 'Minimum service level (optional)', type: 'textarea' },
    ],
  },
  decisions: {
    one: 'key decision',
    fields: [
      t('ref', 'Reference (optional)'),
      t('title', 'Decision', { required: true }),
      t('decisionMaker', 'Decision maker (optional)'),
      { key: 'due', label: 'When (optional)', type: 'timescale' },
      { key: 'description', label: 'Description (optional)', type: 'textarea' },
    ],
  },
};

type Row = { period: string; value: string };
type Values = Record<string, string | Row[]>;
type Item = Record<string, unknown> & { id: string; version: number };

/** An item's values as the form holds them: text as typed, numbers as strings, rows of period values. */
function valuesOf(kind: ItemKind, item: Item | undefined): Values {
  const out: Values = {};
  for (const f of ITEM_KINDS[kind].fields) {
    const v = item?.[f.key];
    if (f.type === 'values')
      out[f.key] = ((v as Array<{ period: string; value: number | null }>) ?? []).map((r) => ({
        period: r.period,
        value: r.value === null ? '' : String(r.value),
      }));
    else if (f.type === 'timescale') out[f.key] = (v as Timescale | undefined)?.text ?? '';
    else if (f.type === 'direction') out[f.key] = (v as string) ?? 'up';
    else out[f.key] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}

function check(kind: ItemKind, v: Values): FieldErrors {
  const e: FieldErrors = {};
  for (const f of ITEM_KINDS[kind].fields) {
    const val = v[f.key];
    if (f.required && !String(val).trim()) e[`item-${f.key}`] = `Enter the ${f.label.toLowerCase()}`;
    if (f.type === 'number' && String(val).trim() && !Number.isFinite(Number(val)))
      e[`item-${f.key}`] = `${f.label.replace(' (optional)', '')} must be a number`;
    if (f.type === 'values')
      (val as Row[]).forEach((r, i) => {
        if (!r.period.trim()) e[`item-${f.key}-${i + 1}-period`] = `${f.label}: row ${i + 1} needs a period`;
        if (r.value.trim() && !Number.isFinite(Number(r.value)))
          e[`item-${f.key}-${i + 1}-value`] = `${f.label}: row ${i + 1} must be a number`;
      });
  }
  return e;
}

async function bodyOf(kind: ItemKind, v: Values, item: Item | undefined, context: TimescaleContext) {
  const body: Record<string, unknown> = item ? { version: item.version } : {};
  for (const f of ITEM_KINDS[kind].fields) {
    const val = v[f.key]!;
    if (f.type === 'values')
      body[f.key] = (val as Row[]).map((r) => ({
        period: r.period.trim(),
        value: r.value.trim() ? Number(r.value) : null,
      }));
    else if (f.type === 'number') {
      if (String(val).trim()) body[f.key] = Number(val);
      else if (item) body[f.key] = null;
    } else if (f.type === 'timescale') {
      const ts = await readTimescale(String(val), item?.[f.key] as Timescale | undefined, context);
      if (ts) body[f.key] = ts;
    } else if (String(val).trim() || item) body[f.key] = String(val).trim();
  }
  return body;
}

/** Add an item to one of the plan's tables, or (with `item`) change it. */
export function ItemForm({
  c,
  planId,
  kind,
  item,
  context,
  onDone,
}: {
  c: string;
  planId: string;
  kind: ItemKind;
  item?: Item | undefined;
  context: TimescaleContext;
  onDone: (message?: string) => void;
}) {
  const spec = ITEM_KINDS[kind];
  const form = useDraft(`item:${kind}:${item?.id ?? `new:${planId}`}`, () => valuesOf(kind, item));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const set = (k: string, val: string | Row[]) => form.set((v) => ({ ...v, [k]: val }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = check(kind, form.value);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    try {
      const body = (await bodyOf(kind, form.value, item, context)) as never;
      const path = { c, planId };
      if (item) {
        // The four tables share one route shape (functions/api/src/routes/plan-items.ts).
        const patch = api.patch as (p: string, init: object) => Promise<unknown>;
        await patch(`/api/v1/councils/{c}/plans/{planId}/${kind}/{id}`, {
          params: { path: { ...path, id: item.id } },
          body,
        });
      } else {
        const post = api.post as (p: string, init: object) => Promise<unknown>;
        await post(`/api/v1/councils/{c}/plans/{planId}/${kind}`, { params: { path }, body });
      }
      form.discard();
      onDone(`${spec.one.charAt(0).toUpperCase()}${spec.one.slice(1)} ${item ? 'saved' : 'added'}`);
    } catch (err) {
      const r = refusal(err, (path) => `item-${path.split('.')[0]}`);
      setErrors(r.errors);
      setFormError(
        isStale(err)
          ? 'Someone else changed this while you were editing. Your changes are still in the form: cancel to see theirs.'
          : r.message,
      );
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="app-highlight govuk-!-margin-bottom-6"
      aria-labelledby="item-form"
    >
      <h3 className="govuk-heading-m" id="item-form" tabIndex={-1} ref={heading}>
        {item ? `Change this ${spec.one}` : `Add a ${spec.one}`}
      </h3>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      {spec.fields.map((f) => (
        <ItemField
          key={f.key}
          field={f}
          value={form.value[f.key]!}
          onChange={(v) => set(f.key, v)}
          errors={errors}
          context={context}
        />
      ))}
      <SaveOrCancel
        save={item ? 'Save' : `Add the ${spec.one}`}
        onCancel={() => {
          form.discard();
          onDone();
        }}
      />
      {item ? (
        // A record an import read wrongly, or one entered twice; the plan's history keeps what it held.
        <RemoveConfirm
          label={`Remove this ${spec.one}`}
          question={`Remove this ${spec.one} from the plan? The plan’s history keeps what it said.`}
          onConfirm={async () => {
            const del = api.del as (p: string, init: object) => Promise<unknown>;
            await del(`/api/v1/councils/{c}/plans/{planId}/${kind}/{id}`, {
              params: { path: { c, planId, id: item.id }, query: { version: item.version } },
            });
            form.discard();
            onDone(`${spec.one.charAt(0).toUpperCase()}${spec.one.slice(1)} removed`);
          }}
          onRefused={(err) =>
            setFormError(
              isStale(err)
                ? 'Someone else changed this while you were looking at it: cancel to see their changes, then remove it.'
                : (err as Error).message,
            )
          }
        />
      ) : null}
    </form>
  );
}

function ItemField({
  field: f,
  value,
  onChange,
  errors,
  context,
}: {
  field: FieldSpec;
  value: string | Row[];
  onChange: (v: string | Row[]) => void;
  errors: FieldErrors;
  context: TimescaleContext;
}) {
  const id = `item-${f.key}`;
  const common = { id, label: f.label, hint: f.hint, error: errors[id] };
  switch (f.type) {
    case 'textarea':
      return (
        <Textarea {...common} rows={3} value={value as string} onChange={(e) => onChange(e.target.value)} />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          width="10"
          value={value as string}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'timescale':
      return (
        <TimescaleInput
          id={id}
          label={f.label}
          original={undefined}
          text={value as string}
          onText={onChange}
          context={context}
        />
      );
    case 'direction':
      return (
        <Radios
          id={id}
          legend={f.label}
          small
          inline
          value={value as string}
          onChange={onChange}
          options={[
            { value: 'up', text: 'Higher' },
            { value: 'down', text: 'Lower' },
            { value: 'none', text: 'Neither' },
          ]}
        />
      );
    case 'values':
      return <ValueRows field={f} rows={value as Row[]} onChange={onChange} errors={errors} />;
    default:
      return <TextInput {...common} value={value as string} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** Targets or actuals: one row a period. */
function ValueRows({
  field: f,
  rows,
  onChange,
  errors,
}: {
  field: FieldSpec;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  errors: FieldErrors;
}) {
  const change = (i: number, p: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{f.label}</legend>
      {f.hint ? <div className="govuk-hint">{f.hint}</div> : null}
      {rows.map((r, i) => {
        const n = i + 1;
        const base = `item-${f.key}-${n}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <div className="app-lead-row" key={i}>
            <TextInput
              id={`${base}-period`}
              label={`${f.label} ${n}: period`}
              error={errors[`${base}-period`]}
              value={r.period}
              onChange={(e) => change(i, { period: e.target.value })}
            />
            <TextInput
              id={`${base}-value`}
              label={`${f.label} ${n}: value`}
              inputMode="decimal"
              error={errors[`${base}-value`]}
              value={r.value}
              onChange={(e) => change(i, { value: e.target.value })}
            />
            <div className="govuk-form-group">
              <button
                type="button"
                className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove<span className="govuk-visually-hidden">{` ${f.label.toLowerCase()} ${n}`}</span>
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...rows, { period: '', value: '' }])}
      >
        Add a row<span className="govuk-visually-hidden"> to {f.label.toLowerCase()}</span>
      </button>
    </fieldset>
  );
}
