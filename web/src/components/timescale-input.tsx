import type { Timescale } from '@peopleplan/core';
import { useEffect, useState } from 'react';
import { startMeaning, timescaleMeaning } from '../lib/format.js';
import { TextInput } from './form.js';

type Parser = (
  text: string,
  ctx: { anchor?: string; period?: { start?: string; end?: string } },
) => Timescale;
type Reader = { parse: Parser; asStart: (t: Timescale) => Timescale };
let parser: Promise<Reader> | undefined;
/** The council-deadline parser loads only when someone edits a date. */
const loadParser = () => {
  parser ??= import('@peopleplan/timescale').then((m) => ({
    parse: m.parseTimescale as Parser,
    asStart: m.asStart,
  }));
  return parser;
};

export interface TimescaleContext {
  anchor?: string | undefined;
  period?: { start?: string | undefined; end?: string | undefined } | undefined;
  /** The field is a start: read from the first day of what it names ("June 2026": 1 June), as at import. */
  asStart?: boolean | undefined;
}

/** Read text in a plan's context: a start from the first day of what it names (timescale `asStart`). */
function read({ parse, asStart }: Reader, text: string, context: TimescaleContext): Timescale {
  const ctx: Parameters<Parser>[1] = {};
  if (context.anchor) ctx.anchor = context.anchor;
  if (context.period?.start || context.period?.end)
    ctx.period = {
      ...(context.period.start ? { start: context.period.start } : {}),
      ...(context.period.end ? { end: context.period.end } : {}),
    };
  const t = parse(text, ctx);
  return context.asStart ? asStart(t) : t;
}

/**
 * What a plan's deadlines are read against: its period, and the date "within 6 months" counts from.
 * That is the plan's start, as at import ("The plan starts on"), so a deadline typed in a form means
 * what the same words meant in the imported file; the approval date only when no start is known.
 */
export function planDeadlineContext(
  plan: { period: { start?: string; end?: string }; approval?: { date?: string } | undefined } | undefined,
): TimescaleContext {
  if (!plan) return {};
  return {
    anchor: plan.period.start ?? plan.approval?.date,
    period: { start: plan.period.start, end: plan.period.end },
  };
}

/**
 * A deadline typed the way councils write it ("April 08", "Q3 2026-27", "Post restructuring"), read
 * as the person types and shown back in words, so nothing is guessed silently.
 */
export function TimescaleInput({
  id,
  label,
  hint,
  error,
  original,
  text,
  onText,
  context,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** The stored value: kept as is while the text is unchanged (a person may have corrected it). */
  original: Timescale | undefined;
  text: string;
  onText: (text: string) => void;
  context: TimescaleContext;
}) {
  const parsed = useParsedTimescale(text, original, context);
  const shown = Boolean(text.trim() && parsed);
  return (
    <div className="app-timescale-input">
      <TextInput
        id={id}
        label={label}
        hint={hint ?? 'As written in the plan, for example “March 2027”, “Q3 2026-27”, “Ongoing”'}
        error={error}
        value={text}
        onChange={(e) => onText(e.target.value)}
        width="20"
        autoComplete="off"
        // How the words were read is part of the field: heard on reaching it as well as seen (WCAG 1.3.1).
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''} ${id}-read`}
      />
      {/* Always in the page, so that screen readers announce the first reading as well as changes. */}
      <p
        className={shown ? 'govuk-body-s app-timescale-read' : undefined}
        id={`${id}-read`}
        aria-live="polite"
      >
        {shown && parsed ? (
          <>
            Read as:{' '}
            <strong>
              {(context.asStart ? startMeaning(parsed) : timescaleMeaning(parsed)) || 'no date'}
            </strong>
            {parsed.note ? ` (${parsed.note})` : ''}
          </>
        ) : null}
      </p>
    </div>
  );
}

export function useParsedTimescale(
  text: string,
  original: Timescale | undefined,
  context: TimescaleContext,
): Timescale | undefined {
  const [parsed, setParsed] = useState<Timescale | undefined>(original);
  const anchor = context.anchor;
  const start = context.period?.start;
  const end = context.period?.end;
  const asStart = context.asStart;
  useEffect(() => {
    if (original && text === original.text) {
      setParsed(original);
      return;
    }
    if (!text.trim()) {
      setParsed(undefined);
      return;
    }
    let live = true;
    loadParser().then((reader) => {
      if (live) setParsed(read(reader, text, { anchor, period: { start, end }, asStart }));
    });
    return () => {
      live = false;
    };
  }, [text, original, anchor, start, end, asStart]);
  return parsed;
}

/** Parse now (for submitting): the stored value when the text is unchanged. */
export async function readTimescale(
  text: string,
  original: Timescale | undefined,
  context: TimescaleContext,
): Promise<Timescale | null> {
  if (!text.trim()) return null;
  if (original && original.text === text) return original;
  return read(await loadParser(), text, context);
}
