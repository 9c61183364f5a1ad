import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Loading, Page } from '../components/page.js';
import { completeCognitoSignIn } from '../lib/auth.js';
import { useSession } from '../lib/session.js';

/** Where the Cognito hosted UI sends the browser back with a code. */
export function AuthCallbackPage() {
  const { config, signIn } = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | undefined>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current || config.auth.mode !== 'cognito') return;
    started.current = true;
    completeCognitoSignIn(config.auth, window.location.search)
      .then(async (next) => {
        await signIn();
        navigate(next, { replace: true });
      })
      .catch((e: Error) => setError(e.message));
  }, [config, signIn, navigate]);
  return (
    <Page title={error ? 'Sign-in failed' : 'Signing you in'}>
      {error ? (
        <>
          <p className="govuk-body">{error}</p>
          <p className="govuk-body">
            <Link className="govuk-link" href="/sign-in">
              Sign in again
            </Link>
          </p>
        </>
      ) : (
        <Loading what="Signing you in" />
      )}
    </Page>
  );
}
