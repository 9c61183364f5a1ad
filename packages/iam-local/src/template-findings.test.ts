/**
 * What the current templates allow and refuse where issue 14 says they fall short. These tests state
 * today's templates: when issue 14's least-privilege work changes a policy, the matching expectation here
 * must change with it (that is the point: a policy change cannot go unnoticed).
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocClient } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { type AppPolicies, loadAppPolicies } from './app-policies.js';
import type { SessionPrincipal } from './evaluate.js';
import { evaluateCommand, withIamEvaluation } from './with-iam-evaluation.js';

let policies: AppPolicies;
beforeAll(async () => {
  policies = await loadAppPolicies();
});

const S = (s: string) => ({ S: s });
/** A function's own execution role (no session tags). */
const own = (role: string): SessionPrincipal => ({ role, sessionName: 'peopleplan-local', tags: {} });
const result = async (who: SessionPrincipal, command: string, input: object) =>
  (await evaluateCommand(policies, who, command, input)).at(-1)?.result;

/** The claim key packages/alerts/src/partner-digests.ts writes in the lead council's partition. */
const claimKey = { PK: 'C#harrow', SK: 'ALERT#PARTNER#east#2026-W11#TO#reader@example.gov.uk' };

describe("the alert job's role and the partner digest claim (issue 14)", () => {
  it('may write the claim but not delete it: releasing a failed claim is refused in AWS', async () => {
    const key = { PK: S(claimKey.PK), SK: S(claimKey.SK) };
    expect(
      await result(own('alerts'), 'PutItem', { TableName: 't', Item: { ...key, state: S('reserved') } }),
    ).toBe('Allowed');
    expect(await result(own('alerts'), 'DeleteItem', { TableName: 't', Key: key })).toBe('ImplicitlyDenied');
  });

  describe('against DynamoDB Local', () => {
    let tableName: string;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ tableName, drop } = await freshTable());
    });
    afterAll(async () => {
      await drop?.();
    });

    it("reproduces the lost digest: the release fails, the claim stays, next week's retry sees it taken", async () => {
      const endpoint = inject('dynamoEndpoint');
      const job = withIamEvaluation(createDocClient({ endpoint }), {
        policies,
        defaultRole: 'alerts',
        env: {},
      });
      const claim = () =>
        job.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...claimKey, type: 'alert', state: 'reserved' },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      await claim();
      // The send failed; the digest code releases its claim exactly like this:
      await expect(
        job.send(new DeleteCommand({ TableName: tableName, Key: claimKey })),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining(
          'because no identity-based policy allows the dynamodb:DeleteItem action',
        ),
      });
      // …so the retry finds the claim and counts the digest as already sent: it is never delivered.
      await expect(claim()).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    });
  });
});

describe('roles that reach council partitions with their own credentials', () => {
  const reads = (pk: string) =>
    [
      ['GetItem', { TableName: 't', Key: { PK: S(pk), SK: S('COUNCIL') } }],
      ['PutItem', { TableName: 't', Item: { PK: S(pk), SK: S('ALERT#x') } }],
      [
        'Query',
        { TableName: 't', KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': S(pk) } },
      ],
      [
        'Query',
        {
          TableName: 't',
          IndexName: 'council',
          KeyConditionExpression: 'CPK = :p',
          ExpressionAttributeValues: { ':p': S(pk) },
        },
      ],
    ] as const;

  it('is the alert job alone, for every council (issue 14: only sessions should)', async () => {
    const reaching: string[] = [];
    for (const role of policies.roleNames().filter((r) => r !== 'tenant' && r !== 'partner-reader')) {
      for (const [command, input] of [...reads('C#harrow'), ...reads('C#kent')]) {
        if ((await result(own(role), command, input)) === 'Allowed') reaching.push(`${role} ${command}`);
      }
    }
    expect([...new Set(reaching)]).toEqual(['alerts GetItem', 'alerts PutItem', 'alerts Query']);
  });

  it('the tenant and partner-reader roles reach nothing without a council session tag', async () => {
    for (const role of ['tenant', 'partner-reader']) {
      for (const [command, input] of reads('C#harrow')) {
        expect(await result(own(role), command, input)).toBe('ImplicitlyDenied');
      }
    }
  });

  it('the partner-reader session cannot query the due index either', async () => {
    const reader: SessionPrincipal = {
      role: 'partner-reader',
      sessionName: 'x',
      tags: { council: 'harrow' },
    };
    const q = {
      TableName: 't',
      IndexName: 'due',
      KeyConditionExpression: 'DUEPK = :d',
      ExpressionAttributeValues: { ':d': S('DUE#0') },
    };
    expect(await result(reader, 'Query', q)).toBe('ImplicitlyDenied');
    expect(await result(own('alerts'), 'Query', q)).toBe('Allowed');
  });
});
