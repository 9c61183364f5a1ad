import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Action, AlertSettings, CADENCE_DAYS, isOpen, type Plan } from '@peopleplan/core';
import { sk } from '@peopleplan/db';
import { mapLimit } from './concurrency.js';
import { daysBetween, isMondayDate, longDate, plusDays } from './dates.js';
import { Directory } from './directory.js';
import type { FailureLog } from './failure-log.js';
import { AlertLedger, alertSk } from './ledger.js';
import { preferenceTokens } from './links.js';
import type { AlertLine, Digest, DueItem, LineRole, Recipient } from './model.js';
import {
  type OutboxEntry,
  readCouncilDue,
  readCouncilPlans,
  readDueIndex,
  readOutbox,
  readPlanActions,
  toDueItem,
} from './reader.js';
import { adminRecipient, deliveryLeads, planOwner, resolveLeads, strategicLeads } from './recipients.js';
import { type RenderedEmail, renderDigest } from './render.js';
import { dateStage, type Stage } from './stages.js';

/** Where a rendered digest goes: SMTP (local), an SQS queue the notifier drains (AWS), or a test double. */
export interface DigestSink {
  deliver(email: RenderedEmail): Promise<{ messageId: string }>;
}

export interface AlertJobOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** The council-local date the run is for (`YYYY-MM-DD`). */
  today: string;
  webBaseUrl: string;
  sink?: DigestSink;
  /** Work out and render everything; reserve and send nothing. */
  dryRun?: boolean;
  failureLog?: FailureLog;
  now?: () => Date;
  /** A reservation older than this without a "sent" mark is taken to be a crashed run's, and retried. */
  staleReservationMinutes?: number;
  /**
   * Days ahead the cross-council due-index query reads. Councils whose own `dueSoonDays` is longer get
   * the rest of their window from their own (per-council) index.
   */
  horizonDays?: number;
  /** Stale-progress pass: on Mondays (default, before the week's review meetings), always, or never. */
  staleProgress?: 'mondays' | 'always' | 'never';
  /** Councils to check for stale progress besides those with something due (the lead may pass all). */
  councils?: string[];
  /** Only deliver saved re-baseline alerts (the frequent, "at save time" run). */
  outboxOnly?: boolean;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface EmailOutcome {
  to: string;
  subject: string;
  items: number;
  outcome: 'sent' | 'failed' | 'dry-run';
  error?: string;
  email: RenderedEmail;
}

export interface AlertJobResult {
  today: string;
  runId: string;
  dryRun: boolean;
  read: { dueIndexItems: number; outboxItems: number; staleCheckedActions: number };
  /** Items (action or milestone × stage) that something is owed about today. */
  itemsAlerted: number;
  lines: number;
  emails: EmailOutcome[];
  emailsSent: number;
  emailsFailed: number;
  /** Lines already told in an earlier run (or being told by a concurrent one). */
  alreadySent: number;
  /** Lines held for a weekly digest (Mondays) or opted out of (due soon). */
  held: number;
  optedOut: number;
  /** Items nobody at all could be told about (no lead, owner or admin with an email): reported, not dropped. */
  unreachable: Array<{ councilId: string; itemId: string; title: string; reason: string }>;
}

const DEFAULT_HORIZON = 14;

export async function runAlertJob(opts: AlertJobOptions): Promise<AlertJobResult> {
  const { doc, tableName, today } = opts;
  const dryRun = opts.dryRun ?? false;
  if (!dryRun && !opts.sink) throw new Error('runAlertJob needs a sink unless dryRun is set');
  const now = opts.now ?? (() => new Date());
  const runId = randomUUID();
  const log = opts.log ?? (() => {});
  const dir = new Directory(doc, tableName);
  const ledger = new AlertLedger(doc, tableName, runId, (opts.staleReservationMinutes ?? 30) * 60_000, now);
  const horizonDays = opts.horizonDays ?? DEFAULT_HORIZON;
  const result: AlertJobResult = {
    today,
    runId,
    dryRun,
    read: { dueIndexItems: 0, outboxItems: 0, staleCheckedActions: 0 },
    itemsAlerted: 0,
    lines: 0,
    emails: [],
    emailsSent: 0,
    emailsFailed: 0,
    alreadySent: 0,
    held: 0,
    optedOut: 0,
    unreachable: [],
  };

  // 1. What is due: the sparse index up to the horizon, and saved re-baseline alerts.
  const due = opts.outboxOnly ? [] : await readDueIndex(doc, tableName, plusDays(today, horizonDays));
  const outbox = await readOutbox(doc, tableName);
  result.read.dueIndexItems = due.length;
  result.read.outboxItems = outbox.length;
  const councilIds = [
    ...new Set([...due.map((d) => d.councilId), ...outbox.map((o) => o.councilId), ...(opts.councils ?? [])]),
  ];
  await dir.load(councilIds.map((c) => ({ councilId: c, sk: sk.council() })));
  const settings = new Map(
    councilIds.map((c) => [c, AlertSettings.parse(dir.council(c)?.alertSettings ?? { enabled: false })]),
  );
  const enabled = (c: string) => dir.council(c) !== undefined && settings.get(c)!.enabled;

  // Councils that want a longer due-soon window than the shared horizon: read the rest per council.
  if (!opts.outboxOnly) {
    for (const c of councilIds) {
      const s = settings.get(c)!;
      if (enabled(c) && s.dueSoonDays > horizonDays) {
        const more = await readCouncilDue(
          doc,
          tableName,
          c,
          plusDays(today, horizonDays),
          plusDays(today, s.dueSoonDays),
        );
        result.read.dueIndexItems += more.length;
        due.push(...more);
      }
    }
  }

  // 2. Which items are owed an alert, and at which stage.
  type Candidate = { item: DueItem; stage: Stage; keyDate: string; note?: string; outboxSk?: string };
  const candidates: Candidate[] = [];
  for (const item of due) {
    if (!enabled(item.councilId) || !isOpen(item.status) || !item.due?.due) continue;
    const stage = dateStage(item.due.due, today, settings.get(item.councilId)!);
    if (stage) candidates.push({ item, stage, keyDate: item.due.due });
  }
  const outboxSkipped: OutboxEntry[] = [];
  if (outbox.length) {
    await dir.load(
      outbox.map((o) => ({ councilId: o.councilId, sk: sk.milestone(o.planId, o.actionId, o.milestoneId) })),
    );
    for (const o of outbox) {
      const raw = dir.raw(o.councilId, sk.milestone(o.planId, o.actionId, o.milestoneId));
      const m = raw ? toDueItem(raw) : undefined;
      // Changed again, completed or deleted since: the newer state is what counts.
      if (!m || !enabled(o.councilId) || !isOpen(m.status) || m.due?.due !== o.due) {
        outboxSkipped.push(o);
        continue;
      }
      const moved = o.previousDue ? ` from ${longDate(o.previousDue)}` : '';
      const baseline = o.baselineDue ? `; first committed for ${longDate(o.baselineDue)}` : '';
      candidates.push({
        item: m,
        stage: 'rebaselined',
        keyDate: o.due,
        note: `The deadline was moved${moved} to ${longDate(o.due)}${baseline}.`,
        outboxSk: o.sk,
      });
    }
  }

  // 3. Stale progress: open actions with no update within their plan's review cadence.
  const staleMode = opts.staleProgress ?? 'mondays';
  if (!opts.outboxOnly && (staleMode === 'always' || (staleMode === 'mondays' && isMondayDate(today)))) {
    for (const c of councilIds.filter(enabled)) {
      const plans = (await readCouncilPlans(doc, tableName, c)) as unknown as Plan[];
      for (const plan of plans.filter((p) => p.status !== 'archived' && p.status !== 'closed')) {
        const actions = await readPlanActions(doc, tableName, c, plan.id);
        result.read.staleCheckedActions += actions.length;
        for (const a of actions) {
          if (!isOpen(a.status)) continue;
          const last = (a.latestUpdate?.at ?? a.createdAt).slice(0, 10);
          const since = daysBetween(last, today);
          if (since <= CADENCE_DAYS[plan.reviewCadence ?? 'quarterly']) continue;
          candidates.push({
            item: a,
            stage: 'stale',
            keyDate: last,
            note: `no progress update for ${since} days (since ${longDate(last)}; reviewed ${plan.reviewCadence ?? 'quarterly'})`,
          });
        }
      }
    }
  }

  // 4. Everything the recipients' resolution needs, read by key once.
  await dir.load(
    candidates.flatMap(({ item }) => [
      { councilId: item.councilId, sk: sk.plan(item.planId) },
      ...(item.type === 'milestone'
        ? [{ councilId: item.councilId, sk: sk.action(item.planId, item.actionId) }]
        : []),
    ]),
  );
  const actionOf = (i: DueItem): Action | undefined =>
    i.type === 'action' ? (i as unknown as Action) : dir.action(i.councilId, i.planId, i.actionId);
  await dir.load(
    candidates.flatMap(({ item }) => {
      const plan = dir.plan(item.councilId, item.planId);
      const ids = [...(actionOf(item)?.leads ?? []).map((l) => l.personId), plan?.ownerPersonId];
      return ids
        .filter((id): id is string => !!id)
        .map((id) => ({ councilId: item.councilId, sk: sk.person(id) }));
    }),
  );

  // 5. Lines: who is told what.
  const lines: AlertLine[] = [];
  const alertedItems = new Set<string>();
  for (const c of candidates) {
    const { item } = c;
    const plan = dir.plan(item.councilId, item.planId);
    const action = actionOf(item);
    if (!plan || plan.status === 'archived' || plan.status === 'closed' || !action) continue;
    const council = dir.council(item.councilId)!;
    const base = {
      stage: c.stage,
      councilId: item.councilId,
      councilName: council.name,
      planId: plan.id,
      planTitle: plan.title,
      itemType: item.type,
      itemId: item.id,
      actionId: action.id,
      actionRef: action.ref,
      ref: item.ref,
      title: item.title,
      due: item.due,
      keyDate: c.keyDate,
      daysLate: item.due?.due ? daysBetween(item.due.due, today) : undefined,
      status: item.status,
      note: c.note,
      outboxSk: c.outboxSk,
    };
    const add = (recipient: Recipient, role: LineRole, note?: string) => {
      lines.push({ ...base, recipient, role, ...(note ? { note } : {}) });
      alertedItems.add(`${item.id}|${c.stage}`);
    };
    const owner = planOwner(dir, item.councilId, plan);

    let told = false;
    let whoCannot: string;
    if (c.stage === 'rebaselined') {
      if (owner) {
        add(owner, 'owner');
        told = true;
      }
      whoCannot = plan.ownerLabel
        ? `the plan owner (${plan.ownerLabel}) has no email address in the people directory`
        : 'the plan has no owner';
    } else {
      const leads = deliveryLeads(action);
      const { reachable, unreachable } = resolveLeads(dir, item.councilId, leads);
      for (const r of reachable) add(r, 'lead');
      told = reachable.length > 0;
      if (c.stage === 'escalated') {
        const seniors = resolveLeads(dir, item.councilId, strategicLeads(action)).reachable;
        const escalateTo = seniors.length ? seniors : owner ? [owner] : [];
        for (const r of escalateTo) add(r, 'escalation');
        told ||= escalateTo.length > 0;
      }
      whoCannot = leads.length
        ? `${unreachable.join(', ')} ${unreachable.length === 1 ? 'has' : 'have'} no email address in the people directory`
        : 'no lead is named for this action';
    }
    if (told) continue;
    // Nobody it concerns can be told: say so to the plan owner, or else to the council's admins.
    const note = `No one will be told about this: ${whoCannot}.`;
    if (owner && c.stage !== 'rebaselined') {
      add(owner, 'owner', note);
      continue;
    }
    const admins = (await dir.councilAdmins(item.councilId)).filter((m) => m.email);
    for (const m of admins)
      add(
        adminRecipient(item.councilId, m),
        'owner',
        `${note} The plan has no owner who can be emailed either.`,
      );
    if (!admins.length)
      result.unreachable.push({
        councilId: item.councilId,
        itemId: item.id,
        title: item.title,
        reason: note,
      });
  }

  // One line per (item, stage, recipient): a person who is both lead and strategic lead hears once.
  const unique = [...new Map(lines.map((l) => [alertSk(l), l])).values()];
  result.itemsAlerted = alertedItems.size;

  // 6. Preferences: weekly readers hear on Mondays; due-soon may be switched off.
  const monday = isMondayDate(today);
  const wanted = unique.filter((l) => {
    if (l.stage === 'due-soon' && !l.recipient.prefs.dueSoon) {
      result.optedOut++;
      return false;
    }
    if (l.recipient.prefs.frequency === 'weekly' && !monday) {
      result.held++;
      return false;
    }
    return true;
  });
  result.lines = wanted.length;

  // In a dry run, leave out what earlier runs already told (read-only check).
  let pending = wanted;
  if (dryRun) {
    await dir.load(wanted.map((l) => ({ councilId: l.councilId, sk: alertSk(l) })));
    pending = wanted.filter((l) => {
      const rec = dir.raw(l.councilId, alertSk(l));
      if (rec && rec.state !== 'failed') result.alreadySent++;
      return !rec || rec.state === 'failed';
    });
  }

  // 7. Preference links, then one digest per email address.
  const people = [
    ...new Map(
      pending
        .filter((l) => l.recipient.personId)
        .map((l) => [
          `${l.councilId}|${l.recipient.personId}`,
          { councilId: l.councilId, personId: l.recipient.personId! },
        ]),
    ).values(),
  ];
  const tokens = await preferenceTokens(doc, tableName, dir, people, !dryRun);
  const web = opts.webBaseUrl.replace(/\/+$/, '');
  const preferencesUrl = (councilId: string, l: AlertLine) => {
    const token = l.recipient.personId ? tokens.get(`${councilId}|${l.recipient.personId}`) : undefined;
    return token
      ? `${web}/api/alert-preferences/${encodeURIComponent(councilId)}/${token}`
      : `${web}/councils/${encodeURIComponent(councilId)}/alert-preferences`;
  };
  const byEmail = new Map<string, Digest>();
  for (const l of pending) {
    const k = l.recipient.email.toLowerCase();
    if (!byEmail.has(k)) byEmail.set(k, { to: l.recipient.email, name: l.recipient.name, lines: [] });
    byEmail.get(k)!.lines.push(l);
  }

  const delivered = new Set<string>();
  await mapLimit([...byEmail.values()], opts.concurrency ?? 4, async (digest) => {
    let mine = digest.lines;
    if (!dryRun) {
      const claims = await mapLimit(mine, 10, (l) => ledger.claim(l));
      mine = mine.filter((_, i) => claims[i] === 'claimed');
      const taken = digest.lines.filter((_, i) => claims[i] === 'taken');
      result.alreadySent += taken.length;
      // Lines another run sent (or is sending) still count as told for the outbox.
      for (const l of taken) delivered.add(alertSk(l));
      if (!mine.length) return;
    }
    const email = renderDigest({ ...digest, lines: mine }, { webBaseUrl: web, preferencesUrl });
    if (dryRun) {
      result.emails.push({
        to: email.to,
        subject: email.subject,
        items: mine.length,
        outcome: 'dry-run',
        email,
      });
      log(`would send to ${email.to}: ${email.subject}`);
      return;
    }
    try {
      const { messageId } = await opts.sink!.deliver(email);
      await mapLimit(mine, 10, (l) => ledger.mark(l, { state: 'sent', messageId }));
      for (const l of mine) delivered.add(alertSk(l));
      result.emailsSent++;
      result.emails.push({
        to: email.to,
        subject: email.subject,
        items: mine.length,
        outcome: 'sent',
        email,
      });
      log(`sent to ${email.to}: ${email.subject}`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await mapLimit(mine, 10, (l) => ledger.mark(l, { state: 'failed', error }));
      await opts.failureLog?.record({
        at: now().toISOString(),
        runId,
        error,
        email,
        alerts: mine.map(alertSk),
      });
      result.emailsFailed++;
      result.emails.push({
        to: email.to,
        subject: email.subject,
        items: mine.length,
        outcome: 'failed',
        error,
        email,
      });
      log(`FAILED to send to ${email.to} (${error}); kept in the failure log and retried next run`);
    }
  });

  // 8. A re-baseline alert leaves the outbox once everyone it concerns has been told.
  if (!dryRun) {
    const byOutbox = new Map<string, AlertLine[]>();
    for (const l of unique)
      if (l.outboxSk)
        byOutbox.set(`${l.councilId}|${l.outboxSk}`, [
          ...(byOutbox.get(`${l.councilId}|${l.outboxSk}`) ?? []),
          l,
        ]);
    for (const o of outbox) {
      const ls = byOutbox.get(`${o.councilId}|${o.sk}`);
      if (outboxSkipped.includes(o) || !ls) await ledger.outboxDone(o.councilId, o.sk, 'skipped');
      else if (
        ls.every((l) => delivered.has(alertSk(l)) || (l.stage === 'due-soon' && !l.recipient.prefs.dueSoon))
      )
        await ledger.outboxDone(o.councilId, o.sk, 'sent');
    }
  }
  return result;
}

/** Deliver digests with a mailer (SMTP locally); the mailer's own retry wrapper decides how hard to try. */
export const mailerSink = (mailer: {
  send(m: RenderedEmail): Promise<{ messageId: string }>;
}): DigestSink => ({
  deliver: (email) => mailer.send(email),
});
