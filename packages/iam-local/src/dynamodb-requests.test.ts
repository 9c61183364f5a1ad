/** Actions, resources and context keys computed from marshalled DynamoDB requests. */
import { describe, expect, it } from 'vitest';
import { AppPolicies } from './app-policies.js';
import type { AppPolicySet } from './app-roles.js';
import { type AuthorizationOptions, dynamoAuthorizations } from './dynamodb-requests.js';
import { topLevelAttributes } from './expressions.js';
import { evaluateCommand } from './with-iam-evaluation.js';

const ARN = 'arn:aws:dynamodb:eu-west-2:111122223333:table/app';
const opts: AuthorizationOptions = {
  table: () => ({
    arn: ARN,
    partitionKey: 'PK',
    indexes: { due: { partitionKey: 'DUEPK' }, council: { partitionKey: 'CPK' } },
  }),
  attributes: false,
};
const S = (s: string) => ({ S: s });
const keys = (command: string, input: object, o = opts) =>
  dynamoAuthorizations(command, input, o).map((a) => [
    a.action,
    a.resource,
    a.context['dynamodb:LeadingKeys'],
  ]);

describe('dynamodb:LeadingKeys and resources', () => {
  it('reads the partition key of a query however the expression is written', () => {
    const values = { ':pk': S('C#harrow'), ':sk': S('PLAN#') };
    for (const KeyConditionExpression of [
      'PK = :pk',
      '#p = :pk AND begins_with(#s, :sk)',
      ':pk = PK AND SK BETWEEN :sk AND :sk',
      '(#p = :pk) AND (#s > :sk)',
    ]) {
      expect(
        keys('Query', {
          TableName: 't-1',
          KeyConditionExpression,
          ExpressionAttributeNames: KeyConditionExpression.includes('#')
            ? { '#p': 'PK', '#s': 'SK' }
            : undefined,
          ExpressionAttributeValues: values,
        }),
      ).toEqual([['dynamodb:Query', ARN, ['C#harrow']]]);
    }
    expect(
      keys('Query', {
        TableName: 't',
        KeyConditions: { PK: { ComparisonOperator: 'EQ', AttributeValueList: [S('C#kent')] } },
      }),
    ).toEqual([['dynamodb:Query', ARN, ['C#kent']]]);
  });

  it("uses the queried index's own partition key on a global secondary index", () => {
    const q = (IndexName: string, attr: string, v: string) =>
      keys('Query', {
        TableName: 't',
        IndexName,
        KeyConditionExpression: `${attr} = :v`,
        ExpressionAttributeValues: { ':v': S(v) },
      });
    expect(q('council', 'CPK', 'C#harrow')).toEqual([
      ['dynamodb:Query', `${ARN}/index/council`, ['C#harrow']],
    ]);
    expect(q('due', 'DUEPK', 'DUE#2')).toEqual([['dynamodb:Query', `${ARN}/index/due`, ['DUE#2']]]);
    // The table's key name means nothing on an index: no partition value is known, so none is claimed.
    expect(q('due', 'PK', 'C#harrow')).toEqual([['dynamodb:Query', `${ARN}/index/due`, undefined]]);
  });

  it('names no key for a Scan, and maps table-level calls to the table or *', () => {
    expect(keys('Scan', { TableName: 't' })).toEqual([['dynamodb:Scan', ARN, undefined]]);
    expect(keys('Scan', { TableName: 't', IndexName: 'due' })).toEqual([
      ['dynamodb:Scan', `${ARN}/index/due`, undefined],
    ]);
    expect(keys('DescribeTable', { TableName: 't' })).toEqual([['dynamodb:DescribeTable', ARN, undefined]]);
    expect(keys('ListTables', {})).toEqual([['dynamodb:ListTables', '*', undefined]]);
    expect(() => keys('ExecuteStatement', { Statement: 'SELECT * FROM t' })).toThrow(/PartiQL/);
  });

  it('authorizes a transaction item by item as the underlying actions', () => {
    const k = (pk: string) => ({ PK: S(pk), SK: S('x') });
    const auth = dynamoAuthorizations(
      'TransactWriteItems',
      {
        TransactItems: [
          { Put: { TableName: 't', Item: { ...k('C#a'), v: S('1') } } },
          { Update: { TableName: 't', Key: k('C#b') } },
          { Delete: { TableName: 't', Key: k('C#c') } },
          { ConditionCheck: { TableName: 't', Key: k('C#d') } },
        ],
      },
      opts,
    );
    expect(
      auth.map((a) => [
        a.action,
        a.context['dynamodb:LeadingKeys'],
        a.context['dynamodb:EnclosingOperation'],
      ]),
    ).toEqual([
      ['dynamodb:PutItem', ['C#a'], 'TransactWriteItems'],
      ['dynamodb:UpdateItem', ['C#b'], 'TransactWriteItems'],
      ['dynamodb:DeleteItem', ['C#c'], 'TransactWriteItems'],
      ['dynamodb:ConditionCheckItem', ['C#d'], 'TransactWriteItems'],
    ]);
    expect(keys('TransactGetItems', { TransactItems: [{ Get: { TableName: 't', Key: k('C#a') } }] })).toEqual(
      [['dynamodb:GetItem', ARN, ['C#a']]],
    );
  });

  it('authorizes a batch once per table with every partition key it names', () => {
    const k = (pk: string, sk: string) => ({ PK: S(pk), SK: S(sk) });
    expect(
      keys('BatchWriteItem', {
        RequestItems: {
          one: [
            { PutRequest: { Item: k('C#a', '1') } },
            { DeleteRequest: { Key: k('C#b', '1') } },
            { PutRequest: { Item: k('C#a', '2') } },
          ],
          two: [{ DeleteRequest: { Key: k('C#c', '1') } }],
        },
      }),
    ).toEqual([
      ['dynamodb:BatchWriteItem', ARN, ['C#a', 'C#b']],
      ['dynamodb:BatchWriteItem', ARN, ['C#c']],
    ]);
    expect(keys('BatchGetItem', { RequestItems: { one: { Keys: [k('C#a', '1'), k('C#a', '2')] } } })).toEqual(
      [['dynamodb:BatchGetItem', ARN, ['C#a']]],
    );
  });

  it('shows the table name the request used in the refusal, while evaluating the app table', () => {
    const [a] = dynamoAuthorizations('GetItem', { TableName: 't-123', Key: { PK: S('C#a') } }, opts);
    expect(a?.resource).toBe(ARN);
    expect(a?.shownResource).toBe('arn:aws:dynamodb:eu-west-2:111122223333:table/t-123');
  });
});

describe('dynamodb:Attributes', () => {
  it('lists the top-level attributes an expression touches', () => {
    expect(
      topLevelAttributes(
        'SET #a = if_not_exists(#a, :z) + :one, b.c = :v, l = list_append(l, :l) REMOVE d[0] ADD e :n',
        {
          '#a': 'count',
        },
      ),
    ).toEqual(['count', 'b', 'l', 'd', 'e']);
    expect(topLevelAttributes('title, #s.nested, items[2]', { '#s': 'status' })).toEqual([
      'title',
      'status',
      'items',
    ]);
  });

  it('is enforced when a policy reads it (computed only then)', async () => {
    const arn = 'arn:aws:iam::111122223333:role/writer';
    const set: AppPolicySet = {
      account: '111122223333',
      region: 'eu-west-2',
      partition: 'aws',
      tables: [{ stack: 's', logicalId: 'T', name: 'app', arn: ARN, partitionKey: 'PK', indexes: {} }],
      roles: {
        writer: {
          name: 'writer',
          constructPath: 's/Writer',
          stack: 's',
          logicalId: 'Writer',
          roleName: 'writer',
          arn,
          trustPolicy: { Statement: [] },
          awsManagedPolicyArns: [],
          identityPolicies: [
            {
              name: 'p',
              document: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
                    Resource: ARN,
                    Condition: {
                      'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['PK', 'SK', 'title'] },
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    };
    const policies = new AppPolicies(set);
    expect(policies.conditionKeys.has('dynamodb:attributes')).toBe(true);
    const who = { role: 'writer', sessionName: 's', tags: {} };
    const put = (item: Record<string, { S: string }>) =>
      evaluateCommand(policies, who, 'PutItem', { TableName: 'app', Item: item }).then((d) =>
        d.map((x) => x.result),
      );
    expect(await put({ PK: S('a'), SK: S('b'), title: S('t') })).toEqual(['Allowed']);
    expect(await put({ PK: S('a'), SK: S('b'), secret: S('s') })).toEqual(['ImplicitlyDenied']);
    const update = (expr: string) =>
      evaluateCommand(policies, who, 'UpdateItem', {
        TableName: 'app',
        Key: { PK: S('a'), SK: S('b') },
        UpdateExpression: expr,
        ExpressionAttributeValues: { ':v': S('x') },
      }).then((d) => d.map((x) => x.result));
    expect(await update('SET title = :v')).toEqual(['Allowed']);
    expect(await update('SET title = :v, secret = :v')).toEqual(['ImplicitlyDenied']);
  });
});
