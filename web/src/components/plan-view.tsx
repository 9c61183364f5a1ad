import { nounInSentence, themeHeadingIn, themeNounOf } from '@peopleplan/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { formatDate, labelWithName, plural, updateWhen } from '../lib/format.js';
import {
  LEAD_ROLE_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  REVIEW_CADENCE_LABELS,
} from '../lib/labels.js';
import { sortMilestones } from '../lib/milestone-order.js';
import { type Cell, type Column, columnsFor, orderActions } from '../lib/plan-columns.js';
import type { ActionRow, MilestoneRow, PlanContents, ThemeRow } from '../lib/responses.js';
import { MilestoneDueCells } from './milestone-due.js';
import { Banner, Prose, ScrollTable, SummaryList } from './page.js';
import { TableHead } from './table-head.js';
import { ClosedWithAction, RagTag, StatusTag } from './tags.js';
import { DueTimeline } from './timeline.js';
import { TimescaleText } from './timescale.js';

/**
 * The read-only pieces that show a plan's contents. The council's plan page links each action to its
 * page; the partnership's read-only copy passes no `actionHref`, so actions are plain text there
 * (partners have no action pages and never edit). The plan's other tables are in plan-tables.tsx.
 */

/** The plan itself, as both the council's and the partnership's plan routes send it. */
type Plan = PlanContents['plan'];

/** Where an action's title links to; undefined: no link (read-only views). */
export type ActionHref = ((actionId: string) => string) | undefined;

/** The plan's key facts: kind, period, status, owner, approval, review cycle, number of actions. */
export function PlanFacts({
  plan,
  actions,
  ownerName,
}: {
  plan: Plan;
  actions: number;
  /** The directory's name for the plan's owner (`ownerPersonId`), where the page can read it. */
  ownerName?: string | undefined;
}) {
  // The owner as the plan names them and who that is, so an owner chosen from the directory shows too.
  const owner = labelWithName(plan.ownerLabel, ownerName);
  return (
    <SummaryList
      rows={[
        { key: 'Kind of plan', value: PLAN_KIND_LABELS[plan.kind] },
        plan.themeNoun?.trim() && { key: 'Its groups are called', value: themeNounOf(plan) },
        {
          key: 'Period',
          value: [plan.period.label, periodDates(plan.period)].filter(Boolean).join(': ') || 'Not given',
        },
        { key: 'Status', value: PLAN_STATUS_LABELS[plan.status] ?? plan.status },
        owner && { key: 'Owner', value: owner },
        // Where the plan sits is not who owns it: a directorate alone is never shown as the owner.
        (plan.directorate || plan.division) && {
          key: 'Directorate or service',
          value: [plan.directorate, plan.division].filter(Boolean).join(', '),
        },
        plan.approval &&
          (plan.approval.body || plan.approval.date) && {
            key: 'Approved',
            value: [plan.approval.body, formatDate(plan.approval.date)].filter(Boolean).join(', '),
          },
        { key: 'Progress reviewed', value: REVIEW_CADENCE_LABELS[plan.reviewCadence] },
        plan.reportingPoints.length > 0 && {
          key: 'Reporting points',
          // In the order they come round, however they were entered.
          value: [...plan.reportingPoints]
            .sort((x, y) => x.date.localeCompare(y.date))
            .map((r) => `${r.label} (${formatDate(r.date)})`)
            .join(', '),
        },
        { key: 'Actions', value: plural(actions, 'action') },
      ]}
    />
  );
}

/** Archived is final: nothing in the plan changes (the API answers 409 `plan-archived`). */
export const isArchived = (plan: Pick<Plan, 'status'> | undefined) => plan?.status === 'archived';

/**
 * Said on every page of an archived plan, in place of the controls that would change it: the plan
 * is the council's record now (docs/architecture.md, section 6). The subject is what the page shows,
 * inside a sentence: the plan, an action, or one of its groups in the plan's word ("objective").
 */
export function ArchivedNotice({ subject }: { subject: string }) {
  if (subject !== 'plan') {
    return (
      <p className="govuk-inset-text">
        This {subject} is part of an archived plan, so it is read-only: nothing in it can be changed.
      </p>
    );
  }
  return (
    <Banner>
      <p className="govuk-notification-banner__heading">This plan is archived and read-only</p>
      <p className="govuk-body">
        It is kept as a record of the council’s work, so nothing in it can be changed. Its reports and history
        can still be read.
      </p>
    </Banner>
  );
}

/** What a plan's groups are called by: its kind, and the council's own word for them if it has one. */
type NounOf = Pick<Plan, 'kind'> & { themeNoun?: string | undefined };

/** The theme heading a group of actions sits under ("Heading 1: Leadership", "Theme 2: Pay"). */
export function themeHeading(plan: NounOf, theme: ThemeRow | undefined): string {
  return theme ? themeHeadingIn(themeNounOf(plan), theme) : 'Other actions';
}

/** Actions grouped by theme in the plan's order; actions without a (known) theme last. */
export function groupByTheme<A extends { themeId?: string | undefined }>(
  themes: ThemeRow[],
  actions: A[],
): Array<{ theme: ThemeRow | undefined; key: string; actions: A[] }> {
  const sorted = [...themes].sort((x, y) => x.order - y.order);
  const groups = sorted.map((t) => ({
    theme: t as ThemeRow | undefined,
    key: t.id,
    actions: actions.filter((a) => a.themeId === t.id),
  }));
  const orphans = actions.filter((a) => !a.themeId || !sorted.some((t) => t.id === a.themeId));
  if (orphans.length) groups.push({ theme: undefined, key: 'none', actions: orphans });
  return groups;
}

/** A theme's optional description, folded away. */
export function ThemeAbout({ plan, theme }: { plan: NounOf; theme: ThemeRow | undefined }) {
  if (!theme?.description) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">About this {nounInSentence(themeNounOf(plan))}</span>
      </summary>
      <div className="govuk-details__text">
        <Prose text={theme.description} />
      </div>
    </details>
  );
}

/** The plan's actions, a section per theme (themes left empty by a filter are skipped when `skipEmpty`). */
export function ThemeSections({
  plan,
  groups,
  msByAction,
  actionHref,
  skipEmpty = false,
  tools,
}: {
  plan: NounOf;
  groups: Array<{ theme: ThemeRow | undefined; key: string; actions: ActionRow[] }>;
  msByAction: Map<string, MilestoneRow[]>;
  actionHref: ActionHref;
  skipEmpty?: boolean;
  /** Controls under a theme's table (editors on the council's own plan page). */
  tools?: ((theme: ThemeRow, actions: ActionRow[]) => ReactNode) | undefined;
}) {
  // One set of columns for the whole plan, so every theme's table reads alike.
  const columns = columnsFor(
    plan.kind,
    groups.flatMap((g) => g.actions),
    (id) => (msByAction.get(id)?.length ?? 0) > 0,
  );
  return (
    <>
      {groups
        .filter((g) => g.actions.length || !skipEmpty)
        .map((g) => (
          <section className="app-theme" key={g.key} aria-labelledby={`theme-${g.key}`}>
            <h2 className="govuk-heading-m" id={`theme-${g.key}`}>
              {themeHeading(plan, g.theme)}
            </h2>
            <ThemeAbout plan={plan} theme={g.theme} />
            {g.actions.length ? (
              <ActionTable
                columns={columns}
                actions={g.actions}
                msByAction={msByAction}
                caption={g.theme?.title ?? 'Other actions'}
                actionHref={actionHref}
              />
            ) : (
              <p className="govuk-body">No actions.</p>
            )}
            {g.theme && tools ? tools(g.theme, g.actions) : null}
          </section>
        ))}
    </>
  );
}

/** One theme's actions in the columns the council wrote its plan in (by kind: `columnsFor`). */
export function ActionTable({
  columns,
  actions,
  msByAction,
  caption,
  actionHref,
}: {
  columns: Column[];
  actions: ActionRow[];
  msByAction: Map<string, MilestoneRow[]>;
  caption: string;
  actionHref: ActionHref;
}) {
  // "Recruitment: actions", but a group already called so ("Actions", "Other actions") is not said twice.
  const name = /\bactions$/i.test(caption.trim()) ? caption : `${caption}: actions`;
  return (
    <ScrollTable label={name}>
      <table className="govuk-table app-table app-action-table app-cards">
        <caption className="govuk-table__caption govuk-visually-hidden">{name}</caption>
        <TableHead columns={columns.map((col) => ({ label: col.heading, className: columnClass(col) }))} />
        <tbody className="govuk-table__body">
          {orderActions(actions).map((a) => (
            <tr className={`govuk-table__row${a.depth ? ' app-subaction' : ''}`} key={a.id}>
              {columns.map((col) => (
                <td
                  className={`govuk-table__cell ${columnClass(col)}`}
                  key={col.heading}
                  data-label={col.heading}
                >
                  <CellView
                    cell={col.cell}
                    action={a}
                    milestones={msByAction.get(a.id) ?? []}
                    actionHref={actionHref}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * How wide a column may be: refs as wide as they are, status wide enough for its tags in words, dates and
 * role leads narrow, and text that wraps, so every column of an eight-column plan fits a 1280px window.
 */
function columnClass(col: Column): string {
  if (col.cell.type === 'ref') return 'app-col-ref';
  if (col.cell.type === 'status') return 'app-col-status';
  return col.narrow ? 'app-col-narrow' : 'app-col-text';
}

/** Milestones keyed by the action they belong to, each action's by due date then ref. */
export function milestonesByAction(milestones: MilestoneRow[]): Map<string, MilestoneRow[]> {
  const out = new Map<string, MilestoneRow[]>();
  for (const m of sortMilestones(milestones)) out.set(m.actionId, [...(out.get(m.actionId) ?? []), m]);
  return out;
}

function CellView({
  cell,
  action: a,
  milestones,
  actionHref,
}: {
  cell: Cell;
  action: ActionRow;
  milestones: MilestoneRow[];
  actionHref: ActionHref;
}) {
  switch (cell.type) {
    case 'ref':
      return <span className="app-ref">{a.ref}</span>;
    case 'title':
      return actionHref ? (
        <Link className="govuk-link" href={actionHref(a.id)}>
          {a.title}
        </Link>
      ) : (
        <span className="app-cell-clamp">{a.title}</span>
      );
    case 'text':
      return <span className="app-cell-clamp">{a[cell.field] ?? ''}</span>;
    case 'leads': {
      const leads =
        cell.roles === 'all' ? a.leads : a.leads.filter((l) => (cell.roles as string[]).includes(l.role));
      const showRole = cell.roles === 'all' && new Set(a.leads.map((l) => l.role)).size > 1;
      return (
        <>
          {leads.map((l) => (
            <span key={`${l.role}-${l.label}`} className="app-lead">
              {l.label}
              {showRole ? <span className="app-lead-role">{LEAD_ROLE_LABELS[l.role]}</span> : <br />}
            </span>
          ))}
        </>
      );
    }
    case 'timescale':
      return <TimescaleText value={a[cell.field]} asPlanned={cell.field === 'start'} />;
    case 'milestones':
      return milestones.length ? (
        <ul className="app-year-list">
          {milestones.map((m) => (
            <li key={m.id}>
              <span className="govuk-!-font-weight-bold">{m.due?.text ?? m.ref}: </span>
              {m.title} <StatusTag status={m.status} />
              <ClosedWithAction milestone={m} />
            </li>
          ))}
        </ul>
      ) : null;
    case 'progress':
      return a.latestUpdate ? (
        <>
          <span className="app-cell-clamp">{a.latestUpdate.narrative}</span>
          <span className="app-lead-role">
            {a.latestUpdate.authorName}, {updateWhen(a.latestUpdate)}
          </span>
        </>
      ) : (
        <span className="app-cell-clamp">{a.currentPosition ?? ''}</span>
      );
    case 'status':
      return (
        <>
          <StatusTag status={a.status} /> <RagTag rag={a.rag.rag} result={a.rag} />
        </>
      );
  }
}

/** Every milestone of the plan by due date: a timeline picture and the table that says the same. */
export function MilestonesSection({
  data,
  today,
  actionHref,
}: {
  data: Pick<PlanContents, 'actions' | 'milestones'>;
  today: string;
  actionHref: ActionHref;
}) {
  const actions = new Map(data.actions.map((a) => [a.id, a]));
  const ms = sortMilestones(data.milestones);
  return (
    <section className="app-section-break" aria-labelledby="milestones">
      <h2 className="govuk-heading-m" id="milestones">
        Milestones ({ms.length})
      </h2>
      <DueTimeline
        items={ms.map((m) => ({
          type: 'milestone' as const,
          id: m.id,
          ref: m.ref,
          title: m.title,
          due: m.due,
          baselineDue: m.baselineDue,
          status: m.status,
          rag: m.rag.rag,
        }))}
        today={today}
      />
      <ScrollTable label="Milestones">
        <table className="govuk-table app-table app-cards">
          <caption className="govuk-table__caption govuk-visually-hidden">Milestones</caption>
          <TableHead columns={['Milestone', 'Action', 'Originally due', 'Now due', 'Status']} />
          <tbody className="govuk-table__body">
            {ms.map((m) => {
              const a = actions.get(m.actionId);
              const actionText = a ? `${a.ref ? `${a.ref} ` : ''}${a.title}` : '';
              return (
                <tr className="govuk-table__row" key={m.id}>
                  <td className="govuk-table__cell app-col-text" data-label="Milestone">
                    {m.ref ? <span className="app-ref">{m.ref}</span> : null}
                    {m.title}
                  </td>
                  <td className="govuk-table__cell app-cell-s" data-label="Action">
                    {a && actionHref ? (
                      // Several milestones of one action link to it: each link names its milestone too,
                      // so no two links read alike out of the table (WCAG 2.4.4).
                      <Link className="govuk-link" href={actionHref(a.id)}>
                        {actionText}
                        <span className="govuk-visually-hidden">
                          {' '}
                          (the action of milestone {m.ref ? `${m.ref}: ` : ''}
                          {m.title})
                        </span>
                      </Link>
                    ) : (
                      actionText
                    )}
                  </td>
                  <MilestoneDueCells milestone={m} today={today} />
                  <td className="govuk-table__cell app-tags" data-label="Status">
                    <StatusTag status={m.status} /> <RagTag rag={m.rag.rag} result={m.rag} />
                    <ClosedWithAction milestone={m} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

/** The plan's free-text sections (purpose, summary, findings), each folded away. */
export function PlanSections({ plan }: { plan: Plan }) {
  if (!plan.sections.length) return null;
  return (
    <section className="app-section-break" aria-labelledby="sections">
      <h2 className="govuk-heading-m" id="sections">
        About this plan
      </h2>
      {plan.sections.map((s) => (
        <details className="govuk-details" key={s.key}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{s.title || s.key}</span>
          </summary>
          <div className="govuk-details__text">
            <Prose text={s.body} />
          </div>
        </details>
      ))}
    </section>
  );
}

/** Text the import kept from the document but could not place on an action. */
export function UnplacedText({ plan }: { plan: Plan }) {
  if (!plan.unplaced.length) return null;
  return (
    <section aria-labelledby="unplaced">
      <h2 className="govuk-heading-m" id="unplaced">
        Text from the import not yet placed
      </h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          This text was kept from the original document but not matched to an action.
        </strong>
      </div>
      {plan.unplaced.map((u, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text in document order
        <p className="govuk-body app-highlight app-prose" key={i}>
          {u}
        </p>
      ))}
    </section>
  );
}

/** A period's dates in words, whichever of its ends are known (an import may give the start alone). */
function periodDates({ start, end }: { start?: string; end?: string }): string {
  if (start && end) return `${formatDate(start)} to ${formatDate(end)}`;
  if (start) return `From ${formatDate(start)}`;
  return end ? `Until ${formatDate(end)}` : '';
}
