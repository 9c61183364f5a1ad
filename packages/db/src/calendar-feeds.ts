import { randomBytes } from 'node:crypto';
import { notFound } from '@peopleplan/core';
import { sk } from './keys.js';
import { hashSecret } from './secret-hash.js';
import type { SecretLinksRepo } from './secret-links.js';
import type { Item, TenantStore } from './store.js';

/**
 * Private calendar feeds (ICS). A calendar client such as Outlook subscribes to a bare URL and
 * cannot send a bearer token, so the URL carries the credential: a random 256-bit token. Only its
 * SHA-256 is stored (`FEED#<hash>`), so a copy of the table does not yield working feed URLs. Each
 * person, and each plan (for its owners), has at most one current feed (`FEEDOF#…` points at it);
 * creating a new one revokes the old, and a revoked feed answers as if it never existed. Each feed also
 * has a lookup record outside the council (`S#<hash>`, secret-links.ts) that says which council it
 * belongs to: the feed URL's council is never trusted to pick the session.
 */

export type FeedScope = 'person' | 'plan';

export interface CalendarFeed {
  tokenHash: string;
  scope: FeedScope;
  /** The person whose milestones, or the plan whose milestones, the feed lists. */
  subjectId: string;
  createdAt: string;
  createdBy: { sub: string; name: string };
  revokedAt?: string;
  revokedBy?: { sub: string; name: string };
}

interface FeedPointer {
  tokenHash: string;
  version: number;
}

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** A feed's own fields, read alone for a list of feeds. */
const FEED_FIELDS = ['tokenHash', 'scope', 'subjectId', 'createdAt', 'createdBy', 'revokedAt', 'revokedBy'];
const feedOf = (i: Item) =>
  Object.fromEntries(FEED_FIELDS.filter((f) => f in i).map((f) => [f, i[f]])) as unknown as CalendarFeed;
const now = () => new Date().toISOString();

export const hashFeedToken = hashSecret;

/**
 * A council's calendar feeds (not a member of CouncilData: only the calendar routes and the list of
 * one's own feeds need them, so they load with those, not at every cold start). This module uses only the
 * store's methods and the secret's hash (secret-hash.ts), none of the store's own modules: code loaded on
 * demand that takes part of what every request loads would split that into more chunks, each one more
 * import at a cold start (docs/architecture.md, section 9).
 */
export const calendarFeedsOf = (data: { store: TenantStore }) => new CalendarFeedsRepo(data.store);

export class CalendarFeedsRepo {
  constructor(private readonly store: TenantStore) {}

  /** The current feed of a person or plan, if any (without the token, which is not kept). */
  async current(scope: FeedScope, subjectId: string): Promise<CalendarFeed | undefined> {
    const ptr = await this.store.get<FeedPointer>(sk.calendarFeedOf(scope, subjectId));
    return ptr ? this.store.get<CalendarFeed>(sk.calendarFeed(ptr.tokenHash)) : undefined;
  }

  /** Every current (unrevoked) feed of the council, newest first: one query, then one batch read. */
  async listCurrent(): Promise<CalendarFeed[]> {
    const pointers = await this.store.queryAll<FeedPointer>('FEEDOF#', { types: ['calendar-feed-pointer'] });
    if (!pointers.length) return [];
    const found = await this.store.getMany(
      pointers.map((p) => sk.calendarFeed(p.tokenHash)),
      { attributes: FEED_FIELDS },
    );
    return pointers
      .map((p) => found.get(sk.calendarFeed(p.tokenHash)))
      .filter((i) => i !== undefined)
      .map(feedOf)
      .filter((f) => !f.revokedAt)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * Issue a new feed token (shown to the caller once) and revoke the previous feed, in one transaction;
   * its lookup is written first, with the function's own role (`links`), and the old one forgotten.
   */
  async create(
    scope: FeedScope,
    subjectId: string,
    links: SecretLinksRepo,
  ): Promise<{ token: string; feed: CalendarFeed }> {
    const ptrKey = sk.calendarFeedOf(scope, subjectId);
    const previous = await this.store.get<FeedPointer>(ptrKey);
    const token = randomBytes(32).toString('base64url');
    const { actor } = this.store.ctx;
    const by = { sub: actor.sub, name: actor.name };
    const at = now();
    const feed: CalendarFeed = {
      tokenHash: hashFeedToken(token),
      scope,
      subjectId,
      createdAt: at,
      createdBy: by,
    };
    const pointer: FeedPointer = { tokenHash: feed.tokenHash, version: (previous?.version ?? 0) + 1 };
    await links.put(feed.tokenHash, {
      councilId: this.store.ctx.councilId,
      kind: 'calendar-feed',
      scope,
      subjectId,
    });
    await this.store
      .transact(
        [
          this.store.putNew(sk.calendarFeed(feed.tokenHash), 'calendar-feed', feed),
          previous
            ? this.store.putVersioned(ptrKey, 'calendar-feed-pointer', pointer, previous.version)
            : this.store.putNew(ptrKey, 'calendar-feed-pointer', pointer),
          ...(previous ? [this.revokeItem(previous.tokenHash, at, by)] : []),
        ],
        [
          ...(previous ? [this.audit('revoke', scope, subjectId)] : []),
          { ...this.audit('create', scope, subjectId), after: { scope, subjectId, createdAt: at } },
        ],
        'calendar feed',
      )
      .catch(async (e: unknown) => {
        await links.forget(feed.tokenHash);
        throw e;
      });
    if (previous) await links.forget(previous.tokenHash);
    return { token, feed };
  }

  /** Revoke the current feed; its URL answers 404 from the next fetch. 404 if there is none. */
  async revoke(scope: FeedScope, subjectId: string, links: SecretLinksRepo): Promise<void> {
    const ptrKey = sk.calendarFeedOf(scope, subjectId);
    const ptr = await this.store.get<FeedPointer>(ptrKey);
    if (!ptr) throw notFound('Calendar feed');
    const { actor } = this.store.ctx;
    await this.store.transact(
      [
        this.revokeItem(ptr.tokenHash, now(), { sub: actor.sub, name: actor.name }),
        this.store.deleteVersioned(ptrKey, ptr.version),
      ],
      [this.audit('revoke', scope, subjectId)],
      'calendar feed',
    );
    await links.forget(ptr.tokenHash);
  }

  /**
   * The live feed a token opens in this council, or undefined (unknown, malformed or revoked): the
   * council's own record, checked after the lookup (secret-links.ts) named this council.
   */
  async resolve(token: string): Promise<CalendarFeed | undefined> {
    if (!TOKEN_RE.test(token)) return undefined;
    const feed = await this.store.get<CalendarFeed>(sk.calendarFeed(hashFeedToken(token)));
    return feed && !feed.revokedAt ? feed : undefined;
  }

  private revokeItem(tokenHash: string, at: string, by: { sub: string; name: string }) {
    return {
      Update: {
        TableName: this.store.tableName,
        Key: { PK: this.store.pk, SK: sk.calendarFeed(tokenHash) },
        UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
      },
    };
  }

  private audit(operation: 'create' | 'revoke', scope: FeedScope, subjectId: string) {
    return {
      operation,
      entityType: 'calendar-feed',
      entityId: `${scope}/${subjectId}`,
      ...(scope === 'plan' ? { planId: subjectId } : {}),
    };
  }
}
