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
    <ConfirmQuestion
      question={question}
      yes="Yes, remove it"
      no="No, keep it"
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

/**
 * The question asked before something that cannot be undone here, in a GOV.UK warning, with its yes and
 * no. Focus goes to the yes button, or to the question when it must be read first (a merge names who
 * goes where). Escape is "no".
 */
export function ConfirmQuestion({
  question,
  detail,
  yes,
  no,
  onYes,
  onNo,
  focus = 'yes',
  busy = false,
}: {
  question: ReactNode;
  detail?: ReactNode;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
  focus?: 'yes' | 'question';
  busy?: boolean;
}) {
  const yesRef = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(focus === 'yes' ? yesRef : questionRef);
  // Escape answers no, as it closes a dialog: focus goes back where the caller puts it on "no".
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from the buttons inside, not a control of its own
    <div
      className="govuk-warning-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.stopPropagation();
          onNo();
        }
      }}
    >
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {focus === 'question' ? (
          <h3 className="govuk-heading-s" tabIndex={-1} ref={questionRef}>
            {question}
          </h3>
        ) : (
          question
        )}
        {detail}
        <div className="govuk-button-group govuk-!-margin-top-2">
          <button
            type="button"
            ref={yesRef}
            className="govuk-button govuk-button--warning"
            disabled={busy}
            aria-disabled={busy}
            onClick={onYes}
          >
            {yes}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onNo}>
            {no}
          </button>
        </div>
      </div>
    </div>
  );
}
