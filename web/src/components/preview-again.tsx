import { useEffect, useId, useState } from 'react';

/**
 * "Preview again…" on the import check: always reachable by Tab (a disabled button is skipped and says
 * nothing of why). Pressed before anything it depends on has changed, it says what to change instead,
 * beside it, in a status message; the message goes once something changes.
 */
export function PreviewAgainButton({
  label,
  changed,
  busy,
  unchanged,
  onPreviewAgain,
}: {
  label: string;
  changed: boolean;
  busy: boolean;
  /** What to change first, said when it is pressed with nothing changed. */
  unchanged: string;
  onPreviewAgain: () => void;
}) {
  const note = useId();
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (changed) setAsked(false);
  }, [changed]);
  return (
    <div className="govuk-button-group">
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-disabled={busy}
        aria-describedby={note}
        onClick={() => {
          if (busy) return;
          if (!changed) setAsked(true);
          else onPreviewAgain();
        }}
      >
        {label}
      </button>
      <p className="govuk-body" role="status" id={note}>
        {asked && !changed ? unchanged : ''}
      </p>
    </div>
  );
}
