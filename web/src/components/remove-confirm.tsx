import { type ReactNode, useRef, useState } from 'react';
import { useFocusOnMount } from '../lib/focus.js';

/**
 * A "Remove" button that asks first: the question and a "Yes, remove it" button, which takes focus,
 * beside "No, keep it". A refusal (`onConfirm` throws) is the caller's to show.
 */
export function RemoveConfirm({
  label,
  question,
  onConfirm,
  onRefused,
  small = false,
}: {
  /** "Remove this risk". */
  label: ReactNode;
  question: ReactNode;
  onConfirm: () => Promise<void>;
  onRefused: (err: unknown) => void;
  /** Smaller, for a button in a list of items. */
  small?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  // "No, keep it" (or a refusal) puts focus back on the button that asked.
  const back = useRef(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={`govuk-button govuk-button--warning${small ? ' app-table-button' : ''}`}
        ref={(el) => {
          if (el && back.current) {
            back.current = false;
            el.focus();
          }
        }}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <Question
      question={question}
      onYes={async () => {
        try {
          await onConfirm();
        } catch (err) {
          setAsking(false);
          onRefused(err);
        }
      }}
      onNo={() => {
        back.current = true;
        setAsking(false);
      }}
    />
  );
}

function Question({ question, onYes, onNo }: { question: ReactNode; onYes: () => void; onNo: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useFocusOnMount(yes);
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {question}
        <div className="govuk-button-group govuk-!-margin-top-2">
          <button type="button" ref={yes} className="govuk-button govuk-button--warning" onClick={onYes}>
            Yes, remove it
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onNo}>
            No, keep it
          </button>
        </div>
      </div>
    </div>
  );
}
