import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { councilPk } from '@peopleplan/db';
import { partnerWeeklyDigests } from '@peopleplan/partnerships';
import { getISODay, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import type { DigestSink } from './job.js';

export interface PartnerDigestResult {
  considered: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

/**
 * Partner readers' weekly "what slipped across the partnership" email, sent on Mondays. Each
 * (partnership, week, reader) is claimed with a conditional write in the lead council's ledger
 * before sending, so a second run that week sends nothing; a failed send releases its claim.
 * The digest itself reads only consenting councils (packages/partnerships).
 */
export async function sendPartnerDigests(opts: {
  doc: DynamoDBDocumentClient;
  tableName: string;
  today: string;
  webBaseUrl: string;
  sink: DigestSink;
  /** Send whatever the weekday (tests, a manual catch-up run). */
  anyDay?: boolean;
  dryRun?: boolean;
}): Promise<PartnerDigestResult> {
  const result: PartnerDigestResult = { considered: 0, sent: 0, alreadySent: 0, failed: 0 };
  const day = parseISO(opts.today);
  if (!opts.anyDay && getISODay(day) !== 1) return result;
  const week = `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
  const emails = await partnerWeeklyDigests(
    { tableName: opts.tableName, directory: opts.doc, readFor: async () => opts.doc },
    { today: opts.today, webBaseUrl: opts.webBaseUrl },
  );
  for (const email of emails) {
    result.considered++;
    if (opts.dryRun) continue;
    const key = {
      PK: councilPk(email.leadCouncilId),
      SK: `ALERT#PARTNER#${email.partnershipId}#${week}#TO#${email.to.toLowerCase()}`,
    };
    try {
      await opts.doc.send(
        new PutCommand({
          TableName: opts.tableName,
          Item: { ...key, type: 'alert', state: 'reserved', at: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') {
        result.alreadySent++;
        continue;
      }
      throw e;
    }
    try {
      await opts.sink.deliver({ to: email.to, subject: email.subject, text: email.text, html: email.html });
      await opts.doc.send(
        new PutCommand({
          TableName: opts.tableName,
          Item: { ...key, type: 'alert', state: 'sent', at: new Date().toISOString() },
        }),
      );
      result.sent++;
    } catch {
      // Release the claim so the next run tries again: nothing is lost.
      await opts.doc.send(new DeleteCommand({ TableName: opts.tableName, Key: key }));
      result.failed++;
    }
  }
  return result;
}
