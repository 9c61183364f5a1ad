import { randomUUID } from 'node:crypto';
import type { CouncilAlertsRepo, DueIndexRepo, DueItem, ItemProblem, OutboxEntry } from '@peopleplan/db';
import { mapLimit } from './concurrency.js';
import { councilLines } from './council-lines.js';
import { isMondayDate, plusDays } from './dates.js';
import {
  closeOutbox,
  type DeliveryContext,
  type DigestSink,
  deliverDigests,
  type EmailOutcome,
  lineKey,
  notYetTold,
} from './deliver.js';
import type { FailureLog } from './failure-log.js';
import type { AlertsCouncil } from './history.js';
import type { AlertLine } from './model.js';
import type { RenderedEmail } from './render.js';
import { moveRepeatsOn } from './repeats.js';

export type { DigestSink, EmailOutcome } from './deliver.js';

export interface AlertJobOptions {
  /** The cross-council due index, read with the job's own credentials. */
  dueIndex: DueIndexRepo;
  /**
   * One council's alert records through that council's own session (in AWS the tenant role with the
   * session tag `council=<id>`): everything the job reads or writes in a council partition goes here.
   */
  council: (councilId: string) => Promise<AlertsCouncil>;
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

export interface AlertJobResult {
  today: string;
  runId: string;
  dryRun: boolean;
  /**
   * `partial` when some council or item could not be handled (see `problems`): every other email was
   * still worked out and sent.
   */
  status: 'complete' | 'partial';
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
  /** Repeating deadlines moved on in the due index to their next occurrence (repeats.ts). */
  repeatsMovedOn: number;
  /** Items nobody at all could be told about (no lead, owner or admin with an email): reported, not dropped. */
  unreachable: Array<{ councilId: string; itemId: string; title: string; reason: string }>;
  /** Councils and items the run could not handle, each named for an operator (and counted in metrics). */
  problems: ItemProblem[];
}

const DEFAULT_HORIZON = 14;

const group = <T extends { councilId: string }>(items: T[], id: string) =>
  items.filter((i) => i.councilId === id);

/**
 * The daily alert run. Each council is its own unit: a failure in one (an unreadable item, a council
 * whose session cannot be opened) is reported in `problems` and the run goes on for every other council
 * and email; within a council each item is its own unit too.
 */
export async function runAlertJob(opts: AlertJobOptions): Promise<AlertJobResult> {
  const dryRun = opts.dryRun ?? false;
  if (!dryRun && !opts.sink) throw new Error('runAlertJob needs a sink unless dryRun is set');
  const result = emptyResult(opts.today, dryRun);
  const problem = (councilId: string, itemId: string, what: string) => {
    result.problems.push({ councilId, itemId, problem: what });
    opts.log?.(`PROBLEM ${councilId} ${itemId}: ${what}`);
  };

  // 1. What is due: the sparse index up to the horizon, and saved re-baseline alerts.
  const horizonDays = opts.horizonDays ?? DEFAULT_HORIZON;
  const due = opts.outboxOnly
    ? { items: [] as DueItem[], problems: [] }
    : await opts.dueIndex.upTo(plusDays(opts.today, horizonDays));
  const outbox = await opts.dueIndex.outbox();
  for (const p of [...due.problems, ...outbox.problems]) problem(p.councilId, p.itemId, p.problem);
  result.read.dueIndexItems = due.items.length;
  result.read.outboxItems = outbox.entries.length;
  const councilIds = [
    ...new Set([
      ...due.items.map((d) => d.councilId),
      ...outbox.entries.map((o) => o.councilId),
      ...(opts.councils ?? []),
    ]),
  ];

  // 2. Each council, through its own session: what is owed, and who hears of it.
  const repos = new Map<string, CouncilAlertsRepo>();
  const skipped = new Set<OutboxEntry>();
  let lines: AlertLine[] = [];
  await mapLimit(councilIds, opts.concurrency ?? 4, async (councilId) => {
    try {
      const repo = await opts.council(councilId);
      const mine = await councilLines({
        repo,
        today: opts.today,
        horizonDays,
        due: group(due.items, councilId),
        outbox: group(outbox.entries, councilId),
        staleProgress: opts.staleProgress ?? 'mondays',
        outboxOnly: opts.outboxOnly ?? false,
        onProblem: (itemId, what) => problem(councilId, itemId, what),
      });
      if (!dryRun && !opts.outboxOnly) {
        const onProblem = (itemId: string, what: string) => problem(councilId, itemId, what);
        result.repeatsMovedOn += await moveRepeatsOn(
          repo,
          group(due.items, councilId),
          opts.today,
          onProblem,
        );
      }
      repos.set(councilId, repo);
      lines.push(...mine.lines);
      for (const o of mine.outboxSkipped) skipped.add(o);
      result.read.dueIndexItems += mine.extraDueItems;
      result.read.staleCheckedActions += mine.staleCheckedActions;
      result.unreachable.push(...mine.unreachable);
    } catch (e) {
      problem(councilId, '(council)', e instanceof Error ? e.message : String(e));
    }
  });

  // One line per (item, stage, recipient): a person who is both lead and strategic lead hears once.
  lines = [...new Map(lines.map((l) => [lineKey(l), l])).values()];
  result.itemsAlerted = new Set(lines.map((l) => `${l.itemId}|${l.stage}`)).size;
  const wanted = byPreference(lines, opts.today, result);
  result.lines = wanted.length;

  // 3. Deliver: one digest per address, each line claimed in its own council's ledger.
  const ctx: DeliveryContext = {
    repo: (c) => repos.get(c)!,
    runId: result.runId,
    now: opts.now ?? (() => new Date()),
    staleAfterMs: (opts.staleReservationMinutes ?? 30) * 60_000,
    dryRun,
    webBaseUrl: opts.webBaseUrl,
    sink: opts.sink,
    failureLog: opts.failureLog,
    concurrency: opts.concurrency ?? 4,
    log: opts.log ?? (() => {}),
    onProblem: problem,
  };
  let pending = wanted;
  if (dryRun) {
    const check = await notYetTold(ctx, wanted);
    pending = check.pending;
    result.alreadySent += check.told;
  }
  const delivery = await deliverDigests(ctx, pending);
  result.emails = delivery.emails;
  result.alreadySent += delivery.alreadySent;
  result.emailsSent = delivery.emails.filter((e) => e.outcome === 'sent').length;
  result.emailsFailed = delivery.emails.filter((e) => e.outcome === 'failed').length;
  if (!dryRun) {
    const handled = outbox.entries.filter((o) => repos.has(o.councilId));
    await closeOutbox(ctx, handled, skipped, lines, delivery.delivered);
  }
  result.status = result.problems.length ? 'partial' : 'complete';
  return result;
}

function emptyResult(today: string, dryRun: boolean): AlertJobResult {
  return {
    today,
    runId: randomUUID(),
    dryRun,
    status: 'complete',
    read: { dueIndexItems: 0, outboxItems: 0, staleCheckedActions: 0 },
    itemsAlerted: 0,
    lines: 0,
    emails: [],
    emailsSent: 0,
    emailsFailed: 0,
    alreadySent: 0,
    held: 0,
    optedOut: 0,
    repeatsMovedOn: 0,
    unreachable: [],
    problems: [],
  };
}

/** Preferences: weekly readers hear on Mondays; due-soon reminders may be switched off. */
function byPreference(lines: AlertLine[], today: string, result: AlertJobResult): AlertLine[] {
  const monday = isMondayDate(today);
  return lines.filter((l) => {
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
}

/** Deliver digests with a mailer (SMTP locally); the mailer's own retry wrapper decides how hard to try. */
export const mailerSink = (mailer: {
  send(m: RenderedEmail): Promise<{ messageId: string }>;
}): DigestSink => ({
  deliver: (email) => mailer.send(email),
});
