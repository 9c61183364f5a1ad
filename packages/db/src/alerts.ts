import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type Action,
  type Council,
  type Lead,
  type Membership,
  type Person,
  type Plan,
  repairStoredEntity,
  type Status,
  type Timescale,
} from '@peopleplan/core';
import { alertLinkOwner } from './alert-link-owner.js';
import { councilFromPk, dueIndexAttributes, sk } from './keys.js';
import { hashSecret, type SecretLinksRepo } from './secret-links.js';
import type { Item, TenantStore } from './store.js';

/**
 * What the alert job reads and writes in one council's partition, through that council's own session
 * (in AWS: the tenant role with the session tag `council=<id>`), so IAM confines each council's part
 * of the run to its partition. Reads by key go through a per-run cache: the job's reads grow with the
 * distinct things that are due, not with the size of the council's data.
 */

/** An open action or milestone as the due index (or a council's plans) gives it. */
export interface DueItem {
  councilId: string;
  type: 'action' | 'milestone';
  id: string;
  planId: string;
  actionId: string;
  ref: string;
  title: string;
  due?: Timescale | undefined;
  baselineDue?: Timescale | undefined;
  status: Status;
  leads?: Lead[] | undefined;
  latestUpdate?: { at: string } | undefined;
  createdAt: string;
  /** What was wrong with the stored item (an impossible date), when something was. */
  dataProblems?: string[] | undefined;
  /** The date the due index holds it under, when it was read from that index. */
  indexedOn?: string | undefined;
}

/** A re-baseline alert saved with the milestone change and not yet delivered. */
export interface OutboxEntry {
  councilId: string;
  sk: string;
  milestoneId: string;
  planId: string;
  actionId: string;
  due: string;
  previousDue?: string | undefined;
  baselineDue?: string | undefined;
}

/** The parts of an alert's identity its record is keyed by (see `alertRecordKey`). */
export interface AlertIdentity {
  itemId: string;
  stage: string;
  keyDate: string;
  recipientKey: string;
}

/**
 * The alert record of one (item, stage, due) for one recipient: `ALERT#<item>#<stage>#<due>#TO#<who>`.
 * The recipient suffix lets a lead and an escalation recipient (or a weekly reader) be told separately.
 */
export const alertRecordKey = (a: AlertIdentity) =>
  `${sk.alert(a.itemId, a.stage, a.keyDate)}#TO#${a.recipientKey}`;

/** A raw action or milestone item (from the table or an index) as a due item, repaired if need be. */
export function toDueItem(raw: Item): DueItem | undefined {
  if (raw.type !== 'action' && raw.type !== 'milestone') return undefined;
  const item = repairStoredEntity(raw.type, raw) as Item & { dataProblems?: string[] };
  return {
    councilId: councilFromPk(raw.PK),
    type: raw.type,
    id: String(raw.id),
    planId: String(raw.planId),
    actionId: String(raw.type === 'action' ? raw.id : raw.actionId),
    ref: String(raw.ref ?? ''),
    title: String(raw.title ?? ''),
    due: item.due as DueItem['due'],
    baselineDue: item.baselineDue as DueItem['baselineDue'],
    status: raw.status as DueItem['status'],
    leads: raw.leads as DueItem['leads'],
    latestUpdate: raw.latestUpdate as DueItem['latestUpdate'],
    createdAt: String(raw.createdAt ?? ''),
    ...(item.dataProblems ? { dataProblems: item.dataProblems } : {}),
    ...(typeof raw.DUESK === 'string' && { indexedOn: raw.DUESK.slice(0, 10) }),
  };
}

export type ClaimResult = 'claimed' | 'taken';

/** How long the preferences link in an alert email works (its records then lapse by TTL). */
export const ALERT_LINK_DAYS = 90;

/** A council's alert ledger, for the alert job and its tests (not a member of CouncilData: the API never needs it). */
export const alertsOf = (data: { store: TenantStore }) => new CouncilAlertsRepo(data.store);

export class CouncilAlertsRepo {
  private readonly cache = new Map<string, Item | null>();
  private memberList: Membership[] | undefined;
  private links: SecretLinksRepo | undefined;

  constructor(private readonly store: TenantStore) {}

  /**
   * Where new preferences links' lookups are written: the job's own client (`S#` partitions), which its
   * tenant session may not write (secret-links.ts). Needed before `preferenceTokens(…, true)`.
   */
  withSecretLinks(links: SecretLinksRepo): this {
    this.links = links;
    return this;
  }

  get councilId(): string {
    return this.store.ctx.councilId;
  }

  /** Read these items once each (already-read keys are not read again). */
  async load(sortKeys: Iterable<string>): Promise<void> {
    const missing = [...new Set(sortKeys)].filter((k) => !this.cache.has(k));
    if (!missing.length) return;
    const found = await this.store.getMany(missing);
    for (const k of missing) this.cache.set(k, found.get(k) ?? null);
  }

  private cached<T>(sortKey: string): T | undefined {
    const raw = this.cache.get(sortKey);
    return raw ? (repairStoredEntity(String(raw.type), raw) as T) : undefined;
  }

  /** Keys to `load` before asking for these. */
  static keys = {
    council: () => sk.council(),
    plan: (planId: string) => sk.plan(planId),
    action: (planId: string, actionId: string) => sk.action(planId, actionId),
    milestone: (planId: string, actionId: string, id: string) => sk.milestone(planId, actionId, id),
    person: (personId: string) => sk.person(personId),
    alert: alertRecordKey,
  };

  council = () => this.cached<Council>(sk.council());
  plan = (planId: string) => this.cached<Plan>(sk.plan(planId));
  action = (planId: string, actionId: string) => this.cached<Action>(sk.action(planId, actionId));
  person = (personId: string) => this.cached<Person>(sk.person(personId));
  milestone(planId: string, actionId: string, id: string): DueItem | undefined {
    const raw = this.cache.get(sk.milestone(planId, actionId, id));
    return raw ? toDueItem(raw) : undefined;
  }
  /** The ledger record of an alert, when one exists (read after `load`). */
  alertState(a: AlertIdentity): string | undefined {
    const raw = this.cache.get(alertRecordKey(a));
    return raw ? String(raw.state) : undefined;
  }

  /** The council's members, read once per run (before `undeliverable` is asked). */
  async members(): Promise<Membership[]> {
    this.memberList ??= await this.store.queryAll<Membership>('MEMBER#', { types: ['member'] });
    return this.memberList;
  }

  /**
   * Mail to this address bounced for good or was complained about (a member record marked by the bounce
   * handler): nobody is emailed at it. Knows only what `members()` has read.
   */
  undeliverable(email: string): boolean {
    const e = email.toLowerCase();
    return !!this.memberList?.some((m) => m.undeliverable && m.email.toLowerCase() === e);
  }

  /** The council's admins who can be emailed: the last resort for an alert nobody else can be told about. */
  async admins(): Promise<Membership[]> {
    return (await this.members()).filter((m) => m.role === 'admin' && !m.undeliverable);
  }

  /** Items due in (after, to]: extends the window for a council whose due-soon is longer than the job's. */
  async dueBetween(after: string, to: string): Promise<DueItem[]> {
    const items = await this.store.queryCouncilIndexAll(`DUE#${after}#~`, `DUE#${to}#~`);
    return items.flatMap((r) => toDueItem({ ...r, PK: this.store.pk }) ?? []);
  }

  /**
   * Keep a repeating deadline's item in the due index under its coming occurrence instead of the one
   * that has passed (core occurrence.ts), so the job reads it again only when that one draws near. Only
   * if the index still holds it where the job found it: an edit meanwhile has indexed it afresh. False
   * when it did not move for that reason.
   */
  async moveDueIndex(item: DueItem, to: string): Promise<boolean> {
    if (!item.indexedOn) return false;
    const key =
      item.type === 'action'
        ? sk.action(item.planId, item.id)
        : sk.milestone(item.planId, item.actionId, item.id);
    const index = dueIndexAttributes(this.councilId, item.id, to, true);
    try {
      await this.store.update(
        key,
        'SET DUESK = :sk, CSK = :csk',
        {},
        { ':sk': index.DUESK, ':csk': index.CSK },
        { condition: 'begins_with(DUESK, :was)', values: { ':was': `${item.indexedOn}#` } },
      );
      return true;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return false;
      throw e;
    }
  }

  /** Plans that are running (not closed or archived), for the stale-progress pass. */
  /** The plans being reported on: a draft is not yet, a closed or archived plan no longer is. */
  async activePlans(): Promise<Plan[]> {
    const headers = await this.store.queryCouncilIndexAll('PLAN#', 'PLAN#~');
    return headers
      .map((h) => repairStoredEntity('plan', h) as unknown as Plan)
      .filter((p) => p.status === 'active');
  }

  async planActions(planId: string): Promise<DueItem[]> {
    const raws = await this.store.queryAllRaw(`${sk.planChildren(planId)}ACTION#`, ['action']);
    return raws.flatMap((r) => toDueItem(r) ?? []);
  }

  /**
   * reserve → send → mark sent. A reservation succeeds only if nobody has the record, or the record is
   * a failed send, or a reservation older than `staleBefore` (a run that crashed between reserving and
   * sending). A crash after sending but before marking can resend that one digest once: at-least-once,
   * never silently lost.
   */
  async claim(
    a: AlertIdentity,
    record: Item,
    runId: string,
    now: Date,
    staleBefore: Date,
  ): Promise<ClaimResult> {
    const ok = await this.store.putIf(
      alertRecordKey(a),
      'alert',
      { ...record, state: 'reserved', runId, reservedAt: now.toISOString() },
      'attribute_not_exists(PK) OR #state = :failed OR (#state = :reserved AND reservedAt < :stale)',
      { ':failed': 'failed', ':reserved': 'reserved', ':stale': staleBefore.toISOString() },
      { '#state': 'state' },
    );
    return ok ? 'claimed' : 'taken';
  }

  /** Record a claimed alert's outcome; only the run holding the reservation may. */
  async mark(
    a: AlertIdentity,
    runId: string,
    at: Date,
    outcome: { state: 'sent'; messageId: string } | { state: 'failed'; error: string },
  ): Promise<void> {
    await this.store.update(
      alertRecordKey(a),
      outcome.state === 'sent'
        ? 'SET #state = :state, sentAt = :at, messageId = :info'
        : 'SET #state = :state, failedAt = :at, lastError = :info',
      { '#state': 'state' },
      {
        ':state': outcome.state,
        ':at': at.toISOString(),
        ':info': outcome.state === 'sent' ? outcome.messageId : outcome.error.slice(0, 1000),
      },
      { condition: 'runId = :run', values: { ':run': runId } },
    );
  }

  /** A re-baseline alert has been delivered to everyone it concerns: take it out of the outbox. */
  async outboxDone(outboxSk: string, state: 'sent' | 'skipped', at: Date): Promise<void> {
    await this.store.update(
      outboxSk,
      'SET outboxState = :s, doneAt = :at REMOVE DUEPK, DUESK',
      {},
      {
        ':s': state,
        ':at': at.toISOString(),
      },
    );
  }

  /**
   * The no-sign-in link tokens to these people's alert preferences (the "unsubscribe" link in every
   * email): a new random token per person and run, of which only the hash is kept, in the council
   * (`ALERTLINK#<hash>` → person) and in its lookup (`S#<hash>` → council, person), both lapsing after
   * ALERT_LINK_DAYS. None is made when `create` is false (a dry run): the email then links to the
   * signed-in preferences page, as it does for anyone not in the people directory.
   */
  async preferenceTokens(
    personIds: readonly string[],
    create: boolean,
    now: Date = new Date(),
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!create) return out;
    const links = this.links;
    if (!links) throw new Error('preferences links need the secret-link lookups (withSecretLinks)');
    const expiresAt = Math.floor(now.getTime() / 1000) + ALERT_LINK_DAYS * 86_400;
    for (const personId of new Set(personIds)) {
      const token = randomBytes(24).toString('base64url');
      const tokenHash = hashSecret(token);
      await links.put(tokenHash, {
        councilId: this.councilId,
        kind: 'alert-link',
        subjectId: personId,
        expiresAt,
      });
      const made = await this.store.putIf(
        sk.alertLink(tokenHash),
        'alert-link',
        { personId, expiresAt },
        'attribute_not_exists(PK)',
      );
      if (made) out.set(personId, token);
      else await links.forget(tokenHash);
    }
    return out;
  }

  /**
   * The person a preferences link belongs to in this council (after its lookup named this council), if
   * the link is this council's and has not lapsed.
   */
  personForToken(token: string, now: Date = new Date()): Promise<string | undefined> {
    return alertLinkOwner(this.store, token, now);
  }

  /**
   * The weekly partner digest's claim, in the lead council's ledger: one per (partnership, week,
   * reader). A failed send marks the claim failed, which the next run may claim again.
   */
  async claimPartnerDigest(partnershipId: string, week: string, to: string, at: Date): Promise<boolean> {
    return this.store.putIf(
      sk.partnerDigest(partnershipId, week, to),
      'alert',
      { state: 'reserved', at: at.toISOString() },
      'attribute_not_exists(PK) OR #state = :failed',
      { ':failed': 'failed' },
      { '#state': 'state' },
    );
  }

  async markPartnerDigest(
    partnershipId: string,
    week: string,
    to: string,
    state: 'sent' | 'failed',
    at: Date,
  ): Promise<void> {
    await this.store.update(
      sk.partnerDigest(partnershipId, week, to),
      'SET #state = :s, #at = :at',
      { '#state': 'state', '#at': 'at' },
      { ':s': state, ':at': at.toISOString() },
    );
  }
}
