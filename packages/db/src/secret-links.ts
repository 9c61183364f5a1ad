import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Slug } from '@peopleplan/core';
import { nowIso } from './ids.js';
import { secretLinkKey } from './keys.js';
import { hashSecret } from './secret-hash.js';

export { hashSecret };

/**
 * Lookups from a sign-in-free secret (a calendar feed's token, an alert email's preferences link) to the
 * council it belongs to: `S#<sha256 of the token>` → `{ councilId, kind, subjectId }`. The token itself is
 * never stored. A route finds the council here, opens that council's session (never one for the council
 * the URL names), and then checks the council's own record of the secret, so a lookup alone opens
 * nothing and a secret under another council's URL answers 404 (docs/architecture.md, "Tenant isolation").
 *
 * Written with the function's own role, not in the council's transaction: a tenant session may write only
 * its own partition (IAM cannot limit what a session writes into a shared one), so the lookup is written
 * first and the council's record second; a lookup left behind by a failed second write leads nowhere.
 */
export type SecretKind = 'calendar-feed' | 'alert-link';

export interface SecretLink {
  councilId: string;
  kind: SecretKind;
  /** The person or plan the secret is for (`scope` says which, for feeds). */
  subjectId: string;
  scope?: 'person' | 'plan';
  createdAt: string;
  /** Epoch seconds, for secrets that lapse (DynamoDB's TTL removes the record some time after). */
  expiresAt?: number;
}

/** Secrets are base64url tokens of 24 or 32 random bytes; anything else is never looked up. */
const TOKEN_RE = /^[A-Za-z0-9_-]{20,64}$/;

export class SecretLinksRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records a new secret's lookup; refuses to overwrite one (a 256-bit collision is a bug, not luck). */
  async put(tokenHash: string, link: Omit<SecretLink, 'createdAt'>): Promise<void> {
    if (!Slug.safeParse(link.councilId).success) throw new Error('secret link: not a council id');
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...secretLinkKey(tokenHash), type: 'secret-link', ...link, createdAt: nowIso() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /** The live lookup of a token of this kind, or undefined (malformed, unknown, other kind, lapsed). */
  async resolve(token: string, kind: SecretKind, now: Date = new Date()): Promise<SecretLink | undefined> {
    if (!TOKEN_RE.test(token)) return undefined;
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: secretLinkKey(hashSecret(token)),
        ConsistentRead: true,
      }),
    );
    const item = r.Item;
    if (!item || item.kind !== kind || typeof item.councilId !== 'string') return undefined;
    if (typeof item.expiresAt === 'number' && item.expiresAt * 1000 <= now.getTime()) return undefined;
    const { PK: _p, SK: _s, type: _t, ...link } = item;
    return link as SecretLink;
  }

  /** Forgets a secret (revoked feed); a lookup already gone is fine. */
  async remove(tokenHash: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: secretLinkKey(tokenHash) }));
  }

  /**
   * Best effort: the council's own record is what counts (it is revoked or absent), so a lookup that could
   * not be removed still leads nowhere.
   */
  async forget(tokenHash: string): Promise<void> {
    await this.remove(tokenHash).catch(() => undefined);
  }
}
