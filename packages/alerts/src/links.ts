import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { councilPk } from '@peopleplan/db';
import type { Directory } from './directory.js';

/**
 * No-sign-in links to a person's alert preferences (the "unsubscribe" link in every email): a random
 * token stored in the council's partition, `ALERTLINK#<token>` → person, with `ALERTLINKOF#<person>`
 * pointing back so each person keeps one token.
 */
export const linkSk = (token: string) => `ALERTLINK#${token}`;
export const linkOfSk = (personId: string) => `ALERTLINKOF#${personId}`;

export async function preferenceTokens(
  doc: DynamoDBDocumentClient,
  tableName: string,
  dir: Directory,
  people: Array<{ councilId: string; personId: string }>,
  create: boolean,
): Promise<Map<string, string>> {
  await dir.load(people.map((p) => ({ councilId: p.councilId, sk: linkOfSk(p.personId) })));
  const out = new Map<string, string>();
  for (const p of people) {
    const existing = dir.raw(p.councilId, linkOfSk(p.personId))?.token as string | undefined;
    if (existing) {
      out.set(`${p.councilId}|${p.personId}`, existing);
      continue;
    }
    if (!create) continue;
    const token = randomBytes(24).toString('base64url');
    const pk = councilPk(p.councilId);
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { PK: pk, SK: linkOfSk(p.personId), type: 'alert-link-of', token },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { PK: pk, SK: linkSk(token), type: 'alert-link', personId: p.personId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      out.set(`${p.councilId}|${p.personId}`, token);
    } catch {
      // Another run made one meanwhile: the email links to the signed-in preferences page instead.
    }
  }
  return out;
}
