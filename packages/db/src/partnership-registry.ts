import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { conflict, notFound, type Partnership, Slug, unprocessable } from '@peopleplan/core';
import { z } from 'zod';
import type { ConsentRecord } from './consents.js';
import { nowIso } from './ids.js';
import { partnershipPk, sk } from './keys.js';
import { entityOf, TenantStore, type TransactItem } from './store.js';
import { type Actor, tenantContext } from './tenant.js';
import { firstVersion, nextVersion } from './versioning.js';

/** Sort key of the partnership record in its own partition (`P#<id> | PARTNERSHIP`). */
export const PARTNERSHIP_SK = 'PARTNERSHIP';
/**
 * The list of all partnerships (`P# | PARTNERSHIP#<id>`), for the weekly digest job: a partition the
 * API role may already read (`P#*`), so no table scan is needed.
 */
export const DIRECTORY_PK = 'P#';
const readerSk = (userSub: string) => `READER#${userSub}`;

/** A partner reader known to the partnership: where their weekly digest goes, if they want one. */
export interface PartnershipReader {
  partnershipId: string;
  userSub: string;
  email: string;
  name: string;
  weeklyDigest: boolean;
  updatedAt: string;
}

export const PartnershipCreate = z.strictObject({
  id: Slug,
  name: z.string().trim().min(1).max(500),
  leadCouncilId: Slug,
});
export type PartnershipCreate = z.infer<typeof PartnershipCreate>;

const SYSTEM: Actor = { sub: 'system', name: 'System' };

/**
 * The partnership directory (`P#<partnership>` partitions): creating partnerships and inviting
 * members are platform operations (an operator or the local seed), never a council user's.
 * In AWS this client is the API's own role, which may touch `P#` partitions only.
 */
export class PartnershipsRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(partnershipId: string): Promise<Partnership | undefined> {
    if (!Slug.safeParse(partnershipId).success) return undefined;
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: partnershipPk(partnershipId), SK: PARTNERSHIP_SK },
        ConsistentRead: true,
      }),
    );
    return r.Item ? entityOf<Partnership>(r.Item) : undefined;
  }

  async create(input: PartnershipCreate): Promise<Partnership> {
    const p: Partnership = { ...PartnershipCreate.parse(input), memberCouncilIds: [], ...firstVersion() };
    await this.send(
      [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...p, PK: partnershipPk(p.id), SK: PARTNERSHIP_SK, type: 'partnership' },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { PK: DIRECTORY_PK, SK: `PARTNERSHIP#${p.id}`, type: 'partnership-entry', id: p.id },
          },
        },
      ],
      `A partnership called ${p.id} already exists`,
    );
    return p;
  }

  /** A council leaves a partnership (offboarding): it is no longer a member; its consent went with it. */
  async removeMember(partnershipId: string, councilId: string): Promise<void> {
    const before = await this.get(partnershipId);
    if (!before?.memberCouncilIds.includes(councilId)) return;
    const after = nextVersion(before, {
      memberCouncilIds: before.memberCouncilIds.filter((c) => c !== councilId),
    });
    await this.saveVersioned(partnershipId, before, after);
  }

  /** Every partnership's id (the weekly digest job goes through them). */
  async ids(): Promise<string[]> {
    return (await this.queryPrefix(DIRECTORY_PK, 'PARTNERSHIP#')).map((i) => String(i.id));
  }

  /**
   * Record a partner reader and whether they want the weekly digest. Whoever grants the Cognito group
   * `partnership:<id>:partner-reader` records the reader here too, and removes them with the group.
   */
  async putReader(reader: Omit<PartnershipReader, 'updatedAt'>): Promise<PartnershipReader> {
    const item: PartnershipReader = { ...reader, updatedAt: nowIso() };
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...item,
          PK: partnershipPk(reader.partnershipId),
          SK: readerSk(reader.userSub),
          type: 'reader',
        },
      }),
    );
    return item;
  }

  async getReader(partnershipId: string, userSub: string): Promise<PartnershipReader | undefined> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: partnershipPk(partnershipId), SK: readerSk(userSub) },
        ConsistentRead: true,
      }),
    );
    return r.Item ? entityOf<PartnershipReader>(r.Item) : undefined;
  }

  /**
   * A partner reader switching their own weekly digest on or off. Only a reader an operator has
   * recorded (with the address to use) can: a token alone never creates a record, so someone whose
   * group was removed cannot put themselves back on the list. Not recorded: 422.
   */
  async setWeeklyDigest(
    partnershipId: string,
    userSub: string,
    weeklyDigest: boolean,
  ): Promise<PartnershipReader> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: partnershipPk(partnershipId), SK: readerSk(userSub) },
          UpdateExpression: 'SET weeklyDigest = :on, updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':on': weeklyDigest, ':now': nowIso() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return entityOf<PartnershipReader>(r.Attributes!);
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) {
        throw unprocessable(
          'Email from this partnership has not been set up for you: ask your administrator',
        );
      }
      throw e;
    }
  }

  async removeReader(partnershipId: string, userSub: string): Promise<void> {
    await this.doc.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { PK: partnershipPk(partnershipId), SK: readerSk(userSub) },
      }),
    );
  }

  async readers(partnershipId: string): Promise<PartnershipReader[]> {
    return (await this.queryPrefix(partnershipPk(partnershipId), 'READER#')).map((i) =>
      entityOf<PartnershipReader>(i),
    );
  }

  /** Every item of a partition whose sort key starts with `prefix`, page after page. */
  private async queryPrefix(pk: string, prefix: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Invite a council. Its `invited` consent is written into its own partition through `council`, that
   * council's session (audited there: in AWS the tenant role, which alone may write it); then the
   * partnership's members, with the function's own role, which alone may write `P#`. A retry after the
   * second step failed finds the invitation already there and goes on. Nothing is shared until the
   * council grants.
   */
  async invite(
    partnershipId: string,
    councilId: string,
    actor: Actor = SYSTEM,
    council: TenantStore = new TenantStore(
      this.doc,
      this.tableName,
      tenantContext(councilId, 'system', actor),
    ),
  ): Promise<{ partnership: Partnership; consent: ConsentRecord }> {
    const before = await this.get(partnershipId);
    if (!before) throw notFound('Partnership');
    if (before.memberCouncilIds.includes(councilId)) throw conflict(`${councilId} is already a member`);
    if (council.ctx.councilId !== councilId) throw new Error('invite: the session is for another council');
    const consent: ConsentRecord = {
      partnershipId,
      councilId,
      partnershipName: before.name,
      status: 'invited',
      scope: 'all',
      changedBy: actor.sub,
      changedByName: actor.name,
      ...firstVersion(),
    };
    await council.transact(
      [
        // The council must exist; its consent must not, unless this is a retry of the same invitation.
        council.conditionExists(sk.council()),
        {
          Put: {
            TableName: this.tableName,
            Item: { ...consent, PK: council.pk, SK: sk.consent(partnershipId), type: 'consent' },
            ConditionExpression: 'attribute_not_exists(PK) OR #s = :invited',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':invited': 'invited' },
          },
        },
      ],
      [{ operation: 'create', entityType: 'partnership-consent', entityId: partnershipId, after: consent }],
      'partnership',
    );
    const after = nextVersion(before, { memberCouncilIds: [...before.memberCouncilIds, councilId] });
    await this.saveVersioned(partnershipId, before, after);
    return { partnership: after, consent };
  }

  /** The partnership record as changed, only if nobody changed it since `before` was read. */
  private saveVersioned(partnershipId: string, before: Partnership, after: Partnership): Promise<void> {
    return this.send(
      [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...after, PK: partnershipPk(partnershipId), SK: PARTNERSHIP_SK, type: 'partnership' },
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': before.version },
          },
        },
      ],
      'The partnership was changed meanwhile: try again',
    );
  }

  private async send(items: TransactItem[], message: string) {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (e) {
      if (e instanceof TransactionCanceledException) throw conflict(message);
      throw e;
    }
  }
}
