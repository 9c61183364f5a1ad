import { alertRecordKey, type CouncilAlertsRepo, type OutboxEntry } from '@peopleplan/db';
import { mapLimit } from './concurrency.js';
import type { FailureLog } from './failure-log.js';
import type { AlertLine, Digest } from './model.js';
import { type RenderedEmail, renderDigest } from './render.js';

/** Where a rendered digest goes: SMTP (local), an SQS queue the notifier drains (AWS), or a test double. */
export interface DigestSink {
  deliver(email: RenderedEmail): Promise<{ messageId: string }>;
}

export interface EmailOutcome {
  to: string;
  subject: string;
  items: number;
  outcome: 'sent' | 'failed' | 'dry-run';
  error?: string;
  email: RenderedEmail;
}

/** The identity of a line's alert record (item, stage, date, recipient). */
export const lineIdentity = (l: AlertLine) => ({
  itemId: l.itemId,
  stage: l.stage,
  keyDate: l.keyDate,
  recipientKey: l.recipient.key,
});
export const lineKey = (l: AlertLine) => `${l.councilId}|${alertRecordKey(lineIdentity(l))}`;

export interface DeliveryContext {
  repo: (councilId: string) => CouncilAlertsRepo;
  runId: string;
  now: () => Date;
  staleAfterMs: number;
  dryRun: boolean;
  webBaseUrl: string;
  sink?: DigestSink | undefined;
  failureLog?: FailureLog | undefined;
  concurrency: number;
  log: (line: string) => void;
  /** A failure that is not a send failure (e.g. the ledger could not be reached): reported, run goes on. */
  onProblem: (councilId: string, itemId: string, problem: string) => void;
}

export interface DeliveryResult {
  emails: EmailOutcome[];
  alreadySent: number;
  /** Lines told now or by another run: what lets a re-baseline alert leave the outbox. */
  delivered: Set<string>;
}

/** Group lines by council, for the per-council reads and writes (each through that council's session). */
function byCouncil<T extends { councilId: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(i.councilId, [...(out.get(i.councilId) ?? []), i]);
  return out;
}

/** In a dry run, leave out what earlier runs already told (a read-only check of the ledger). */
export async function notYetTold(
  ctx: DeliveryContext,
  lines: AlertLine[],
): Promise<{ pending: AlertLine[]; told: number }> {
  let told = 0;
  const pending: AlertLine[] = [];
  for (const [councilId, mine] of byCouncil(lines)) {
    const repo = ctx.repo(councilId);
    await repo.load(mine.map((l) => alertRecordKey(lineIdentity(l))));
    for (const l of mine) {
      const state = repo.alertState(lineIdentity(l));
      if (state && state !== 'failed') told++;
      else pending.push(l);
    }
  }
  return { pending, told };
}

/** Each recipient's no-sign-in preferences link, made where missing (never in a dry run). */
async function preferenceLinks(ctx: DeliveryContext, lines: AlertLine[]) {
  const tokens = new Map<string, string>();
  for (const [councilId, mine] of byCouncil(lines)) {
    const people = [...new Set(mine.flatMap((l) => (l.recipient.personId ? [l.recipient.personId] : [])))];
    const made = await ctx.repo(councilId).preferenceTokens(people, !ctx.dryRun);
    for (const [personId, token] of made) tokens.set(`${councilId}|${personId}`, token);
  }
  const web = ctx.webBaseUrl.replace(/\/+$/, '');
  return (councilId: string, l: AlertLine) => {
    const token = l.recipient.personId ? tokens.get(`${councilId}|${l.recipient.personId}`) : undefined;
    return token
      ? `${web}/api/alert-preferences/${encodeURIComponent(councilId)}/${token}`
      : `${web}/councils/${encodeURIComponent(councilId)}/alert-preferences`;
  };
}

/** One digest per email address, claimed line by line in each line's council ledger, then sent. */
export async function deliverDigests(ctx: DeliveryContext, lines: AlertLine[]): Promise<DeliveryResult> {
  const result: DeliveryResult = { emails: [], alreadySent: 0, delivered: new Set() };
  const preferencesUrl = await preferenceLinks(ctx, lines);
  const byEmail = new Map<string, Digest>();
  for (const l of lines) {
    const k = l.recipient.email.toLowerCase();
    if (!byEmail.has(k)) byEmail.set(k, { to: l.recipient.email, name: l.recipient.name, lines: [] });
    byEmail.get(k)!.lines.push(l);
  }
  await mapLimit([...byEmail.values()], ctx.concurrency, async (digest) => {
    try {
      await deliverOne(ctx, digest, preferencesUrl, result);
    } catch (e) {
      const first = digest.lines[0]!;
      ctx.onProblem(first.councilId, first.itemId, `digest to ${digest.to}: ${(e as Error).message}`);
    }
  });
  return result;
}

async function claimLines(
  ctx: DeliveryContext,
  digest: Digest,
  result: DeliveryResult,
): Promise<AlertLine[]> {
  const now = ctx.now();
  const staleBefore = new Date(now.getTime() - ctx.staleAfterMs);
  const claims = await mapLimit(digest.lines, 10, (l) =>
    ctx.repo(l.councilId).claim(lineIdentity(l), ledgerRecord(l), ctx.runId, now, staleBefore),
  );
  const taken = digest.lines.filter((_, i) => claims[i] === 'taken');
  result.alreadySent += taken.length;
  // Lines another run sent (or is sending) still count as told for the outbox.
  for (const l of taken) result.delivered.add(lineKey(l));
  return digest.lines.filter((_, i) => claims[i] === 'claimed');
}

async function deliverOne(
  ctx: DeliveryContext,
  digest: Digest,
  preferencesUrl: (councilId: string, l: AlertLine) => string,
  result: DeliveryResult,
): Promise<void> {
  const mine = ctx.dryRun ? digest.lines : await claimLines(ctx, digest, result);
  if (!mine.length) return;
  const email = renderDigest({ ...digest, lines: mine }, { webBaseUrl: ctx.webBaseUrl, preferencesUrl });
  const outcome = { to: email.to, subject: email.subject, items: mine.length, email };
  if (ctx.dryRun) {
    result.emails.push({ ...outcome, outcome: 'dry-run' });
    ctx.log(`would send to ${email.to}: ${email.subject}`);
    return;
  }
  const mark = (o: Parameters<CouncilAlertsRepo['mark']>[3]) =>
    mapLimit(mine, 10, (l) => ctx.repo(l.councilId).mark(lineIdentity(l), ctx.runId, ctx.now(), o));
  try {
    const { messageId } = await ctx.sink!.deliver(email);
    await mark({ state: 'sent', messageId });
    for (const l of mine) result.delivered.add(lineKey(l));
    result.emails.push({ ...outcome, outcome: 'sent' });
    ctx.log(`sent to ${email.to}: ${email.subject}`);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await mark({ state: 'failed', error });
    await ctx.failureLog?.record({
      at: ctx.now().toISOString(),
      runId: ctx.runId,
      error,
      email,
      alerts: mine.map(lineKey),
    });
    result.emails.push({ ...outcome, outcome: 'failed', error });
    ctx.log(`FAILED to send to ${email.to} (${error}); kept in the failure log and retried next run`);
  }
}

/** What the ledger keeps about a line besides its state: enough to find the item and who was told. */
const ledgerRecord = (l: AlertLine) => ({
  stage: l.stage,
  itemId: l.itemId,
  itemType: l.itemType,
  planId: l.planId,
  actionId: l.actionId,
  keyDate: l.keyDate,
  recipientKey: l.recipient.key,
  email: l.recipient.email,
});

/** A re-baseline alert leaves the outbox once everyone it concerns has been told (or it no longer applies). */
export async function closeOutbox(
  ctx: DeliveryContext,
  outbox: OutboxEntry[],
  skipped: ReadonlySet<OutboxEntry>,
  lines: AlertLine[],
  delivered: ReadonlySet<string>,
): Promise<void> {
  const byOutbox = new Map<string, AlertLine[]>();
  for (const l of lines) {
    if (!l.outboxSk) continue;
    const k = `${l.councilId}|${l.outboxSk}`;
    byOutbox.set(k, [...(byOutbox.get(k) ?? []), l]);
  }
  for (const o of outbox) {
    const ls = byOutbox.get(`${o.councilId}|${o.sk}`);
    try {
      if (skipped.has(o) || !ls) await ctx.repo(o.councilId).outboxDone(o.sk, 'skipped', ctx.now());
      else if (
        ls.every((l) => delivered.has(lineKey(l)) || (l.stage === 'due-soon' && !l.recipient.prefs.dueSoon))
      )
        await ctx.repo(o.councilId).outboxDone(o.sk, 'sent', ctx.now());
    } catch (e) {
      ctx.onProblem(o.councilId, o.milestoneId, `outbox: ${(e as Error).message}`);
    }
  }
}
