import { isOpen, londonToday, themeWordsOf } from '@peopleplan/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { CancelAction } from '../components/action-cancel.js';
import { EditAction } from '../components/action-edit-form.js';
import { ActionMilestones } from '../components/action-milestones.js';
import { RemoveAction } from '../components/action-remove.js';
import { SubActions } from '../components/action-subactions.js';
import { ActionStanding, ActionSummary } from '../components/action-summary.js';
import { ActionChanges } from '../components/item-changes.js';
import { isNotFound, LoadError, Loading, Page, SavedBanner, useSaved } from '../components/page.js';
import { periodClosed } from '../components/period-select.js';
import { ArchivedNotice, isArchived, themeHeading } from '../components/plan-view.js';
import { ProgressHistory } from '../components/progress-history.js';
import { ProgressUpdateForm } from '../components/progress-update-form.js';
import { planDeadlineContext } from '../components/timescale-input.js';
import { useDraftKeys, useHasDraft } from '../lib/drafts.js';
import { useFocusNext } from '../lib/focus.js';
import { useHashTarget } from '../lib/hash-target.js';
import { sortMilestones } from '../lib/milestone-order.js';
import { openCount } from '../lib/milestones-closing.js';
import type { ProgressUpdateRow } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/** One action: what it is, its milestones, sub-actions and progress, each changed by those whose role allows. */
export default function ActionPage({ c, actionId }: { c: string; actionId: string }) {
  const { council, can, mayReport } = useCouncil(c);
  const path = { c, actionId };
  const action = useApi('/api/v1/councils/{c}/actions/{actionId}', { path });
  const updates = useApi('/api/v1/councils/{c}/actions/{actionId}/updates', { path });
  const milestones = useApi('/api/v1/councils/{c}/actions/{actionId}/milestones', { path });
  const a = action.data;
  const planPath = a ? { path: { c, planId: a.planId } } : null;
  const plan = useApi('/api/v1/councils/{c}/plans/{planId}', planPath);
  // Nothing is offered for change until the plan is known not to be archived (read-only then).
  const writable = plan.data !== undefined && !isArchived(plan.data);
  const editor = can('editor') && writable;
  // Whether a duplicate (or any action entered by mistake) may be removed, and why not: editors only.
  const removal = useApi('/api/v1/councils/{c}/actions/{actionId}/removal', editor ? { path } : null);
  // Everyone sees which of the plan's groups the action is in; editors can move it to another.
  const themes = useApi('/api/v1/councils/{c}/plans/{planId}/themes', planPath);
  // Who each lead points at in the directory, named beside the plan's label (ActionSummary).
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });
  const siblings = useApi(
    '/api/v1/councils/{c}/plans/{planId}/actions',
    a ? { path: { c, planId: a.planId }, query: { limit: 200 } } : null,
  );
  const reporting = a && writable ? mayReport(a) : false;
  const periods = useApi(
    '/api/v1/councils/{c}/plans/{planId}/reporting-periods',
    reporting ? planPath : null,
  );
  const [editing, setEditing] = useState(useHasDraft(`action-edit:${actionId}`));
  const drafted = useDraftKeys();
  const [correcting, setCorrecting] = useState<ProgressUpdateRow | undefined>();
  const [saved, setSaved] = useSaved();
  const [saves, setSaves] = useState(0);
  const focusNext = useFocusNext();
  // A calendar feed's or search result's link names a milestone or update: bring it into view.
  useHashTarget(!!action.data && !!milestones.data && !!updates.data);

  const p = plan.data;
  const context = planDeadlineContext(p);
  const crumbs = [
    { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
    ...(a ? [{ href: `/councils/${c}/plans/${a.planId}`, text: p?.title ?? 'Plan' }] : []),
  ];
  const done = (message?: string) => {
    setSaved(message);
    setSaves((n) => n + 1);
    action.reload();
    updates.reload();
    milestones.reload();
    siblings.reload();
    removal.reload();
  };
  // A correction left unsaved when a session ended opens again.
  const pending = correcting ?? updates.data?.items.find((u) => drafted(`correct:${u.id}`));
  const subActions = siblings.data?.items.filter((x) => x.parentId === actionId) ?? [];
  /** "Objective 3: Pay": the group an action is in, in the plan's word for its groups. */
  const groupOf = (themeId: string | undefined) => {
    const theme = themeId ? themes.data?.items.find((t) => t.id === themeId) : undefined;
    return p && theme ? { theme, heading: themeHeading(p, theme) } : undefined;
  };
  const group = groupOf(a?.themeId);
  // A closing status closes these too: the forms that choose one say so.
  const openMilestones = openCount(milestones.data?.items);

  return (
    <Page
      title={a ? `${a.ref ? `${a.ref} ` : ''}${a.title}` : 'Action'}
      caption={a ? `Action${a.ref ? ` ${a.ref}` : ''}` : undefined}
      heading={a?.title ?? 'Action'}
      crumbs={crumbs}
      notFound={isNotFound(action.error)}
    >
      {action.error ? <LoadError error={action.error} retry={action.reload} /> : null}
      {action.loading ? <Loading what="Loading the action" /> : null}
      <SavedBanner saved={saved} />
      {a ? (
        <>
          {group ? (
            <p className="govuk-body" data-testid="action-group">
              Part of{' '}
              <Link className="govuk-link" href={`/councils/${c}/plans/${a.planId}#theme-${group.theme.id}`}>
                {group.heading}
              </Link>
            </p>
          ) : null}
          <ActionStanding action={a} />
          {isArchived(p) ? <ArchivedNotice subject="action" /> : null}
          {editing && editor && p ? (
            <EditAction
              c={c}
              action={a}
              plan={p}
              themes={themes.data?.items ?? []}
              context={context}
              openMilestones={openMilestones}
              onCancel={() => {
                setEditing(false);
                focusNext('edit-action');
              }}
              onSaved={(keys, themeId) => {
                setEditing(false);
                // A move says where the action went, in the plan's word for its groups.
                const to = keys.includes('themeId') ? groupOf(themeId)?.heading : undefined;
                done(
                  to
                    ? keys.length > 1
                      ? `Action saved and moved to ${to}`
                      : `Moved to ${to}`
                    : 'Action saved',
                );
              }}
            />
          ) : (
            <>
              <ActionSummary action={a} people={people.data?.items} />
              {editor ? (
                <div className="govuk-button-group app-no-print">
                  <button
                    type="button"
                    id="edit-action"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => {
                      setSaved(undefined);
                      setEditing(true);
                    }}
                  >
                    Edit this action
                  </button>
                  {isOpen(a.status) ? (
                    <CancelAction c={c} action={a} openMilestones={openMilestones} onDone={done} />
                  ) : null}
                </div>
              ) : null}
              {editor && (removal.data?.removable || isOpen(a.status)) ? (
                <RemoveAction
                  c={c}
                  action={a}
                  removal={removal.data}
                  onRefused={() => {
                    action.reload();
                    removal.reload();
                  }}
                />
              ) : null}
            </>
          )}

          <ActionMilestones
            c={c}
            actionId={actionId}
            loaded={milestones}
            today={londonToday()}
            canEdit={editor}
            canReport={reporting}
            context={context}
            onChanged={done}
          />

          <SubActions
            c={c}
            action={a}
            subActions={subActions}
            canEdit={editor}
            context={context}
            onChanged={done}
          />

          <section className="app-section-break" aria-labelledby="progress">
            <h2 className="govuk-heading-l" id="progress">
              Progress
            </h2>
            {reporting && pending ? (
              <ProgressUpdateForm
                key={pending.id}
                c={c}
                action={a}
                periods={periods.data}
                correcting={pending}
                openMilestones={openMilestones}
                onPeriodsStale={periods.reload}
                onAdded={(m) => {
                  setCorrecting(undefined);
                  done(m);
                }}
                onCancel={() => {
                  setCorrecting(undefined);
                  focusNext(`correct-${pending.id}`);
                }}
              />
            ) : reporting ? (
              <ProgressUpdateForm
                c={c}
                action={a}
                periods={periods.data}
                openMilestones={openMilestones}
                onAdded={done}
                onPeriodsStale={periods.reload}
              />
            ) : null}
            <h3 className="govuk-heading-m">History</h3>
            {updates.error ? <LoadError error={updates.error} retry={updates.reload} /> : null}
            {updates.data ? (
              <ProgressHistory
                items={updates.data.items}
                closed={(period) => periodClosed(periods.data, period)}
                onCorrect={
                  reporting
                    ? (u) => {
                        setSaved(undefined);
                        setCorrecting(u);
                      }
                    : undefined
                }
              />
            ) : (
              <Loading what="Loading the history" />
            )}
          </section>
          <ActionChanges
            c={c}
            actionId={actionId}
            milestones={sortMilestones(milestones.data?.items ?? [])}
            saves={saves}
            names={
              p
                ? { themeWords: () => themeWordsOf(p), themeHeading: (id) => groupOf(id)?.heading }
                : undefined
            }
          />
        </>
      ) : null}
    </Page>
  );
}
