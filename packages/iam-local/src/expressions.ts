/**
 * Just enough of DynamoDB's expression syntax to compute IAM context keys: the partition-key value a
 * KeyConditionExpression names (`dynamodb:LeadingKeys`) and the top-level attributes a projection or
 * update expression touches (`dynamodb:Attributes`).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

type Names = Record<string, string> | undefined;
type Values = Record<string, AttributeValue> | undefined;

const resolveName = (token: string, names: Names) => (token.startsWith('#') ? names?.[token] : token);

/**
 * The value compared for equality with `partitionKey` (`#pk = :pk`, `PK = :v`, `:v = PK`). DynamoDB
 * requires exactly this form for a query's partition key, so no other shape needs recognising.
 */
export function partitionKeyCondition(
  expression: string,
  partitionKey: string,
  names: Names,
  values: Values,
): AttributeValue | undefined {
  for (const m of expression.matchAll(/([#\w.]+)\s*=\s*(:\w+)|(:\w+)\s*=\s*([#\w.]+)/g)) {
    const [name, value] = m[1] ? [m[1], m[2]!] : [m[4]!, m[3]!];
    if (resolveName(name, names) === partitionKey) return values?.[value];
  }
  return undefined;
}

const KEYWORDS = new Set(['set', 'remove', 'add', 'delete', 'and', 'or', 'not', 'between', 'in']);

/** Top-level attribute names in a projection or update expression (`a.b[1]` counts as `a`). */
export function topLevelAttributes(expression: string, names: Names): string[] {
  const found = new Set<string>();
  // A name is top level unless it follows `.`; a word followed by `(` is a function; `:x` is a value.
  for (const m of expression.matchAll(/(^|[^.\w#:])(#?[A-Za-z_][\w]*)(\s*\()?/g)) {
    const token = m[2]!;
    if (m[3] || (!token.startsWith('#') && KEYWORDS.has(token.toLowerCase()))) continue;
    const name = resolveName(token, names);
    if (name) found.add(name);
  }
  return [...found];
}

/** An attribute value as IAM sees a key: strings and numbers as written, binary as base64. */
export function keyString(value: AttributeValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return value.N;
  if (value.B !== undefined) return Buffer.from(value.B).toString('base64');
  return undefined;
}
