import { useEffect, useRef, useState } from 'react';
import { api } from '../lib/api.js';
import { focusMessage, useFocusOnMount } from '../lib/focus.js';
import { formatDateTime } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { LoadError } from './page.js';

type Scope = 'person' | 'plan';
interface Created {
  url: string;
  webcalUrl: string;
}

const paths = {
  person: '/api/v1/councils/{c}/people/{personId}/calendar-feed',
  plan: '/api/v1/councils/{c}/plans/{planId}/calendar-feed',
} as const;

/** The feed's private address once made: copy it, or open it in a calendar app (`webcal:`). */
function FeedLink({ feed }: { feed: Created }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | undefined>();
  useFocusOnMount(heading);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied('Address copied.');
    } catch {
      // No clipboard (an old browser, or permission refused): the address is selected to copy by hand.
      const input = document.getElementById('feed-url') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setCopied('The address is selected: copy it with your keyboard or menu.');
    }
  };
  return (
    <div className="app-highlight" data-testid="feed-link">
      <h3 className="govuk-heading-s" tabIndex={-1} ref={heading}>
        Your calendar feed is ready
      </h3>
      <p className="govuk-body">
        This address is shown only now. Anyone who has it can see these milestones: keep it like a password.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="feed-url">
          Feed address
        </label>
        <input
          className="govuk-input"
          id="feed-url"
          type="text"
          readOnly
          value={feed.url}
          spellCheck={false}
        />
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={copy}>
          Copy the address
        </button>
        <a className="govuk-link" href={feed.webcalUrl}>
          Subscribe in your calendar app
        </a>
      </div>
      <p className="govuk-body-s" role="status">
        {copied ?? ''}
      </p>
    </div>
  );
}

/**
 * A private calendar feed (ICS) of a plan's milestones, or of those a person leads: whether one is on,
 * make one (a new one replaces the old), or stop it.
 */
export function CalendarFeed({
  c,
  scope,
  subjectId,
  what,
}: {
  c: string;
  scope: Scope;
  subjectId: string;
  /** "every milestone of this plan", "the milestones Jo Bloggs leads" */
  what: string;
}) {
  const pathParams = scope === 'person' ? { c, personId: subjectId } : { c, planId: subjectId };
  const status = useApi(paths[scope] as typeof paths.plan, {
    path: pathParams as { c: string; planId: string },
  });
  const [made, setMade] = useState<Created | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const said = useRef<HTMLParagraphElement>(null);
  // Only stopping the feed says something here, and "Stop the feed" goes with the feed: the message
  // takes focus from it (lib/focus.ts), never leaving it on the page's body.
  useEffect(() => {
    if (message) focusMessage(said.current);
  }, [message]);
  const [error, setError] = useState<Error | undefined>();
  const call = (verb: 'post' | 'del') =>
    (api[verb] as (p: string, i: object) => Promise<Created | undefined>)(paths[scope], {
      params: { path: pathParams },
      ...(verb === 'post' ? { body: {} } : {}),
    });

  const create = async () => {
    setError(undefined);
    try {
      setMade(await call('post'));
      setMessage(undefined);
      status.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const revoke = async () => {
    setError(undefined);
    try {
      await call('del');
      setMade(undefined);
      setMessage('The feed is stopped: its address no longer works.');
      status.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const s = status.data;
  return (
    <div className="app-no-print" data-testid={`feed-${scope}`}>
      <p className="govuk-body">
        A calendar feed puts {what} in Outlook or any calendar app, kept up to date.
      </p>
      {status.error ? <LoadError error={status.error} /> : null}
      {error ? <LoadError error={error} /> : null}
      {s ? (
        <p className="govuk-body" data-testid="feed-status">
          {s.active
            ? `A feed is on, made ${formatDateTime(s.createdAt)}${s.createdBy ? ` by ${s.createdBy}` : ''}.`
            : 'There is no feed at the moment.'}
        </p>
      ) : null}
      {/* In the page from the start, so that screen readers announce it when it changes. */}
      <p className={message ? 'govuk-body' : undefined} role="status" tabIndex={-1} ref={said}>
        {message ?? ''}
      </p>
      {made ? <FeedLink feed={made} /> : null}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={create}>
          {s?.active ? 'Make a new address (the old one stops working)' : 'Make a calendar feed'}
        </button>
        {s?.active ? (
          <button type="button" className="govuk-button govuk-button--warning" onClick={revoke}>
            Stop the feed
          </button>
        ) : null}
      </div>
    </div>
  );
}
