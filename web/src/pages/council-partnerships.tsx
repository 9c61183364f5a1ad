import { useEffect, useRef, useState } from 'react';
import { type ConsentChange, RevokeConfirm, ShareForm } from '../components/consent-forms.js';
import { ErrorSummary } from '../components/form.js';
import { Banner, LoadError, Loading, Page, SummaryList } from '../components/page.js';
import { PlainTag } from '../components/tags.js';
import { ApiError, api } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import type { Consent, PlanRow } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

type Mode = 'share' | 'revoke';

/** Every plan of the council (following the pages), for choosing which to share. */
function useAllPlans(c: string, enabled: boolean) {
  const [state, setState] = useState<{ plans?: PlanRow[]; error?: Error }>({});
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    (async () => {
      const out: PlanRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get('/api/v1/councils/{c}/plans', {
          params: { path: { c }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
        });
        out.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && !stopped);
      if (!stopped) setState({ plans: out });
    })().catch((error: Error) => {
      if (!stopped) setState({ error });
    });
    return () => {
      stopped = true;
    };
  }, [c, enabled]);
  return state;
}

function sharingTag(consent: Consent) {
  if (consent.status === 'granted')
    return (
      <PlainTag colour="green">
        {consent.scope === 'all' ? 'Sharing all plans' : 'Sharing chosen plans'}
      </PlainTag>
    );
  return (
    <PlainTag colour="grey">
      {consent.status === 'invited' ? 'Invited: not sharing yet' : 'Not sharing: access stopped'}
    </PlainTag>
  );
}

/**
 * A council admin's consent to each partnership that invited the council (issue 7): grant read access to
 * all plans or chosen plans, or revoke it. Partners see the change on their next page.
 */
export default function CouncilPartnershipsPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const admin = can('admin');
  const consents = useApi('/api/v1/councils/{c}/partnerships', admin ? { path: { c } } : null);
  const plans = useAllPlans(c, admin);
  const [editing, setEditing] = useState<{ id: string; mode: Mode } | undefined>();
  const [done, setDone] = useState<{ seq: number; text: string } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const name = council?.name ?? c;

  if (!admin) {
    return (
      <Page title="Partnerships" caption={name}>
        <p className="govuk-body">
          Only the council’s PeoplePlan administrators can choose what is shared with partnerships.
        </p>
      </Page>
    );
  }

  const change = async (consent: Consent, body: ConsentChange, success: string) => {
    setProblem(undefined);
    setDone(undefined);
    try {
      await api.put('/api/v1/councils/{c}/partnerships/{p}/consent', {
        params: { path: { c, p: consent.partnershipId } },
        body: { ...body, version: consent.version },
      });
      setEditing(undefined);
      consents.reload();
      setDone((d) => ({ seq: (d?.seq ?? 0) + 1, text: success }));
      return undefined;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setEditing(undefined);
        consents.reload();
        setProblem(
          `Someone else changed what ${name} shares with ${consent.partnershipName} while you were looking. The page now shows what is shared: check it and try again.`,
        );
        return undefined;
      }
      return err as Error;
    }
  };

  const items = consents.data?.items ?? [];
  return (
    <Page title="Partnerships" heading="Sharing with partnerships" caption={name}>
      {done ? (
        <Banner type="success" key={done.seq}>
          <p className="govuk-notification-banner__heading">{done.text}</p>
          <p className="govuk-body">Partner readers see the change on their next page.</p>
        </Banner>
      ) : null}
      {problem ? <ErrorSummary title="Someone else changed this" errors={[{ text: problem }]} /> : null}
      <Explainer council={name} />
      {consents.error ? <LoadError error={consents.error} retry={consents.reload} /> : null}
      {plans.error ? <LoadError error={plans.error} /> : null}
      {consents.loading ? <Loading what="Loading the partnerships" /> : null}
      {consents.data && !items.length ? (
        <div className="govuk-inset-text">
          No partnership has invited {name} yet. When one does, it appears here for you to decide what to
          share.
        </div>
      ) : null}
      {items.map((consent) => (
        <PartnershipConsentCard
          key={consent.partnershipId}
          council={name}
          consent={consent}
          plans={plans.plans}
          mode={editing?.id === consent.partnershipId ? editing.mode : undefined}
          setMode={(mode) => {
            setDone(undefined);
            setProblem(undefined);
            setEditing(mode ? { id: consent.partnershipId, mode } : undefined);
          }}
          onChange={change}
        />
      ))}
    </Page>
  );
}

function Explainer({ council }: { council: string }) {
  return (
    <>
      <p className="govuk-body">
        A partnership is a shared service, such as an HR service one council runs for others. Its partner
        readers see a combined, read-only view of the plans each member council chooses to share. You decide
        for {council}, and you can stop at any time.
      </p>
      <h2 className="govuk-heading-s">If you share plans, partner readers will see</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          each shared plan’s themes, actions and milestones: who leads them (as your plan names them), when
          they are due, their status and RAG rating
        </li>
        <li>each action’s current position and its latest progress update</li>
        <li>the plan’s indicators, risks and its other tables</li>
        <li>
          {council}’s name and figures (overdue, re-baselined, stale, direction of travel) beside the other
          councils’
        </li>
      </ul>
      <h2 className="govuk-heading-s">They will not see</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>plans you do not share, or any archived plan</li>
        <li>the earlier progress updates on an action, only the latest</li>
        <li>your people directory, users, settings, alert settings or audit log</li>
      </ul>
      <p className="govuk-body">
        Partners can never change anything. Sharing all plans includes plans you add later. If you stop
        sharing, {council} disappears from the partnership’s views, name and figures included, from the
        partners’ next page.
      </p>
    </>
  );
}

function PartnershipConsentCard({
  council,
  consent,
  plans,
  mode,
  setMode,
  onChange,
}: {
  council: string;
  consent: Consent;
  plans: PlanRow[] | undefined;
  mode: Mode | undefined;
  setMode: (m: Mode | undefined) => void;
  onChange: (consent: Consent, body: ConsentChange, success: string) => Promise<Error | undefined>;
}) {
  const id = `partnership-${consent.partnershipId}`;
  // Cancel puts focus back on the button that opened the step (WCAG 2.4.3), not on the page's body.
  const opener = useRef<{ share: HTMLButtonElement | null; revoke: HTMLButtonElement | null }>({
    share: null,
    revoke: null,
  });
  const [cancelled, setCancelled] = useState<Mode | undefined>();
  useEffect(() => {
    if (!cancelled) return;
    opener.current[cancelled]?.focus();
    setCancelled(undefined);
  }, [cancelled]);
  const onCancel = () => {
    setCancelled(mode);
    setMode(undefined);
  };
  const granted = consent.status === 'granted';
  const chosen = consent.scope === 'all' ? [] : consent.scope.planIds;
  const title = (planId: string) => plans?.find((x) => x.id === planId)?.title ?? 'A plan no longer listed';
  return (
    <section className="app-plan-card" aria-labelledby={id} data-partnership={consent.partnershipId}>
      <h2 className="govuk-heading-m" id={id}>
        {consent.partnershipName}
      </h2>
      <SummaryList
        rows={[
          { key: 'Sharing', value: sharingTag(consent) },
          granted && {
            key: 'Plans shared',
            value:
              consent.scope === 'all' ? (
                'All current plans, and any added later'
              ) : (
                <ul className="govuk-list">
                  {chosen.map((planId) => (
                    <li key={planId}>{title(planId)}</li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'Last changed',
            value: `${formatDateTime(consent.updatedAt)}${consent.changedByName ? ` by ${consent.changedByName}` : ''}`,
          },
        ]}
      />
      {mode === 'share' ? (
        <ShareForm
          council={council}
          consent={consent}
          plans={plans}
          onCancel={onCancel}
          onChange={onChange}
        />
      ) : mode === 'revoke' ? (
        <RevokeConfirm council={council} consent={consent} onCancel={onCancel} onChange={onChange} />
      ) : (
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button"
            ref={(b) => {
              opener.current.share = b;
            }}
            onClick={() => setMode('share')}
          >
            {granted ? 'Change what is shared' : 'Share plans'}
            <span className="govuk-visually-hidden"> with {consent.partnershipName}</span>
          </button>
          {granted ? (
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              ref={(b) => {
                opener.current.revoke = b;
              }}
              onClick={() => setMode('revoke')}
            >
              Stop sharing
              <span className="govuk-visually-hidden"> with {consent.partnershipName}</span>
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
