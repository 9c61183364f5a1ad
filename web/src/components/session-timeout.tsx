import { useCallback, useEffect, useRef, useState } from 'react';
import { extendSignIn, signInEndsAt } from '../lib/auth.js';
import type { AuthConfig } from '../lib/config.js';

/** How long before the sign-in ends the person is asked: long enough to read the notice and answer. */
export const WARN_BEFORE_MS = 2 * 60_000;

/**
 * The sign-in lasts an hour (Cognito's access token). Two minutes before it ends, a dialog says so and
 * offers to stay signed in, which fetches a new token with the refresh token (lib/auth.ts): WCAG 2.2.1,
 * a time limit the person is warned of and can extend with one key press, many times (the refresh token
 * lasts 12 hours). Escape stays signed in too: nobody is signed out for dismissing a notice. If the
 * sign-in cannot be extended, the dialog says to sign in again; forms keep what was typed (lib/drafts.ts).
 */
export function SessionTimeout({ auth, onEnded }: { auth: AuthConfig; onEnded: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [endsAt, setEndsAt] = useState(signInEndsAt);
  const [state, setState] = useState<'closed' | 'asking' | 'extending' | 'refused'>('closed');

  useEffect(() => {
    if (endsAt === undefined) return;
    const timer = window.setTimeout(
      () => setState((s) => (s === 'closed' ? 'asking' : s)),
      Math.max(0, endsAt - WARN_BEFORE_MS - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [endsAt]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (state !== 'closed' && !d.open) d.showModal();
    // Its one action takes focus, in each of its states (the button is new when the answer changes).
    if (state === 'asking' || state === 'refused') d.querySelector('button')?.focus();
    // Closing a modal dialog gives focus back to where it was (the field being typed in).
    if (state === 'closed' && d.open) d.close();
  }, [state]);

  const stay = useCallback(async () => {
    setState('extending');
    if (await extendSignIn(auth)) {
      setEndsAt(signInEndsAt());
      setState('closed');
    } else setState('refused');
  }, [auth]);

  const minutes = Math.max(1, Math.round(((endsAt ?? Date.now()) - Date.now()) / 60_000));
  return (
    <dialog
      ref={dialog}
      className="app-session-dialog"
      aria-labelledby="session-dialog-title"
      aria-describedby="session-dialog-text"
      onCancel={(e) => {
        // Escape: stay signed in, unless it can no longer be done.
        e.preventDefault();
        if (state === 'asking') void stay();
      }}
    >
      {state === 'refused' ? (
        <>
          <h2 className="govuk-heading-m" id="session-dialog-title">
            You need to sign in again
          </h2>
          <p className="govuk-body" id="session-dialog-text">
            Your sign-in could not be kept going. Anything you have typed is kept: it will be there after you
            sign in.
          </p>
          <button type="button" className="govuk-button" data-module="govuk-button" onClick={onEnded}>
            Sign in again
          </button>
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m" id="session-dialog-title">
            You will be signed out soon
          </h2>
          <p className="govuk-body" id="session-dialog-text">
            To keep your council’s information safe, you will be signed out in{' '}
            {minutes === 1 ? 'about a minute' : `${minutes} minutes`} if you do nothing. Anything you have
            typed is kept.
          </p>
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={state === 'extending'}
            aria-disabled={state === 'extending'}
            onClick={() => {
              if (state === 'asking') void stay();
            }}
          >
            Stay signed in
          </button>
        </>
      )}
    </dialog>
  );
}
