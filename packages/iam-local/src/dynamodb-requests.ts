/**
 * What IAM authorizes for one DynamoDB API call: the action(s), the table or index ARN and the request's
 * context keys, computed from the marshalled (wire-form) input. As in AWS:
 * - a transaction is authorized item by item as the underlying action (a `ConditionCheck` is
 *   `dynamodb:ConditionCheckItem`, a transactional `Put` is `dynamodb:PutItem`, …) with
 *   `dynamodb:EnclosingOperation` set; one refused item refuses the whole call;
 * - a batch is authorized as `dynamodb:BatchGetItem`/`dynamodb:BatchWriteItem` once per table, with every
 *   partition key the batch names for that table in `dynamodb:LeadingKeys` (a multivalued key: hence the
 *   `ForAllValues:` qualifier in the policies);
 * - a Query's `dynamodb:LeadingKeys` is the partition-key value of the table or index it reads: on a
 *   global secondary index that is the index's own partition key (`CPK`, `DUEPK`), the only partition
 *   value such a request carries;
 * - a Scan names no key, so `dynamodb:LeadingKeys` is absent.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { keyString, partitionKeyCondition, topLevelAttributes } from './expressions.js';

type Item = Record<string, AttributeValue>;

/** The fields of DynamoDB's request shapes this module reads. */
export interface DynamoInput {
  TableName?: string;
  IndexName?: string;
  Key?: Item;
  Item?: Item;
  KeyConditionExpression?: string;
  KeyConditions?: Record<string, { AttributeValueList?: AttributeValue[]; ComparisonOperator?: string }>;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
  ProjectionExpression?: string;
  AttributesToGet?: string[];
  UpdateExpression?: string;
  AttributeUpdates?: Record<string, unknown>;
  Select?: string;
  ReturnValues?: string;
  ReturnConsumedCapacity?: string;
  ResourceArn?: string;
  RequestItems?: Record<string, unknown>;
  TransactItems?: Record<string, DynamoInput | undefined>[];
}

export interface TableSchema {
  /** ARN the policies name (the app's table in the fake environment). */
  arn: string;
  partitionKey: string;
  indexes: Record<string, { partitionKey: string }>;
}

export interface DynamoAuthorization {
  action: string;
  /** The ARN evaluated against the policies. */
  resource: string;
  /** The same resource under the table name the request used: what AWS's error message shows. */
  shownResource: string;
  context: Record<string, string | string[]>;
}

export interface AuthorizationOptions {
  /** Schema for a table name the request uses (tests give every file its own table name). */
  table: (tableName: string) => TableSchema;
  /** Compute `dynamodb:Attributes` (only worth it when some policy reads it). */
  attributes: boolean;
}

const PARTIQL = new Set(['ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction']);

export function dynamoAuthorizations(
  command: string,
  input: DynamoInput,
  opts: AuthorizationOptions,
): DynamoAuthorization[] {
  const one = (action: string, i: DynamoInput, ctx: Record<string, string | string[]> = {}) =>
    authorization(action, i, opts, ctx);
  switch (command) {
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'Query':
    case 'Scan':
      return [one(command, input)];
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.entries(input.RequestItems ?? {}).map(([TableName, request]) =>
        batchAuthorization(command, TableName, request, opts),
      );
    case 'TransactGetItems':
    case 'TransactWriteItems':
      return (input.TransactItems ?? []).map((item) => {
        const [kind, inner] = Object.entries(item).find(([, v]) => v) ?? [];
        if (!kind || !inner) throw new Error(`${command}: an item names no operation`);
        const action = TRANSACT_ACTIONS[kind];
        if (!action) throw new Error(`${command}: unknown item kind ${kind}`);
        return one(action, inner, { 'dynamodb:EnclosingOperation': command });
      });
    default: {
      if (PARTIQL.has(command)) throw new Error(`iam-local does not evaluate PartiQL (${command})`);
      const where = input.TableName
        ? resource(input.TableName, undefined, opts)
        : { resource: input.ResourceArn ?? '*', shownResource: input.ResourceArn ?? '*' };
      return [{ action: `dynamodb:${command}`, ...where, context: requestOptionKeys(input) }];
    }
  }
}

const TRANSACT_ACTIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

function resource(tableName: string, indexName: string | undefined, opts: AuthorizationOptions) {
  const schema = opts.table(tableName);
  const shownTable = schema.arn.replace(/table\/[^/]+$/, `table/${tableName}`);
  const suffix = indexName ? `/index/${indexName}` : '';
  return { schema, resource: schema.arn + suffix, shownResource: shownTable + suffix };
}

function requestOptionKeys(input: DynamoInput): Record<string, string> {
  const ctx: Record<string, string> = {};
  if (input.Select) ctx['dynamodb:Select'] = input.Select;
  if (input.ReturnValues) ctx['dynamodb:ReturnValues'] = input.ReturnValues;
  if (input.ReturnConsumedCapacity) ctx['dynamodb:ReturnConsumedCapacity'] = input.ReturnConsumedCapacity;
  return ctx;
}

function partitionValue(action: string, input: DynamoInput, partitionKey: string): string | undefined {
  if (action === 'Scan') return undefined;
  if (action === 'Query') {
    const legacy = input.KeyConditions?.[partitionKey];
    const value = input.KeyConditionExpression
      ? partitionKeyCondition(
          input.KeyConditionExpression,
          partitionKey,
          input.ExpressionAttributeNames,
          input.ExpressionAttributeValues,
        )
      : legacy?.ComparisonOperator === 'EQ'
        ? legacy.AttributeValueList?.[0]
        : undefined;
    return keyString(value);
  }
  return keyString((action === 'PutItem' ? input.Item : input.Key)?.[partitionKey]);
}

function attributesOf(action: string, input: DynamoInput): string[] | undefined {
  const names = input.ExpressionAttributeNames;
  const projected = input.ProjectionExpression
    ? topLevelAttributes(input.ProjectionExpression, names)
    : input.AttributesToGet;
  switch (action) {
    case 'PutItem':
      return Object.keys(input.Item ?? {});
    case 'UpdateItem':
      return [
        ...new Set([
          ...Object.keys(input.Key ?? {}),
          ...(input.UpdateExpression ? topLevelAttributes(input.UpdateExpression, names) : []),
          ...Object.keys(input.AttributeUpdates ?? {}),
        ]),
      ];
    case 'DeleteItem':
    case 'ConditionCheckItem':
      return Object.keys(input.Key ?? {});
    default:
      return projected;
  }
}

function authorization(
  action: string,
  input: DynamoInput,
  opts: AuthorizationOptions,
  extra: Record<string, string | string[]>,
): DynamoAuthorization {
  if (!input.TableName) throw new Error(`${action}: no TableName`);
  const where = resource(input.TableName, input.IndexName, opts);
  const partitionKey = input.IndexName
    ? where.schema.indexes[input.IndexName]?.partitionKey
    : where.schema.partitionKey;
  const context: Record<string, string | string[]> = { ...requestOptionKeys(input), ...extra };
  const leading = partitionKey ? partitionValue(action, input, partitionKey) : undefined;
  if (leading !== undefined) context['dynamodb:LeadingKeys'] = [leading];
  const attributes = opts.attributes ? attributesOf(action, input) : undefined;
  if (attributes) context['dynamodb:Attributes'] = attributes;
  return {
    action: `dynamodb:${action}`,
    resource: where.resource,
    shownResource: where.shownResource,
    context,
  };
}

function batchAuthorization(
  command: 'BatchGetItem' | 'BatchWriteItem',
  tableName: string,
  request: unknown,
  opts: AuthorizationOptions,
): DynamoAuthorization {
  const where = resource(tableName, undefined, opts);
  const pk = where.schema.partitionKey;
  const items: { key: Item; attributes: string[] }[] = [];
  if (command === 'BatchGetItem') {
    const r = request as DynamoInput & { Keys?: Item[] };
    const projected = r.ProjectionExpression
      ? topLevelAttributes(r.ProjectionExpression, r.ExpressionAttributeNames)
      : (r.AttributesToGet ?? []);
    for (const key of r.Keys ?? []) items.push({ key, attributes: projected });
  } else {
    for (const w of (request ?? []) as { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]) {
      const key = w.PutRequest?.Item ?? w.DeleteRequest?.Key ?? {};
      items.push({ key, attributes: Object.keys(key) });
    }
  }
  const context: Record<string, string | string[]> = {};
  const leading = [...new Set(items.map((i) => keyString(i.key[pk])).filter((k) => k !== undefined))];
  if (leading.length > 0) context['dynamodb:LeadingKeys'] = leading;
  if (opts.attributes) context['dynamodb:Attributes'] = [...new Set(items.flatMap((i) => i.attributes))];
  return {
    action: `dynamodb:${command}`,
    resource: where.resource,
    shownResource: where.shownResource,
    context,
  };
}
