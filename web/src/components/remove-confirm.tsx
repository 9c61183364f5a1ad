import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A "Remove" button that asks first: the question and a "Yes, remove it" button, which takes focus,
 * beside "No, keep it". A refusal (`onConfirm` throws) is the caller's to show.
 */
export function RemoveConfirm({
  label,
  question,
  onConfirm,
  onRefused,
}: {
  /** "Remove this risk". */
  label: string;
  question: ReactNode;
  onConfirm: () => Promise<void>;
  onRefused: (err: unknown) => void;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="govuk-button govuk-button--warning" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {question}
        <div className="govuk-button-group govuk-!-margin-top-2">
          <button
            type="button"
            ref={yes}
            className="govuk-button govuk-button--warning"
            onClick={async () => {
              try {
                await onConfirm();
              } catch (err) {
                setAsking(false);
                onRefused(err);
              }
            }}
          >
            Yes, remove it
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setAsking(false)}
          >
            No, keep it
          </button>
        </div>
      </div>
    </div>
  );
}
